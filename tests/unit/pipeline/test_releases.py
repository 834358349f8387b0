"""Planning and award releases, checked with the official schema by both validators."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from procurement.pipeline.awards import AwardNotice, Winner, award_release
from procurement.pipeline.checks import PackageChecker, load_schema, schema_dir
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.planning import entry_hash, planning_release
from procurement.pipeline.releases import NoticeOptions, release_date

ENTRY = PipelineEntry.model_validate({
    "id": "PIPE-1", "title": "Cycle lanes", "buyer": "London Borough of Barnet",
    "buyer_id": "GB-LAE-BNE", "estimated_value": "2500000", "currency": "GBP",
    "procurement_method": "open", "category": "works", "cpv": "45233162",
    "expected_tender_date": "2025-10-01", "contract_start": "2026-04-01",
    "contract_end": "2028-03-31", "engagement_date": "2025-06-01", "status": "planning"})
OPTIONS = NoticeOptions("ocds-213czf", "ocds", "https://example.org/pipeline")
STAMP = "2025-04-01T09:00:00Z"


def reference_validator() -> jsonschema.Draft4Validator:
    # The `jsonschema` package with its format checker, as the review tool runs it.
    return jsonschema.Draft4Validator(load_schema("release-schema.json"),
                                      format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_the_first_release_is_a_planning_notice_with_the_anchor_fields():
    release = planning_release(ENTRY, OPTIONS, 1, STAMP)
    assert release["ocid"] == "ocds-213czf-PIPE-1" and release["id"] == "ocds-213czf-PIPE-1-01"
    assert release["tag"] == ["planning"] and release["initiationType"] == "tender"
    assert release["parties"][0]["identifier"] == {
        "scheme": "GB-LAE", "id": "BNE", "legalName": "London Borough of Barnet"}
    assert release["buyer"] == {"id": "GB-LAE-BNE", "name": "London Borough of Barnet"}
    assert release["planning"]["budget"]["amount"] == {"amount": 2500000, "currency": "GBP"}
    notice = release["planning"]["documents"][0]
    assert notice["documentType"] == "plannedProcurementNotice"
    assert notice["url"] == "https://example.org/pipeline/notices/PIPE-1.html"
    tender = release["tender"]
    assert tender["status"] == "planning" and tender["mainProcurementCategory"] == "works"
    assert tender["items"][0]["classification"] == {
        "scheme": "CPV", "id": "45233162", "description": "Cycle path construction work"}
    assert tender["tenderPeriod"] == {"startDate": "2025-10-01T00:00:00Z"}
    assert tender["contractPeriod"] == {"startDate": "2026-04-01T00:00:00Z",
                                        "endDate": "2028-03-31T23:59:59Z"}
    assert release["planning"]["milestones"][0]["type"] == "engagement"
    assert not list(reference_validator().iter_errors(release))
    checker = PackageChecker()
    checker.release(release, "PIPE-1")
    assert checker.problems == []


def test_the_expected_award_date_is_when_the_decision_is_due():
    """OCDS 1.1.5: awardPeriod.endDate is "the date on which an award decision is due to be
    finalized"; startDate would say the award period opens then (issue 13 point 4)."""
    entry = ENTRY.model_copy(update={"expected_award_date": date(2026, 1, 15)})
    tender = planning_release(entry, OPTIONS, 1, STAMP)["tender"]
    assert tender["awardPeriod"] == {"endDate": "2026-01-15T23:59:59Z"}


@pytest.mark.parametrize(("now", "previous", "date"), [
    ("2026-11-18T11:06:40Z", "", "2026-11-18T11:06:40Z"),
    ("2026-11-18T11:06:40Z", "2026-11-01T09:00:00Z", "2026-11-18T11:06:40Z"),
    # the same time again (SOURCE_DATE_EPOCH unchanged): one second later
    ("2026-11-18T11:06:40Z", "2026-11-18T11:06:40Z", "2026-11-18T11:06:41Z"),
    # a clock set back, across midnight and the year's end
    ("2026-11-18T11:06:40Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"),
])
def test_releases_of_one_ocid_are_strictly_ordered_by_date(now, previous, date):
    """OCDS 1.1.5 merging orders an ocid's releases by date: two with one date compile
    differently by input order (issue 13 point 2)."""
    assert release_date(now, previous) == date


def test_later_releases_are_updates_and_withdrawal_is_a_status():
    withdrawn = ENTRY.model_copy(update={"status": "withdrawn"})
    release = planning_release(withdrawn, OPTIONS, 3, STAMP)
    assert release["tag"] == ["planningUpdate"] and release["id"].endswith("-03")
    assert release["tender"]["status"] == "withdrawn"
    assert not list(reference_validator().iter_errors(release))


def test_the_hash_changes_with_the_entry_and_the_notice_options():
    assert entry_hash(ENTRY, OPTIONS) == entry_hash(ENTRY, OPTIONS)
    assert entry_hash(ENTRY, OPTIONS) != entry_hash(
        ENTRY.model_copy(update={"title": "Cycle lanes (phase 1)"}), OPTIONS)
    assert entry_hash(ENTRY, OPTIONS) != entry_hash(
        ENTRY, NoticeOptions("ocds-213czf", "uk1", "https://example.org/pipeline"))


def test_a_minimal_entry_gives_a_valid_release_with_no_empty_fields():
    entry = PipelineEntry.model_validate({"id": "X", "title": "T", "buyer": "城市 B"})
    release = planning_release(entry, NoticeOptions("ocds-213czf"), 1, STAMP)
    assert release["parties"][0]["id"].startswith("buyer-")
    checker = PackageChecker()
    checker.release(release, "X")
    assert checker.problems == []
    assert "url" not in release["planning"]["documents"][0]


def test_uk1_marks_the_notice_document():
    release = planning_release(ENTRY, NoticeOptions("ocds-213czf", "uk1"), 1, STAMP)
    (notice,) = release["planning"]["documents"]
    assert notice["description"] == "UK1 pipeline notice (Procurement Act 2023 s.93)"
    assert "noticeType" not in notice  # the UK extension's field, not declared


def test_an_award_release_names_each_lot_winner():
    notice = AwardNotice("HC-2026-017", "Smart parking", "Harbourside", date(2026, 12, 20), 5,
                         (Winner("north", "OpenKerb", None, Decimal("100.5")),
                          Winner("south", "OpenKerb", None, Decimal("80"))), "CNY")
    release = award_release(notice, OPTIONS, 1, STAMP)
    assert release["tag"] == ["award"] and release["ocid"] == "ocds-213czf-HC-2026-017"
    assert [a["id"] for a in release["awards"]] == ["HC-2026-017-north", "HC-2026-017-south"]
    assert release["awards"][0]["value"] == {"amount": 100.5, "currency": "CNY"}
    assert [p["roles"] for p in release["parties"]] == [["buyer", "procuringEntity"],
                                                         ["supplier", "tenderer"]]
    assert not list(reference_validator().iter_errors(release))


@pytest.mark.parametrize(("change", "path"), [
    (lambda r: r.update(date="2025-04-01"), "date"),
    (lambda r: r["tender"].update(status="pipeline"), "tender.status"),
    (lambda r: r["tender"]["value"].update(currency="XXY"), "tender.value.currency"),
    (lambda r: r["tender"].update(description=""), "tender.description"),
    (lambda r: r["planning"].update(milestones=[]), "planning.milestones"),
    (lambda r: r.update(ocid="ocds-ABC-1"), "ocid"),
])
def test_the_checker_names_the_entry_and_field(change, path):
    release = planning_release(ENTRY, OPTIONS, 1, STAMP)
    change(release)
    checker = PackageChecker()
    checker.release(release, "pipeline/PIPE-1.yaml")
    assert checker.problems
    assert all(p.file == "pipeline/PIPE-1.yaml" for p in checker.problems)
    assert path in {p.field for p in checker.problems}


def test_a_release_id_used_twice_is_refused():
    checker = PackageChecker()
    release = planning_release(ENTRY, OPTIONS, 1, STAMP)
    checker.release(release, "a")
    checker.release(json.loads(json.dumps(release)), "b")
    assert [p.render("en") for p in checker.problems] == [
        "b, field id: release ocds-213czf-PIPE-1-01 appears twice for ocds-213czf-PIPE-1"]


def test_the_shipped_schema_is_the_official_one_unchanged():
    import hashlib

    readme = (schema_dir() / "README.md").read_text(encoding="utf-8")
    for name in ("release-schema.json", "release-package-schema.json"):
        digest = hashlib.sha256((schema_dir() / name).read_bytes()).hexdigest()
        assert digest in readme, name
    assert "Apache License" in Path(schema_dir() / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["", " ", "\u3000", "\x1c", "\t\n", "\u2028 ", "a", " a ", "\u200b",
                                  "\ufeff", "·"])
def test_the_screening_finds_every_blank_string_and_only_those(text):
    from procurement.pipeline.checks import screening_validator

    release = planning_release(ENTRY, OPTIONS, 1, STAMP)
    release["tender"]["description"] = text
    assert screening_validator().is_valid(release) == bool(text.strip())
    checker = PackageChecker()
    checker.release(release, "x")
    assert bool(checker.problems) == (not text.strip())


def test_the_screening_refuses_empty_objects_and_arrays_at_any_depth():
    from procurement.pipeline.checks import screening_validator

    for change in (lambda r: r["planning"].update(milestones=[]),
                   lambda r: r["tender"].update(value={}),
                   lambda r: r["parties"][0].update(roles=[""])):
        release = planning_release(ENTRY, OPTIONS, 1, STAMP)
        change(release)
        assert not screening_validator().is_valid(release)


def test_python_whitespace_is_all_in_the_basic_plane():
    import sys

    assert not [code for code in range(0x10000, sys.maxunicode + 1) if chr(code).isspace()]
