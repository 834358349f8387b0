"""A large pipeline shared among processes publishes exactly what one process would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.pipeline import publish as publishing
from procurement.pipeline.publish import PublishOptions, publish
from procurement.pipeline.sources import EntryReader, ranges
from procurement.pipeline.state import FileState

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
OPTIONS = PublishOptions("ocds-hc2027", "cn", "https://open.example.cn/p",
                         publisher="Harbourside", policy_text="# Policy\n")


def pipeline_csv(path: Path, rows: int, duplicate: bool = False) -> Path:
    lines = ["id,title,buyer,estimated_value,currency,expected_tender_date,description"]
    for i in range(rows):
        lines.append(f"E-{i:03d},Plan {i} 计划,Dept {i % 3},{1000 * (i + 1)},CNY,2027-0{1 + i % 9}-01,"
                     f"\"needs {i}\nsecond line\"")
    if duplicate:
        lines.append("E-001,Again,Dept 0,5,CNY,2027-01-01,x")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_ranges_are_consecutive_and_respect_the_minimum():
    assert ranges(10, 2) == [(0, 5), (5, 10)]
    assert ranges(10, 3) == [(0, 4), (4, 8), (8, 10)]
    assert ranges(10, 4, min_size=5) == [(0, 5), (5, 10)]
    assert ranges(3, 2, min_size=5) == [(0, 3)]
    assert ranges(0, 2) == [(0, 0)]


def test_shared_publishing_is_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setattr(publishing, "ENTRIES_PER_PROCESS", 4)
    source = pipeline_csv(tmp_path / "p.csv", 23)
    one = publish(EntryReader(source), tmp_path / "one", OPTIONS, NOW,
                  FileState(tmp_path / "one.jsonl"))
    three = publish(EntryReader(source), tmp_path / "three", OPTIONS, NOW,
                    FileState(tmp_path / "three.jsonl"), processes=3)
    assert (one.entries, one.new_releases) == (three.entries, three.new_releases) == (23, 23)
    assert files(tmp_path / "one") == files(tmp_path / "three")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "three.jsonl").read_bytes()
    intentions = (tmp_path / "three" / "procurement-intentions.html").read_text(encoding="utf-8")
    assert '<td class="num">23</td>' in intentions  # 序号 runs on across the shares


def test_a_duplicate_across_shares_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(publishing, "ENTRIES_PER_PROCESS", 4)
    source = pipeline_csv(tmp_path / "p.csv", 12, duplicate=True)
    with pytest.raises(InputError) as caught:
        publish(EntryReader(source), tmp_path / "out", OPTIONS, NOW,
                FileState(tmp_path / "s.jsonl"), processes=2)
    assert caught.value.lines("en") == [
        f"{source}, row 14, column id: duplicate id E-001 (first at {source}:3)"]
    assert not (tmp_path / "out").exists() and not (tmp_path / "s.jsonl").exists()
