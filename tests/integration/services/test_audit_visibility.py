"""The audit log shows each entry's content only to whoever may read the record it describes
(the rule the record's own service applies), and stays verifiable when content is withheld:
in the database, on the page's list and in an exported CSV."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from procurement.services import access, audit_log, award, clock, moderation
from procurement.store import audit
from tests.integration import world


def _visible(db, who, pid, action):
    return [e for e in audit_log.procurement_log(db, who, pid) if e.action == action]


def test_the_audit_office_sees_that_scores_were_saved_not_the_scores(db):
    who = world.people(db)
    pid = world.procurement(db, who, "scored", evaluators=("e1", "e2"))
    saved = _visible(db, who["obs"], pid, "score.save")
    assert saved and all(e.withheld and e.before is None and e.after is None for e in saved)
    assert {e.actor for e in saved} == {"e1", "e2"}  # who scored, and when, is not secret
    bids = _visible(db, who["obs"], pid, "bid.receive")
    assert bids and all(e.withheld for e in bids)
    created = _visible(db, who["obs"], pid, "procurement.create")
    assert not created[0].withheld and "rubric" in (created[0].after or "")


def test_the_lead_reads_the_scores_once_every_evaluator_has_submitted(db):
    who = world.people(db)
    pid = world.procurement(db, who, "quality_evaluation", evaluators=("e1", "e2"))
    from procurement.services import scoring

    scoring.submit_score(db, who["e1"], pid, "A", "quality", 4, "strong KPIs")
    assert all(e.withheld for e in _visible(db, who["lead"], pid, "score.save"))
    assert not _visible(db, who["lead"], pid, "bid.receive")[0].withheld
    for (bid, criterion), score in world.SCORES["e1"].items():
        scoring.submit_score(db, who["e1"], pid, bid, criterion, score, "e1",
                             expected_version=1 if (bid, criterion) == ("A", "quality") else None)
    scoring.submit_scoresheet(db, who["e1"], pid)
    for (bid, criterion), score in world.SCORES["e2"].items():
        scoring.submit_score(db, who["e2"], pid, bid, criterion, score, "e2")
    scoring.submit_scoresheet(db, who["e2"], pid)
    shown = _visible(db, who["lead"], pid, "score.save")
    assert shown and not any(e.withheld for e in shown)
    assert '"rationale":"strong KPIs"' in (shown[0].after or "")


def test_a_conflict_reason_is_for_the_lead_and_approvers_until_the_award(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open", evaluators=("e1",))
    from procurement.services import panel, procurements

    panel.declare_interests(db, who["e1"], pid, conflict=True, reason="my brother bids")
    assert not _visible(db, who["lead"], pid, "panel.declare")[0].withheld
    assert not _visible(db, who["boss"], pid, "panel.declare")[0].withheld
    assert _visible(db, who["obs"], pid, "panel.declare")[0].withheld
    # The same rule as the panel's own record.
    seat = procurements.get_procurement(db, who["obs"], pid).panel[0]
    assert seat.coi == "conflict" and seat.coi_reason is None
    assert procurements.get_procurement(db, who["boss"], pid).panel[0].coi_reason == (
        "my brother bids")


def test_once_awarded_the_audit_office_reads_everything(db, monkeypatch):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    assert _visible(db, who["obs"], pid, "award.recommend")[0].withheld
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 31))
    award.award(db, who["lead"], pid)
    assert not any(e.withheld for e in audit_log.procurement_log(db, who["obs"], pid))


def test_every_action_is_assigned_a_record():
    # A new action must be classified on purpose; unclassified ones fall back to the
    # evaluation record (withheld until the award), never to public.
    assert access.audit_record("some.new_action") == "evaluation"
    assert access.audit_record("score.save") == "scores"
    assert access.audit_record("procurement.awarded") == "procurement"


def test_an_export_with_content_withheld_still_verifies(db, tmp_path):
    who = world.people(db)
    pid = world.procurement(db, who, "scored")
    path = tmp_path / "observer.csv"
    count = audit_log.export_log(db, path, who["obs"], pid)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count
    withheld = [r for r in rows if r["withheld"] == audit.WITHHELD]
    assert withheld and all(r["before"] == r["after"] == "" for r in withheld)
    assert all(r["after_sha256"] for r in withheld if r["action"] == "score.save")
    report = audit_log.verify_export(path)
    assert report.ok and report.entries == count and report.withheld == len(withheld)
    assert report.unverifiable == 0
    assert audit_log.verify_chain(db).ok  # withholding never touches the stored log


@pytest.mark.parametrize("change", ["digest", "content", "order"])
def test_a_tampered_export_is_caught(db, tmp_path, change):
    who = world.people(db)
    pid = world.procurement(db, who, "scored")
    path = tmp_path / "log.csv"
    audit_log.export_log(db, path, who["obs"], pid)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    target = next(i for i, r in enumerate(rows) if r["withheld"])
    if change == "digest":  # pretend a withheld score was something else
        rows[target]["after_sha256"] = "0" * 64
    elif change == "content":
        shown = next(i for i, r in enumerate(rows) if r["after"] and not r["withheld"])
        rows[shown]["after"] = rows[shown]["after"].replace("}", ',"x":1}')
        target = shown
    else:
        rows[target], rows[target + 1] = rows[target + 1], rows[target]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=audit.CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    report = audit_log.verify_export(path)
    assert not report.ok and report.first_bad is not None


def test_an_evaluator_may_not_export_a_log(db, tmp_path):
    from procurement.services.errors import PermissionDenied

    who = world.people(db)
    pid = world.procurement(db, who, "scored")
    with pytest.raises(PermissionDenied):
        audit_log.export_log(db, tmp_path / "x.csv", who["e1"], pid)
    assert not (tmp_path / "x.csv").exists()
