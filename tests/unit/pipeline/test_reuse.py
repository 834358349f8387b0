"""Notice pages of unchanged entries are kept from the previous publication (hard links),
and only when nothing they show can have changed."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.pages import KeptPages
from procurement.pipeline.publish import PublishOptions, PublishReport, publish
from procurement.pipeline.sources import EntryReader
from procurement.pipeline.state import FileState
from tests.unit.pipeline.test_publish import files, pipeline_csv

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)
OPTIONS = PublishOptions("ocds-hc2027", "ocds", "https://open.example.org/p",
                         publisher="Harbourside")


def inodes(out: Path) -> dict[str, int]:
    return {page.name: page.stat().st_ino for page in (out / "notices").iterdir()}


def run(source: Path, out: Path, state: Path, when: datetime = NOW,
        options: PublishOptions = OPTIONS) -> PublishReport:
    return publish(EntryReader(source), out, options, when, FileState(state))


def test_unchanged_pages_are_kept_and_the_site_is_the_same(tmp_path):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 12), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    before, first = inodes(out), files(out)
    run(source, out, state, LATER)
    assert inodes(out) == before  # the very same files, not copies
    assert files(out) == first


def test_a_changed_entry_gets_a_new_page_and_the_others_are_kept(tmp_path):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 5), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    before = inodes(out)
    source.write_text(source.read_text(encoding="utf-8").replace("Plan 3 ", "Plan three "),
                      encoding="utf-8")
    run(source, out, state, LATER)
    after = inodes(out)
    assert {name for name in after if after[name] != before[name]} == {"E-003.html"}
    assert "Plan three" in (out / "notices" / "E-003.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("change", [
    {"license": "https://creativecommons.org/licenses/by/4.0/"},
    {"publisher": "Harbourside City Council"},
    {"base_url": "https://data.example.org/pipeline"},
])
def test_a_changed_option_writes_every_page_again(tmp_path, change):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 4), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    before = inodes(out)
    options = dataclasses.replace(OPTIONS, **change)
    run(source, out, state, LATER, options=options)
    after = inodes(out)
    assert all(after[name] != before[name] for name in before)
    assert all(str(value) in (out / "notices" / name).read_text(encoding="utf-8")
               for value in change.values() for name in after if "base_url" not in change)


def test_a_site_made_from_another_state_is_not_trusted(tmp_path):
    source, out = pipeline_csv(tmp_path / "p.csv", 4), tmp_path / "site"
    run(source, out, tmp_path / "one")
    run(source, tmp_path / "elsewhere", tmp_path / "two", LATER)  # a state one day apart
    before = inodes(out)
    run(source, out, tmp_path / "two", LATER + timedelta(days=1))
    assert all(inodes(out)[name] != before[name] for name in before)


def test_a_page_kept_once_is_kept_again_and_a_missing_one_is_written(tmp_path):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 4), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    (out / "notices" / "E-002.html").unlink()
    run(source, out, state, LATER)
    assert (out / "notices" / "E-002.html").is_file()
    before = inodes(out)
    run(source, out, state, LATER + timedelta(days=1))
    assert inodes(out) == before


def test_a_failed_publish_leaves_the_kept_pages_as_they_were(tmp_path):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 6), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    first = files(out)
    with source.open("a", encoding="utf-8") as more:
        more.write("E-001,Other,Dept 0,5,CNY,2027-01-01,x\n")  # a duplicate id fails it
    with pytest.raises(InputError):
        run(source, out, state, LATER)
    assert files(out) == first


def test_a_page_written_where_one_was_kept_leaves_the_published_one_alone(tmp_path):
    previous, folder = tmp_path / "site" / "notices", tmp_path / "new"
    previous.mkdir(parents=True)
    (previous / "E-1.html").write_text("published", encoding="utf-8")
    folder.mkdir()
    entry = PipelineEntry(id="E-1", title="Changed", buyer="Dept")
    with KeptPages(folder, OPTIONS, previous) as pages:
        pages.page(entry, "2026-11-26T09:00:00Z", unchanged=True)
        pages.page(entry, "2026-11-26T09:00:00Z", unchanged=False)  # the same name, anew
    assert (previous / "E-1.html").read_text(encoding="utf-8") == "published"
    assert "Changed" in (folder / "notices" / "E-1.html").read_text(encoding="utf-8")


def test_publishing_the_indicators_links_them_from_every_page_written_again(tmp_path):
    source, out, state = pipeline_csv(tmp_path / "p.csv", 4), tmp_path / "site", tmp_path / "s"
    run(source, out, state)
    before = inodes(out)
    assert "indicators.html" not in (out / "notices" / "E-001.html").read_text("utf-8")
    figures = {"overall": {"procedures": 0}, "by_buyer": [], "by_cpv": [], "by_year": []}
    publish(EntryReader(source), out, OPTIONS, LATER, FileState(state), indicators=figures)
    after = inodes(out)
    assert all(after[name] != before[name] for name in before)  # the navigation changed
    for page in ("index.html", "notices/E-001.html", "indicators.html", "policy.html"):
        if (out / page).exists():
            assert 'indicators.html">Procurement indicators' in (out / page).read_text("utf-8")
    assert {"indicators.csv", "indicators.json"} <= {p.name for p in out.iterdir()}
    run(source, out, state, LATER + timedelta(days=1))  # without: the page and link go
    assert not (out / "indicators.html").exists()
    assert "indicators.html" not in (out / "index.html").read_text("utf-8")
