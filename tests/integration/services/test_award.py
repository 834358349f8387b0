"""Moderation, recommendation with its preconditions, four-eyes approval, standstill, award."""

from datetime import date

import pytest

from procurement.errors import ProcurementError
from procurement.services import award, clock, moderation, procurements, results
from procurement.services.errors import ConflictError, PermissionDenied, StateError
from tests.integration import world


@pytest.fixture
def moderating(db):
    who = world.people(db)
    return who, world.procurement(db, who, "moderation")


def test_consensus_replaces_the_median_and_keeps_the_originals(db, moderating):
    who, pid = moderating
    before = results.evaluate_procurement(db, who["lead"], pid).evaluation
    a = next(b for b in before.ranking if b.bid_id == "A")
    assert a.raw_scores["quality"] == 2.5  # median of 4 and 1
    view = moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed in meeting")
    after = results.evaluate_procurement(db, who["lead"], pid).evaluation
    a = next(b for b in after.ranking if b.bid_id == "A")
    assert a.raw_scores["quality"] == 3
    cell = next(c for c in after.panel or [] if (c.bid_id, c.criterion) == ("A", "quality"))
    assert cell.consensus_source == "moderated" and cell.scores == {"e1": 4.0, "e2": 1.0}
    with pytest.raises(ConflictError):
        moderation.set_consensus(db, who["lead"], pid, "A", "quality", 2, "again")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 2, "again",
                             expected_version=view.version)
    with pytest.raises(ProcurementError, match="needs a reason"):
        moderation.set_consensus(db, who["lead"], pid, "B", "quality", 2, "")
    with pytest.raises(PermissionDenied):
        moderation.set_consensus(db, who["e1"], pid, "B", "quality", 2, "not mine")


def test_recommendation_waits_for_moderation_and_flag_resolutions(db, moderating):
    who, pid = moderating
    with pytest.raises(StateError, match="disagrees on first: A/quality"):
        award.recommend(db, who["lead"], pid, note="best value")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    # C (90) is not abnormally low against A (100) and B (120); no other flag needs a note.
    decision = award.recommend(db, who["lead"], pid, note="value for money")
    assert decision.winners == {"all": "A"}
    frozen = decision.evaluation["all"]
    assert frozen["ranking"][0]["bid_id"] == "A" and frozen["sensitivity"]["samples"] == 10_000


def test_four_eyes_standstill_and_award(db, moderating, monkeypatch):
    who, pid = moderating
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    with pytest.raises(PermissionDenied):
        award.approve(db, who["lead"], pid)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))  # a Thursday
    award.approve(db, who["boss"], pid)
    detail = procurements.get_procurement(db, who["obs"], pid)
    assert detail.status == "standstill"
    assert detail.standstill_end == date(2026, 12, 8)  # 8 working days later
    with pytest.raises(StateError, match="runs until 2026-12-08"):
        award.award(db, who["lead"], pid)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 9))
    award.award(db, who["lead"], pid)
    assert procurements.get_procurement(db, who["obs"], pid).status == "awarded"
    seen = award.decision(db, who["obs"], pid)
    assert seen is not None and seen.approved_by == "boss"


def test_an_approver_can_send_it_back(db, moderating):
    who, pid = moderating
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    with pytest.raises(PermissionDenied):
        award.decision(db, who["obs"], pid)
    award.return_recommendation(db, who["boss"], pid, "explain C's exit cost")
    assert procurements.get_procurement(db, who["lead"], pid).status == "moderation"


def test_cancellation_needs_a_reason_and_is_final(db, moderating):
    who, pid = moderating
    with pytest.raises(ProcurementError, match="needs a reason"):
        award.cancel(db, who["lead"], pid, " ")
    award.cancel(db, who["lead"], pid, "budget withdrawn")
    detail = procurements.get_procurement(db, who["lead"], pid)
    assert (detail.status, detail.cancel_reason) == ("cancelled", "budget withdrawn")
    with pytest.raises(StateError):
        award.cancel(db, who["lead"], pid, "again")


def test_abnormally_low_needs_a_recorded_resolution(db):
    who = world.people(db)
    from procurement.services import bids, lifecycle, panel, scoring

    pid = world.procurement(db, who, "open", evaluators=("e1",))
    bids.add_bids(db, who["lead"], pid, [dict(world.BIDS[0], bid_id="D", price="20")])
    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    panel.declare_interests(db, who["e1"], pid, conflict=False)
    for bid in ("A", "B", "C", "D"):
        for criterion in ("quality", "openness"):
            scoring.submit_score(db, who["e1"], pid, bid, criterion, 3, "ok")
    scoring.submit_scoresheet(db, who["e1"], pid)
    lifecycle.close_quality_evaluation(db, who["lead"], pid)
    lifecycle.start_moderation(db, who["lead"], pid)
    with pytest.raises(StateError, match="D/abnormally_low"):
        award.recommend(db, who["lead"], pid, note="best value")
    moderation.resolve_flag(db, who["lead"], pid, "D", "abnormally_low",
                            "explained: existing equipment reused")
    assert award.recommend(db, who["lead"], pid, note="best value").winners == {"all": "D"}
    assert moderation.flag_resolutions(db, who["boss"], pid)[0].resolution.startswith("explained")


def test_a_recommendation_needs_its_reasons(db, moderating):
    who, pid = moderating
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    with pytest.raises(ProcurementError, match="state why the recommended bid"):
        award.recommend(db, who["lead"], pid, note="  ")
    assert procurements.get_procurement(db, who["lead"], pid).status == "moderation"


def test_a_return_keeps_the_note_and_both_stay_in_order(db, moderating):
    who, pid = moderating
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="open data and the lowest exit cost")
    with pytest.raises(ProcurementError, match="state why"):
        award.return_recommendation(db, who["boss"], pid, " ")
    award.return_recommendation(db, who["boss"], pid, "explain C's exit cost")
    award.recommend(db, who["lead"], pid, note="C's exit cost explained; A still best")
    first, second = award.decisions(db, who["boss"], pid)
    assert (first.outcome, first.note, first.return_reason) == (
        "returned", "open data and the lowest exit cost", "explain C's exit cost")
    assert (first.returned_by, first.returned_by_name) == ("boss", "BOSS")
    assert (second.outcome, second.note, second.return_reason) == (
        "pending", "C's exit cost explained; A still best", None)
    assert award.decision(db, who["boss"], pid) == second


def test_a_flag_resolution_is_replaced_only_knowingly(db):
    who = world.people(db)
    from procurement.services import bids, lifecycle, panel, scoring

    pid = world.procurement(db, who, "open", evaluators=("e1",))
    bids.add_bids(db, who["lead"], pid, [dict(world.BIDS[0], bid_id="D", price="20")])
    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    panel.declare_interests(db, who["e1"], pid, conflict=False)
    for bid in ("A", "B", "C", "D"):
        for criterion in ("quality", "openness"):
            scoring.submit_score(db, who["e1"], pid, bid, criterion, 3, "ok")
    scoring.submit_scoresheet(db, who["e1"], pid)
    lifecycle.close_quality_evaluation(db, who["lead"], pid)
    first = moderation.resolve_flag(db, who["lead"], pid, "D", "abnormally_low", "explained")
    with pytest.raises(ConflictError, match="recorded or changed since you read it"):
        moderation.resolve_flag(db, who["lead"], pid, "D", "abnormally_low", "silently new")
    second = moderation.resolve_flag(db, who["lead"], pid, "D", "abnormally_low",
                                     "explained and verified", expected_version=first.version)
    assert (first.version, second.version) == (1, 2)
    assert [r.resolution for r in moderation.flag_resolutions(db, who["boss"], pid)] == [
        "explained and verified"]
