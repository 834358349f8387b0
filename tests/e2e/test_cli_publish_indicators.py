"""``procure publish --indicators`` through the installed CLI: the city's indicators as a page
of the published site, and as indicators.json and indicators.csv, the same numbers as
``procure indicators DB``; refused, with nothing written, without the awards' database."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import procure
from tests.e2e.test_golden import _check

ROOT = Path(__file__).resolve().parents[2]
EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("indicators")
    shutil.copytree(ROOT / "pipeline", folder / "pipeline")
    assert procure("demo", "--db", folder / "city.sqlite").returncode == 0  # HC-2025-009
    return folder


@pytest.fixture(scope="module")
def site(city: Path) -> Path:
    run = procure("publish", city / "pipeline", "--out", city / "site", "--ocid-prefix",
                  "ocds-hc2027", "--awards-from", city / "city.sqlite", "--indicators",
                  env=EPOCH)
    assert run.returncode == 0, run.stderr
    assert "indicators.html, indicators.json and indicators.csv" in run.stdout
    return city / "site"


def _indicators(db: Path, by: str) -> dict:  # type: ignore[type-arg]
    done = procure("indicators", db, "--by", by, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_json_is_procure_indicators_with_every_grouping(city: Path, site: Path) -> None:
    published = json.loads((site / "indicators.json").read_text("utf-8"))
    assert list(published) == ["overall", "by_buyer", "by_cpv", "by_year", "maturity"]
    for by in ("buyer", "cpv", "year"):
        found = _indicators(city / "city.sqlite", by)
        assert published["overall"] == found["overall"]
        assert published[f"by_{by}"] == found["groups"]
        assert published["maturity"] == found["maturity"]
    _check("publish-indicators/indicators.json", (site / "indicators.json").read_text("utf-8"))


def test_the_csv_has_a_row_overall_and_one_per_group(site: Path) -> None:
    published = json.loads((site / "indicators.json").read_text("utf-8"))
    text = (site / "indicators.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.removeprefix("\ufeff").splitlines()))
    assert [(r["grouping"], r["key"]) for r in rows] == [("overall", ""), *(
        (by, g["key"]) for by in ("buyer", "cpv", "year") for g in published[f"by_{by}"])]
    assert rows[0]["procedures"] == str(published["overall"]["procedures"])
    _check("publish-indicators/indicators.csv", text)


def test_every_page_links_the_indicators_page(site: Path) -> None:
    for page in ("index.html", "policy.html", "notices/HC-2027-001.html",
                 "awards/HC-2025-009.html"):
        root = "../" if "/" in page else ""
        assert f'href="{root}indicators.html"' in (site / page).read_text("utf-8"), page
    page = (site / "indicators.html").read_text("utf-8")
    assert "award releases" in page and "Harbourside City Transport Bureau" in page
    assert "<h2" in page and page.count('class="groups"') == 3
    # The demo's design reviews: 2025 two designs (6 and 0 rows smart), 2026 one (13).
    assert 'id="maturity"' in page and "<th scope=\"col\" class=\"num\">2025</th>" in page
    assert "<td class=\"num\">3.0</td><td class=\"num\">13.0</td>" in page
    assert 'on average<br><span lang="zh-CN">每个方案平均智慧行数</span>' in page


def test_without_the_awards_it_is_refused_and_nothing_is_written(city: Path,
                                                                  tmp_path: Path) -> None:
    source = tmp_path / "pipeline"
    shutil.copytree(ROOT / "pipeline", source)
    before = sorted(p.name for p in source.iterdir())
    run = procure("publish", source, "--out", tmp_path / "site", "--ocid-prefix", "ocds-hc2027",
                  "--indicators")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == ("error: --indicators: needs --awards-from DB (the indicators are "
                          "computed from the city's awards)\n")
    assert not (tmp_path / "site").exists()
    assert sorted(p.name for p in source.iterdir()) == before  # no publish state either


def test_a_database_source_gives_its_own_awards(city: Path, tmp_path: Path) -> None:
    db = tmp_path / "city.sqlite"
    shutil.copy(city / "city.sqlite", db)
    run = procure("publish", db, "--out", tmp_path / "site", "--ocid-prefix", "ocds-hc2027",
                  "--publisher", "Harbourside City · 港湾市", "--indicators", env=EPOCH)
    assert run.returncode == 0, run.stderr
    published = json.loads((tmp_path / "site" / "indicators.json").read_text("utf-8"))
    assert published["overall"] == _indicators(db, "year")["overall"]
