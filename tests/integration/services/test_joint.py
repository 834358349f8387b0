"""Joint procurement opportunities kept in the database (SQLite and PostgreSQL): the lead
accepts one (a joint entry, published with every buyer) or dismisses one with a reason; a
decided opportunity stays decided; both are audited."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from procurement.errors import InputError
from procurement.pipeline.publish import PublishOptions
from procurement.services import audit_log, joint, pipeline, pipeline_store
from procurement.services.errors import NotFound, PermissionDenied, StateError
from procurement.store import audit
from tests.integration import world

ENTRIES = [
    {"id": "T1", "title": "Car park sensors and guidance", "buyer": "Transport Bureau",
     "buyer_id": "GB-COH-01234567", "cpv": "34926000", "expected_tender_date": "2027-03-01",
     "estimated_value": "1000000", "currency": "CNY"},
    {"id": "P1", "title": "Car park sensors for parks", "buyer": "Parks Department",
     "cpv": "34923000", "expected_tender_date": "2027-05-01", "estimated_value": "500000",
     "currency": "CNY"},
    {"id": "E1", "title": "学校午餐配送服务", "buyer": "教育局", "cpv": "55523100",
     "expected_tender_date": "2027-04-01", "language": "zh"},
    {"id": "E2", "title": "中小学校午餐配送", "buyer": "卫生健康委员会", "cpv": "55524000",
     "expected_tender_date": "2027-06-30", "language": "zh"},
]


@pytest.fixture
def city(db):
    who = world.people(db)
    for data in ENTRIES:
        pipeline_store.save_entry(db, who["lead"], data)
    return who


def test_the_lead_accepts_and_dismisses_opportunities(db, db_url, city, tmp_path):
    found = joint.find_in(db_url)
    parking, meals = found.opportunities
    assert (parking.entries, meals.entries) == (("T1", "P1"), ("E1", "E2"))
    assert found.decided == {}
    with pytest.raises(PermissionDenied):
        joint.accept(db, city["obs"], parking.id)
    made = joint.accept(db, city["lead"], parking.id)
    assert made.id == f"joint-{parking.id[:10]}"
    stored = next(e for e in pipeline_store.list_entries(db) if e.id == made.id)
    assert [b.name for b in stored.joint_buyers or ()] == ["Parks Department"]
    assert stored.estimated_value == 1_500_000
    with pytest.raises(InputError) as caught:
        joint.dismiss(db, city["lead"], meals.id, "  ")
    assert caught.value.lines("en") == [
        "--reason: a reason is needed to dismiss an opportunity"]
    joint.dismiss(db, city["lead"], meals.id, "Different delivery areas 配送区域不同")
    again = joint.find_in(db_url)
    assert again.open() == [] and len(again.opportunities) == 2  # the joint entry is no member
    assert again.decided[parking.id].joint_entry == made.id
    assert again.decided[meals.id].reason == "Different delivery areas 配送区域不同"
    with pytest.raises(StateError):
        joint.accept(db, city["lead"], parking.id)
    with pytest.raises(StateError):
        joint.accept(db, city["lead"], meals.id)
    with pytest.raises(NotFound):
        joint.dismiss(db, city["lead"], "0" * 16, "no such")
    with db.read() as session:
        actions = [(e.action, e.entity) for e in audit.entries(session)]
    assert actions[-2:] == [("joint.accept", f"joint:{parking.id}"),
                            ("joint.dismiss", f"joint:{meals.id}")]
    assert audit_log.verify_chain(db).ok

    options = PublishOptions("ocds-hc2027", publisher="Harbourside City")
    pipeline.publish_database(db, tmp_path / "site", options,
                              datetime(2026, 12, 2, tzinfo=UTC), city["lead"])
    package = json.loads((tmp_path / "site" / "release-package.json").read_text("utf-8"))
    (release,) = [r for r in package["releases"] if r["tender"]["id"] == made.id]
    assert [(p["name"], p["roles"]) for p in release["parties"]] == [
        ("Transport Bureau", ["buyer", "procuringEntity"]), ("Parks Department", ["buyer"])]
    assert release["buyer"] == {"id": "GB-COH-01234567", "name": "Transport Bureau"}


def test_a_window_is_checked_and_a_window_can_part_entries(db, db_url, city):
    with pytest.raises(InputError) as caught:
        joint.find_in(db_url, "six")
    assert caught.value.lines("en") == [
        "--window-months: must be a whole number of months from 0 to 120"]
    assert [o.entries for o in joint.find_in(db_url, 1).opportunities] == []
    assert [o.entries for o in joint.find_in(db_url, "3").opportunities] == [
        ("T1", "P1"), ("E1", "E2")]
