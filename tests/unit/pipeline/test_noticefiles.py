"""Notice pages deferred to one process, and processes whose failures reach the parent."""

from __future__ import annotations

import os

import pytest

from procurement.pipeline import publish as publishing
from procurement.pipeline.forked import Forked
from procurement.pipeline.noticefiles import NoticeFiles, deferred_pages, write_deferred
from procurement.pipeline.sources import EntryReader
from procurement.pipeline.state import FileState
from tests.unit.pipeline.test_reuse import NOW, OPTIONS, run
from tests.unit.pipeline.test_shares import pipeline_csv


def test_deferred_pages_are_written_later_in_order(tmp_path):
    (tmp_path / "notices").mkdir()
    part = tmp_path / ".part-0.pages"
    with NoticeFiles(tmp_path, deferred=part) as pages:
        pages.write("E-1.html", "<p>一</p>")
        pages.write("采购-2.html", "")
        pages.write("E-1.html", "<p>again</p>")  # a duplicate id: the later page wins
    assert list((tmp_path / "notices").iterdir()) == []
    assert [name for name, _ in deferred_pages(part)] == ["E-1.html", "采购-2.html", "E-1.html"]
    assert write_deferred(tmp_path, [part]) == 3
    assert (tmp_path / "notices" / "E-1.html").read_text(encoding="utf-8") == "<p>again</p>"
    assert (tmp_path / "notices" / "采购-2.html").read_bytes() == b""


def _fails() -> None:
    raise OSError(28, "No space left on device")


def test_a_child_returns_its_result_or_raises_its_error():
    assert Forked(sum, [1, 2, 3]).result() == 6
    with pytest.raises(OSError, match="No space left"):
        Forked(_fails).result()
    with pytest.raises(RuntimeError, match="exit code 3"):
        Forked(os._exit, 3).result()


def test_a_failed_page_writer_publishes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(publishing, "ENTRIES_PER_PROCESS", 4)
    monkeypatch.setattr(publishing, "write_deferred", lambda folder, parts: _fails())
    source, out, state = pipeline_csv(tmp_path / "p.csv", 12), tmp_path / "site", tmp_path / "s"
    with pytest.raises(OSError, match="No space left"):
        run(source, out, state, processes=2)
    assert not out.exists() and not state.exists()
    assert list(tmp_path.iterdir()) == [source]  # no temporary folder left behind


def test_shared_pages_are_written_for_every_entry(tmp_path, monkeypatch):
    monkeypatch.setattr(publishing, "ENTRIES_PER_PROCESS", 4)
    source = pipeline_csv(tmp_path / "p.csv", 12)
    report = publishing.publish(EntryReader(source), tmp_path / "site", OPTIONS, NOW,
                                FileState(tmp_path / "s"), processes=2)
    assert report.entries == 12
    assert sorted(p.name for p in (tmp_path / "site" / "notices").iterdir()) == [
        f"E-{i:03d}.html" for i in range(12)]
    assert not list((tmp_path / "site").glob(".part-*"))

