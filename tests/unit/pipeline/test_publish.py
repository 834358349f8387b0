"""One pass over the pipeline: what it writes, what it refuses, and what it never leaves."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from procurement.errors import InputError
from procurement.pipeline import pages as notice_pages
from procurement.pipeline import planning
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
    # (the database's entries are still shared out with them)
    assert ranges(10, 2) == [(0, 5), (5, 10)]
    assert ranges(10, 3) == [(0, 4), (4, 8), (8, 10)]
    assert ranges(10, 4, min_size=5) == [(0, 5), (5, 10)]
    assert ranges(3, 2, min_size=5) == [(0, 3)]
    assert ranges(0, 2) == [(0, 0)]


def test_the_intentions_are_numbered_in_one_run_and_no_work_file_is_left(tmp_path):
    source = pipeline_csv(tmp_path / "p.csv", 23)
    report = publish(EntryReader(source), tmp_path / "site", OPTIONS, NOW,
                     FileState(tmp_path / "s.jsonl"))
    assert (report.entries, report.new_releases, report.releases) == (23, 23, 23)
    intentions = (tmp_path / "site" / "procurement-intentions.html").read_text(encoding="utf-8")
    assert [f'<td class="num">{n}</td>' in intentions for n in (1, 23)] == [True, True]
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "feed.atom", "index.html", "notices", "pipeline.csv", "policy.html",
        "procurement-intentions.csv", "procurement-intentions.html", "release-package.json",
        "style.css"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv", "s.jsonl", "site"]


@pytest.mark.parametrize("pages", [True, False])
def test_processes_changes_nothing(tmp_path, pages):
    """With two processes the second writes the pages (anew, then kept): the files are the
    same as with one, and without pages too."""
    source = pipeline_csv(tmp_path / "p.csv", 12)
    options = replace(OPTIONS, pages=pages)
    for _ in range(2):  # anew, then again with the pages kept
        publish(EntryReader(source), tmp_path / "one", options, NOW,
                FileState(tmp_path / "1.jsonl"))
        publish(EntryReader(source), tmp_path / "two", options, NOW,
                FileState(tmp_path / "2.jsonl"), processes=2)
        assert files(tmp_path / "one") == files(tmp_path / "two")
        assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


@pytest.mark.parametrize("processes", [1, 2])
def test_a_release_the_schema_refuses_is_named_and_nothing_is_written(
        tmp_path, monkeypatch, processes):
    made = planning.planning_release

    def wrong(*args: Any, **kwargs: Any) -> dict[str, Any]:
        release = made(*args, **kwargs)
        release["tender"]["status"] = "imagined"  # not in the closed tenderStatus codelist
        return release

    monkeypatch.setattr(planning, "planning_release", wrong)
    source = pipeline_csv(tmp_path / "p.csv", 2)
    with pytest.raises(InputError) as caught:
        publish(EntryReader(source), tmp_path / "site", replace(OPTIONS, pages=False), NOW,
                FileState(tmp_path / "s.jsonl"), processes=processes)
    lines = caught.value.lines("en")
    assert len(lines) == 2 and all(
        "field tender.status: not valid OCDS 1.1.5" in line for line in lines), lines
    assert lines[0].startswith(f"{source}:2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]


def test_a_duplicate_is_found_and_nothing_is_written(tmp_path):
    source = pipeline_csv(tmp_path / "p.csv", 12, duplicate=True)
    with pytest.raises(InputError) as caught:
        publish(EntryReader(source), tmp_path / "out", OPTIONS, NOW,
                FileState(tmp_path / "s.jsonl"))
    assert caught.value.lines("en") == [
        f"{source}, row 14, column id: duplicate id E-001 (first at {source}:3)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]


@pytest.mark.parametrize("processes", [1, 2])  # pages written here, or by a forked process
def test_a_failed_page_publishes_nothing(tmp_path, monkeypatch, processes):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 6), tmp_path / "site", tmp_path / "s"
    publish(EntryReader(source), out, OPTIONS, NOW, FileState(state), processes=processes)
    before, committed = files(out), state.read_bytes()
    source.write_text(source.read_text(encoding="utf-8").replace("Plan 3 ", "Plan three "),
                      encoding="utf-8")

    def full(directory: int, name: str, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notice_pages, "write_file", full)
    with pytest.raises(OSError, match="No space left"):
        publish(EntryReader(source), out, OPTIONS, NOW, FileState(state), processes=processes)
    assert files(out) == before and state.read_bytes() == committed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv", "s", "site"]


def test_a_page_writer_that_stops_publishes_nothing(tmp_path, monkeypatch):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 6), tmp_path / "site", tmp_path / "s"
    monkeypatch.setattr(notice_pages, "write_file", lambda directory, name, data: os._exit(3))
    with pytest.raises(RuntimeError, match="exit code 3"):
        publish(EntryReader(source), out, OPTIONS, NOW, FileState(state), processes=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]


def test_a_failed_pass_stops_the_page_writer(tmp_path):
    source = pipeline_csv(tmp_path / "p.csv", 12, duplicate=True)
    with pytest.raises(InputError):
        publish(EntryReader(source), tmp_path / "site", OPTIONS, NOW,
                FileState(tmp_path / "s"), processes=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("fields", [
    {"estimated_value": "1000.50", "currency": "CNY", "sme_suitable": "是", "language": "zh",
     "description": "  两行\n文字 <b>&</b>  ", "expected_tender_date": "2027-01-01",
     "engagement_details": "Supplier day", "contact_email": "a@b.example", "cpv": 45233162},
    {"estimated_value": "1E+3", "currency": "GBP", "status": "withdrawn", "sme_suitable": "no"},
    {},
])
def test_an_entry_sent_to_the_page_writer_arrives_the_same(fields):
    # The forked page writer gets each entry as JSON, validated back.
    from procurement.pipeline.entry import PipelineEntry

    entry = PipelineEntry.model_validate({"id": "E-1", "title": "T", "buyer": "B", **fields})
    again = PipelineEntry.model_validate_json(entry.model_dump_json())
    assert again == entry and str(again.estimated_value) == str(entry.estimated_value)
