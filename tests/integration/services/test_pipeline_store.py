"""The pipeline kept in the database (SQLite and PostgreSQL): edits, import, publishing with
the state in the database, and the awards the workflow has made."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from procurement.errors import InputError
from procurement.pipeline.publish import PublishOptions
from procurement.services import audit_log, award, clock, moderation, pipeline, pipeline_store
from procurement.services.errors import PermissionDenied, StateError
from procurement.store import audit
from tests.integration import world

EXAMPLE = Path(__file__).resolve().parents[3] / "pipeline"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
OPTIONS = PublishOptions("ocds-hc2027", license="http://opendatacommons.org/licenses/pddl/1.0/")


def package(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    return loaded


def test_leads_keep_the_pipeline(db):
    who = world.people(db)
    assert pipeline_store.import_entries(db, who["lead"], EXAMPLE) == 3
    with pytest.raises(PermissionDenied):
        pipeline_store.save_entry(db, who["obs"], {"id": "X", "title": "T", "buyer": "B"})
    pipeline_store.save_entry(db, who["lead"], {"id": "HC-9", "title": "Bins 垃圾桶",
                                                "buyer": "City", "estimated_value": "10",
                                                "currency": "CNY"})
    with pytest.raises(InputError) as caught:
        pipeline_store.save_entry(db, who["lead"], {"id": "HC-10", "title": "T", "buyer": "B",
                                                    "contract_start": "2027-02-01",
                                                    "contract_end": "2027-01-01"})
    assert caught.value.lines("en") == [
        "pipeline, field contract_end: must not be before contract_start"]
    renamed = pipeline_store.save_entry(db, who["lead"], {"id": "HC-11", "title": "Bins",
                                                          "buyer": "City"}, replacing="HC-9")
    assert renamed.id == "HC-11"
    assert [e.id for e in pipeline_store.list_entries(db)] == [
        "HC-2027-001", "HC-2027-002", "HC-2027-003", "HC-11"]
    pipeline_store.delete_entry(db, who["lead"], "HC-11")
    with db.read() as session:
        actions = [e.action for e in audit.entries(session)]
    assert actions[-4:] == ["pipeline.import", "pipeline.save", "pipeline.save", "pipeline.delete"]
    assert audit_log.verify_chain(db).ok


def test_publishing_from_the_database_keeps_its_state_there(db, tmp_path):
    who = world.people(db)
    pipeline_store.import_entries(db, who["lead"], EXAMPLE)
    first = pipeline.publish_database(db, tmp_path / "site", OPTIONS, NOW, who["lead"])
    assert (first.report.new_releases, first.report.releases) == (3, 3)
    again = pipeline.publish_database(db, tmp_path / "site", OPTIONS, NOW, who["lead"])
    assert (again.report.new_releases, again.report.unchanged) == (0, 3)

    entry = next(e for e in pipeline_store.list_entries(db) if e.id == "HC-2027-002")
    pipeline_store.save_entry(db, who["lead"], {**entry.model_dump(exclude_none=True),
                                                "status": "withdrawn"}, replacing=entry.id)
    later = datetime(2026, 12, 1, tzinfo=UTC)
    changed = pipeline.publish_database(db, tmp_path / "site", OPTIONS, later, who["lead"])
    assert changed.report.new_releases == 1
    last = package(tmp_path / "site")["releases"][-1]
    assert last["id"] == "ocds-hc2027-HC-2027-002-02" and last["tender"]["status"] == "withdrawn"

    with pytest.raises(StateError):  # published: withdraw it, never delete or rename it
        pipeline_store.delete_entry(db, who["lead"], "HC-2027-002")
    with pytest.raises(StateError):
        pipeline_store.save_entry(db, who["lead"], {**entry.model_dump(exclude_none=True),
                                                    "id": "HC-2027-099"}, replacing=entry.id)
    with pytest.raises(PermissionDenied):
        pipeline.publish_database(db, tmp_path / "site", OPTIONS, NOW, who["obs"])


def test_awarded_procurements_are_published_as_award_releases(db, tmp_path, monkeypatch):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    award.approve(db, who["boss"], pid)
    assert pipeline_store.awarded(db) == []  # not awarded until the standstill has passed
    monkeypatch.setattr(clock, "today", lambda: date(2099, 1, 1))
    award.award(db, who["lead"], pid)
    notices = pipeline_store.awarded(db)
    assert [(n.reference, n.tenderers) for n in notices] == [("T-1", 3)]
    assert notices[0].winners[0].supplier in {"Alpha 阿尔法", "Beta & Sons <Ltd>", "Gamma"}

    pipeline_store.save_entry(db, who["lead"], {"id": "P-1", "title": "Plan", "buyer": "City"})
    result = pipeline.publish_database(db, tmp_path / "site", OPTIONS, NOW, who["lead"])
    assert result.report.awards == 1
    assert result.report.contracts == 1  # its contract, with nothing done under it yet
    releases = package(tmp_path / "site")["releases"]
    awarded = [r for r in releases if r["tag"] == ["award"]]
    assert awarded[0]["ocid"] == "ocds-hc2027-T-1"
    assert awarded[0]["awards"][0]["status"] == "active"
    assert awarded[0]["tender"]["numberOfTenderers"] == 3
    (contracted,) = [r for r in releases if r["tag"] == ["contract"]]
    assert contracted["ocid"] == awarded[0]["ocid"] and contracted["date"] > awarded[0]["date"]
    assert contracted["contracts"][0]["awardID"] == awarded[0]["awards"][0]["id"]
    # Every tenderer in parties with its scale; the award on the index and on its own page,
    # where a hostile name is text (issue 13 point 1).
    tenderers = [p for p in awarded[0]["parties"] if "tenderer" in p["roles"]]
    assert len(tenderers) == 3 and all(p["details"]["scale"] in ("sme", "large")
                                       for p in tenderers)
    assert {s["measure"] for s in awarded[0]["bids"]["statistics"]} >= {"bids", "validBids"}
    page = (tmp_path / "site" / "awards" / "T-1.html").read_text(encoding="utf-8")
    assert "Beta &amp; Sons &lt;Ltd&gt;" in page and "<Ltd>" not in page
    assert 'href="awards/T-1.html"' in (tmp_path / "site" / "index.html").read_text("utf-8")
    again = pipeline.publish_database(db, tmp_path / "site", OPTIONS, NOW, who["lead"])
    assert again.report.awards == 0 and again.report.contracts == 0
    assert again.report.releases == 3
