"""Published OCDS as its users check it (issue 13): the Data Review Tool's library (libcoveocds,
every additional check, offline) reports no error, no additional field, no invalid extension
and no code outside a codelist, for packages of every notice profile; and each ocid's
releases compile to the same record whatever order they are read in (ocdskit's merge)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from tests.e2e.cli import procure
from tests.ocds_review import review

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "ocds-hc2027"
BASE = "https://open.harbourside.example.cn/pipeline"
UK_PIPELINE = ("id,title,buyer,buyer_id,estimated_value,currency,procurement_method,category,"
               "cpv,expected_tender_date,expected_award_date,sme_suitable\n"
               "U-1,Highways maintenance,London Borough of Barnet,GB-LAE-BNE,2500000,GBP,open,"
               "works,45233142,2027-01-10,2027-04-01,yes\n"
               "U-2,Parks cafés,London Borough of Barnet,GB-LAE-BNE,150000,GBP,open,services,"
               "55330000,2026-09-01,2026-11-01,no\n")
# 2026-05-20: within the UK1 window, so the s.93 check passes
EPOCHS = {"ocds": "1795000000", "cn": "1795000000", "uk1": "1779235200"}


def _publish(folder: Path, profile: str, *extra: str | Path) -> Path:
    if profile == "uk1":
        source = folder / "pipeline.csv"
        source.write_text(UK_PIPELINE, encoding="utf-8")
    else:
        source = folder / "pipeline"
        shutil.copytree(ROOT / "pipeline", source)
    run = procure("publish", source, "--out", folder / "site", "--ocid-prefix", PREFIX,
                  "--profile", profile,
                  "--license", "http://opendatacommons.org/licenses/pddl/1.0/", *extra,
                  env={"SOURCE_DATE_EPOCH": EPOCHS[profile]})
    assert run.returncode == 0, run.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def with_awards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The city's pipeline and its awards (the demo's HC-2025-009), without a base URL."""
    folder = tmp_path_factory.mktemp("review-awards")
    assert procure("demo", "--db", folder / "city.sqlite").returncode == 0
    return _publish(folder, "ocds", "--awards-from", folder / "city.sqlite")


@pytest.fixture(scope="module", params=["ocds", "uk1", "cn", "awards"])
def package(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            with_awards: Path) -> dict[str, Any]:
    profile = request.param
    if profile == "awards":
        site = with_awards
    else:
        site = _publish(tmp_path_factory.mktemp(f"review-{profile}"), profile, "--base-url", BASE)
    data: dict[str, Any] = json.loads((site / "release-package.json").read_text("utf-8"))
    return data


@pytest.mark.slow
def test_the_data_review_tool_finds_nothing_to_report(package):
    report = review(package)
    assert report["validation_errors"] == []
    assert report["additional_fields"] == []
    assert report["extensions"]["invalid_extension"] == {}
    assert [e["url"] for e in report["extensions"]["extensions"]] == package["extensions"]
    assert report["additional_closed_codelist_values"] == {}
    assert report["additional_checks"] == {}
    assert report["deprecated_fields"] == []
    assert not report.get("conformance_errors")


def test_sme_suitability_and_the_next_notice_date_where_find_a_tender_has_them(package):
    tenders = [r["tender"] for r in package["releases"] if "tender" in r]  # not a contract
    assert all(isinstance(t["suitability"]["sme"], bool) for t in tenders
               if "suitability" in t)
    assert any("suitability" in t for t in tenders)
    for tender in tenders:
        if "tenderPeriod" in tender:
            assert tender["communication"]["futureNoticeDate"] == \
                tender["tenderPeriod"]["startDate"]
    assert all("noticeType" not in d for r in package["releases"]
               for d in r.get("planning", {}).get("documents", []))  # no UK extension


ATOM = "{http://www.w3.org/2005/Atom}"
IRI = re.compile(r"^(tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:|urn:uuid:[0-9a-f-]{36}$|https://)")


@pytest.mark.parametrize("site", ["with_awards", "with_a_base_url"])
def test_every_feed_entry_keeps_rfc_4287s_rules(site, with_awards, tmp_path):
    """RFC 4287: an entry has exactly one id (an IRI: a tag: URI, RFC 4151, or a UUID URN),
    one title and one updated (§4.1.2); without content it has a rel="alternate" link
    (§4.1.1): a notice links its page, an award its award page."""
    folder = (_publish(tmp_path, "ocds", "--base-url", BASE) if site == "with_a_base_url"
              else with_awards)
    root = ElementTree.parse(folder / "feed.atom").getroot()
    assert IRI.match(root.findtext(f"{ATOM}id") or "") or \
        (root.findtext(f"{ATOM}id") or "").startswith(BASE)
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for child in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{child}")) == 1, child
        assert IRI.match(entry.findtext(f"{ATOM}id") or ""), entry.findtext(f"{ATOM}id")
        alternate = [link for link in entry.findall(f"{ATOM}link")
                     if link.get("rel", "alternate") == "alternate"]
        content = entry.find(f"{ATOM}content")
        assert alternate or (content is not None and (content.text or "").strip())
    linked = [e for e in entries if any(link.get("href", "").startswith("awards/")
                                        for link in e.findall(f"{ATOM}link"))]
    # The award, then its contract and the contract's progress, all on the award's page.
    awards = [e for e in linked if (e.findtext(f"{ATOM}summary") or "").startswith("Award")]
    assert (len(awards) == 1) == (site == "with_awards")
    assert [(e.findtext(f"{ATOM}summary") or "").split(" · ")[0] for e in linked] == (
        ["Award", "Contract", "Contract progress"] if site == "with_awards" else [])
    if awards:  # its page, and a summary that names the supplier and the value
        text = awards[0].findtext(f"{ATOM}summary") or ""
        assert text == "Award · 授标: Greenwave Mobility Ltd 绿波出行有限公司 · 12,450,000 CNY"
        (link,) = awards[0].findall(f"{ATOM}link")
        assert (folder / link.get("href", "")).is_file()
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


@pytest.mark.slow
@pytest.mark.parametrize("golden", ["publish/release-package.json",
                                    "publish-awards/release-package.json"])
def test_the_golden_packages_pass_the_data_review_tool(golden):
    """The reviewed golden packages (cn planning; planning with the demo's award)."""
    report = review(json.loads((ROOT / "tests" / "golden" / golden).read_text("utf-8")))
    assert report["validation_errors"] == [] and report["additional_fields"] == []
    assert report["extensions"]["invalid_extension"] == {}
    assert report["additional_closed_codelist_values"] == {}
    assert report["additional_checks"] == {}
