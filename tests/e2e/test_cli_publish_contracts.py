"""The demo city's running contract published through the installed ``procure publish``
(issue 15, "Outputs"): a contract release and an implementation release under the award's
ocid, passing the Data Review Tool (libcoveocds, offline) with no error and no additional
field; publishing again adds nothing; a new measurement and a new payment add one
implementation update, dated after the ocid's last release; the audit entry counts them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli import procure
from tests.ocds_review import review

PREFIX = "ocds-hc2027"
OCID = f"{PREFIX}-HC-2025-009"
EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}  # a clock that has not moved between publishes


def _publish(city: Path) -> tuple[str, dict[str, Any]]:
    # The demo's pipeline has two buyers (the Transport Bureau, the Data Office): the city
    # publishes for both.
    run = procure("publish", city, "--out", city.parent / "site", "--ocid-prefix", PREFIX,
                  "--publisher", "Harbourside City · 港湾市", env=EPOCH)
    assert run.returncode == 0, run.stderr
    package = json.loads((city.parent / "site" / "release-package.json").read_text("utf-8"))
    return run.stdout, package


def _of_ocid(package: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in package["releases"] if r["ocid"] == OCID]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contracts") / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


@pytest.fixture(scope="module")
def first(city: Path) -> tuple[str, dict[str, Any]]:
    return _publish(city)


def test_the_contract_and_its_progress_are_published_after_the_award(first):
    stdout, package = first
    assert "1 award releases published.\n2 contract releases published.\n" in stdout
    award, contract, implementation = _of_ocid(package)
    assert [r["tag"] for r in (award, contract, implementation)] == [
        ["award"], ["contract"], ["implementation"]]
    assert award["date"] < contract["date"] < implementation["date"]
    assert package["extensions"][-1].endswith("/ocds_metrics_extension/v1.1/extension.json")
    (terms,) = contract["contracts"]
    assert terms["awardID"] == award["awards"][0]["id"]
    assert terms["value"] == {"amount": 12948000, "currency": "CNY"}  # with the modification
    assert len(terms["amendments"]) == 1 and len(terms["agreedMetrics"]) == 3
    done = implementation["contracts"][0]["implementation"]
    assert len(done["transactions"]) == 13
    assert sum(len(m["observations"]) for m in done["metrics"]) == 36
    supplier = award["awards"][0]["suppliers"][0]["id"]
    assert {t["payee"]["id"] for t in done["transactions"]} == {supplier}
    assert {t["payer"]["id"] for t in done["transactions"]} == {award["buyer"]["id"]}


@pytest.mark.slow
def test_the_data_review_tool_finds_nothing_to_report(first):
    report = review(first[1])
    assert report["validation_errors"] == []
    assert report["additional_fields"] == []
    assert report["extensions"]["invalid_extension"] == {}
    assert report["additional_closed_codelist_values"] == {}
    assert report["additional_checks"] == {}


def test_republishing_adds_nothing_and_progress_adds_one_update(city, first):
    _stdout, before = first
    again, package = _publish(city)
    assert "contract releases" not in again and len(package["releases"]) == len(
        before["releases"])
    recorded = procure("kpi", "record", "--contract", "1", "--db", city, "--kpi", "2",
                       "--period", "2026-11", "--value", "86", "--as", "li.na")
    assert recorded.returncode == 0, recorded.stderr
    from procurement.services import payments, users
    from procurement.store.db import Database

    db = Database.open(str(city))
    payments.record_payment(db, users.get_actor(db, "li.na"), 1, date(2026, 11, 5), 137500.0,
                            "November charge")
    db.dispose()
    stdout, package = _publish(city)
    assert "1 contract releases published." in stdout
    *earlier, update = _of_ocid(package)
    assert update["tag"] == ["implementationUpdate"]
    assert update["id"] == f"{OCID}-implementation-02"
    assert update["date"] > max(r["date"] for r in earlier)  # the clock stood still
    done = update["contracts"][0]["implementation"]
    assert len(done["transactions"]) == 14
    assert sum(len(m["observations"]) for m in done["metrics"]) == 37
    # The ocid's releases compile to one record, whatever order they are read in (ocdsmerge,
    # with the extended schema: arrays of objects merged by id).
    import ocdsmerge

    from procurement.pipeline.checks import release_schema

    merger = ocdsmerge.Merger(release_schema())
    record = merger.create_compiled_release(_of_ocid(package))
    assert record == merger.create_compiled_release(list(reversed(_of_ocid(package))))
    (compiled,) = record["contracts"]
    assert compiled["status"] == "active" and len(compiled["agreedMetrics"]) == 3
    assert len(compiled["implementation"]["transactions"]) == 14
    assert compiled["awardID"] == record["awards"][0]["id"]
    with sqlite3.connect(city) as connection:
        audited = [json.loads(after) for (after,) in connection.execute(
            "SELECT after FROM audit_log WHERE action = 'pipeline.publish' ORDER BY seq")]
    assert [a["contracts"] for a in audited] == [2, 0, 1]
