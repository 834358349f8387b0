"""The publish state file: summarised without parsing every release, to the same summary."""

from __future__ import annotations

import json

import orjson
import pytest

from procurement.errors import InputError
from procurement.pipeline.state import FileState, journal_line, summarise


def release(ocid: str, sequence: int, date: str) -> bytes:
    return orjson.dumps({"ocid": ocid, "id": f"{ocid}-{sequence:02d}", "date": date,
                         "tag": ["planning"]})


def test_the_summary_is_the_one_every_line_parsed_gives(tmp_path):
    path = tmp_path / "s.jsonl"
    lines = [json.dumps({"kind": "header", "format": 1, "ocid_prefix": "ocds-abc123"}).encode() + b"\n",
             journal_line("A-1", "a" * 32, release("o-A-1", 1, "2026-01-01T00:00:00Z")),
             journal_line('B"2\\x', "b" * 32, release("o-B", 1, "2026-01-02T00:00:00Z")),
             # written by hand (spaces): read the slow way, in its place
             json.dumps({"kind": "release", "entry": "A-1", "hash": "c" * 32,
                         "release": {"ocid": "o-A-1", "id": "o-A-1-02",
                                     "date": "2026-02-01T00:00:00Z"}}).encode() + b"\n",
             journal_line("award:R 1", "d" * 32, release("o-R", 1, "2026-01-03T00:00:00Z")),
             json.dumps({"kind": "policy", "date": "2026-01-01T00:00:00Z", "sha256": "e",
                         "text": "# P"}).encode() + b"\n",
             journal_line("A-1", "f" * 32, release("o-A-1", 3, "2026-03-01T00:00:00Z"))]
    path.write_bytes(b"".join(lines))
    fast = FileState(path).read()
    assert fast == summarise(orjson.loads(line) for line in lines)
    assert fast.last["A-1"] == ("f" * 32, 3, "2026-03-01T00:00:00Z")
    assert fast.last['B"2\\x'][1] == 1 and fast.release_count == 5
    assert fast.ocid_prefix == "ocds-abc123" and [p.text for p in fast.policies] == ["# P"]


def test_a_damaged_release_is_found_before_anything_is_published(tmp_path):
    path = tmp_path / "s.jsonl"
    line = journal_line("A-1", "a" * 32, release("o-A-1", 1, "2026-01-01T00:00:00Z"))
    path.write_bytes(line + line[:-20] + b"\n")
    FileState(path).read()  # the summary reads only the start of each release line
    with pytest.raises(InputError) as caught:
        list(FileState(path).releases())
    assert caught.value.lines("en")[0].startswith(f"{path}: line 2: damaged publish state")
