"""What has been published, kept beside the source so that releases are never edited.

The state is JSON Lines (git-friendly: a publish only appends lines): a header naming the
ocid prefix, then every release ever published with the entry it came from and that entry's
hash, and every published version of the procurement policy. Publishing again compares each
entry's hash with the last one published: unchanged entries add nothing, a changed entry adds
exactly one release under the same ocid.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson

from procurement.errors import fail
from procurement.i18n import N_

FORMAT = 1
_COPY_BUFFER = 1 << 20
# The start of a release line as journal_line writes it, up to the release's date (its third
# key, after ocid and id): all that the summary needs, found without parsing the release,
# which is most of the cost of reading a state of 100,000 releases. Any other line is parsed
# whole; a damaged release line is found when the releases are read (before any publishing).
_STRING = rb'"[^"\\]*(?:\\.[^"\\]*)*"'  # a JSON string, in the form a regex runs through fast
_RELEASE_START = re.compile(
    rb'\{"kind":"release","entry":(' + _STRING + rb'),"hash":"([0-9a-f]*)","release":\{"ocid":'
    + _STRING + rb',"id":' + _STRING + rb',"date":"([^"\\]*)"')


@dataclass(frozen=True)
class PolicyVersion:
    date: str
    sha256: str
    text: str


@dataclass
class Published:
    """The state summarised: enough to decide what is new without holding the releases."""

    ocid_prefix: str | None = None
    # key → (hash, sequence, date) of the last release published for each entry
    last: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    last_date: str | None = None
    policies: list[PolicyVersion] = field(default_factory=list)

    def item(self, item: dict[str, Any]) -> None:
        """Take one item of a state into account, in the state's order."""
        kind = item["kind"]
        if kind == "header":
            self.ocid_prefix = item["ocid_prefix"]
        elif kind == "release":
            self.add(item["entry"], item["hash"], item["release"]["date"])
        elif kind == "policy":
            self.policies.append(PolicyVersion(item["date"], item["sha256"], item["text"]))

    def add(self, key: str, digest: str, date: str) -> None:
        """One more release published for ``key``."""
        _hash, sequence, _date = self.last.get(key, ("", 0, ""))
        self.last[key] = (digest, sequence + 1, date)
        self.last_date = max(self.last_date or "", date)

    @property
    def release_count(self) -> int:
        return sum(sequence for _hash, sequence, _date in self.last.values())


class PublishState(Protocol):
    """Where the releases already published are kept (a file beside the source, or a
    database table when the pipeline lives in the database)."""

    def read(self) -> Published: ...

    def releases(self) -> Iterator[tuple[str, dict[str, Any]]]: ...

    def commit(self, ocid_prefix: str, journals: list[Path],
               policy: PolicyVersion | None) -> None: ...


def summarise(items: Iterable[dict[str, Any]]) -> Published:
    """What a state's items say has been published."""
    published = Published()
    for item in items:
        published.item(item)
    return published


def releases_in(items: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in items:
        if item["kind"] == "release":
            yield item["entry"], item["release"]


def header_item(ocid_prefix: str) -> dict[str, Any]:
    return {"kind": "header", "format": FORMAT, "ocid_prefix": ocid_prefix}


def policy_item(policy: PolicyVersion) -> dict[str, Any]:
    return {"kind": "policy", "date": policy.date, "sha256": policy.sha256, "text": policy.text}


def journal_line(key: str, digest: str, release_json: bytes) -> bytes:
    """One state line for a release already serialised as compact JSON (UTF-8)."""
    # orjson writes a string as json.dumps(ensure_ascii=False) does, in a tenth of the time.
    return (b'{"kind":"release","entry":' + orjson.dumps(key) + b',"hash":"'
            + digest.encode("ascii") + b'","release":' + release_json + b"}\n")


def read_journals(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                yield orjson.loads(line)


@dataclass
class FileState:
    """The state as ``<source>.published.jsonl`` (or a path the user gives)."""

    path: Path

    @classmethod
    def beside(cls, source: Path) -> FileState:
        return cls(source.with_name(source.name + ".published.jsonl"))

    @classmethod
    def of(cls, source: Path) -> FileState:
        """The default state of ``source``: ``published.jsonl`` inside a pipeline folder (the
        city's ``pipeline/`` keeps entries, policy and state together, to be committed as
        one), ``<file>.published.jsonl`` beside a file. A folder published before the state
        moved inside keeps the one beside it, so that no published release is forgotten."""
        if not source.is_dir():
            return cls.beside(source)
        earlier = cls.beside(source)
        inside = cls(source / "published.jsonl")
        return earlier if earlier.path.exists() and not inside.path.exists() else inside

    def _lines(self) -> Iterator[tuple[int, bytes]]:
        if not self.path.exists():
            return
        # Bytes: orjson reads UTF-8 itself, faster than decoding 100,000 lines to str first.
        with self.path.open("rb") as lines:
            yield from enumerate(lines, start=1)

    def _items(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for number, line in self._lines():
            yield number, self._parse(number, line)

    def _parse(self, number: int, line: bytes) -> dict[str, Any]:
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise fail(str(self.path), N_("line {line}: damaged publish state ({reason})"),
                       line=number, reason=exc.msg) from exc
        if not isinstance(item, dict) or "kind" not in item:
            raise fail(str(self.path), N_("line {line}: damaged publish state ({reason})"),
                       line=number, reason="no kind")
        return item

    def read(self) -> Published:
        published = Published()
        for number, line in self._lines():
            start = _RELEASE_START.match(line)
            if start is None:
                published.item(self._parse(number, line))
            else:
                key = start[1]
                published.add(key[1:-1].decode("utf-8") if b"\\" not in key else json.loads(key),
                              start[2].decode("ascii"), start[3].decode("ascii"))
        return published

    def releases(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return releases_in(item for _number, item in self._items())

    def commit(self, ocid_prefix: str, journals: list[Path],
               policy: PolicyVersion | None) -> None:
        """Append the journals of new releases (and a new policy version) atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            # Bytes: the lines are copied as they are, not decoded and encoded again.
            with os.fdopen(handle, "wb") as out:
                if self.path.exists():
                    with self.path.open("rb") as old:
                        shutil.copyfileobj(old, out, _COPY_BUFFER)
                else:
                    out.write(json.dumps(header_item(ocid_prefix)).encode("utf-8") + b"\n")
                for journal in journals:
                    with journal.open("rb") as new:
                        shutil.copyfileobj(new, out, _COPY_BUFFER)
                if policy is not None:
                    out.write(json.dumps(policy_item(policy), ensure_ascii=False).encode("utf-8")
                              + b"\n")
            Path(temporary).chmod(0o644)  # mkstemp makes it private; it is public data
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
