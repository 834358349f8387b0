"""The status machine, without a database: every step from every status, each guard, and
what each status allows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from procurement.domain.procurement import (
    ALLOWED,
    TRANSITIONS,
    Action,
    Facts,
    Procurement,
    Step,
    advance,
    allowed,
)
from procurement.domain.terms import ContractTerms
from procurement.errors import StateError
from procurement.rubric import load_rubric
from procurement.scoring.options import ScoringOptions
from procurement.vocabulary import Status

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
EVERYTHING = Facts(evaluators=2, bids=3, cleared=2, today=date(2026, 11, 26), reason="why")


def _procurement(status: Status = Status.DRAFT, **changes: object) -> Procurement:
    rubric = load_rubric("iso37106-smart")
    made = Procurement(id=1, reference="HC-1", title="T", description="", buyer_name="City",
                       buyer_id="", lots=(), rubric=rubric, options=ScoringOptions.for_rubric(rubric),
                       terms=ContractTerms(), standstill_days=8, status=status, lead_id=1,
                       created_at=NOW, status_changed_at=NOW)
    return replace(made, **changes)  # type: ignore[arg-type]


def test_the_happy_path_from_draft_to_award():
    path = [(Step.OPEN_TENDER, Status.OPEN), (Step.START_QUALITY, Status.QUALITY_EVALUATION),
            (Step.CLOSE_QUALITY, Status.PRICE_OPENING), (Step.OPEN_PRICES, Status.MODERATION),
            (Step.RECOMMEND, Status.AWARD_RECOMMENDED), (Step.APPROVE, Status.STANDSTILL)]
    procurement = _procurement()
    for number, (step, status) in enumerate(path, start=2):
        procurement = advance(procurement, step, EVERYTHING, NOW)
        assert (procurement.status, procurement.version) == (status, number)
    # Thursday 26 November 2026 + 8 working days (weekends skipped) = Tuesday 8 December.
    assert procurement.standstill_end == date(2026, 12, 8)
    awarded = advance(procurement, Step.AWARD, replace(EVERYTHING, today=date(2026, 12, 9)), NOW)
    assert awarded.status is Status.AWARDED and awarded.status.final


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize("status", list(Status))
def test_every_step_is_refused_outside_its_statuses(step, status):
    procurement = _procurement(status, standstill_end=date(2026, 1, 1))
    facts = replace(EVERYTHING, today=date(2026, 12, 31))
    if status in TRANSITIONS[step].sources:
        assert allowed(procurement, step)
        assert advance(procurement, step, facts, NOW).status is TRANSITIONS[step].target
    else:
        assert not allowed(procurement, step)
        with pytest.raises(StateError, match="not possible while procurement HC-1 is in status"):
            advance(procurement, step, facts, NOW)


@pytest.mark.parametrize(("status", "step", "facts", "message"), [
    (Status.DRAFT, Step.OPEN_TENDER, Facts(), "assign at least one evaluator"),
    (Status.OPEN, Step.START_QUALITY, Facts(), "there are no bids to evaluate"),
    (Status.QUALITY_EVALUATION, Step.CLOSE_QUALITY, Facts(undeclared=1, cleared=2),
     "1 evaluator(s) have not declared"),
    (Status.QUALITY_EVALUATION, Step.CLOSE_QUALITY, Facts(), "no evaluator without a conflict"),
    (Status.QUALITY_EVALUATION, Step.CLOSE_QUALITY, Facts(cleared=3, unsubmitted=2),
     "2 evaluator(s) have not submitted"),
    (Status.PRICE_OPENING, Step.OPEN_PRICES, Facts(incomplete_envelopes=("B", "C")),
     "bids B, C have no complete price envelope"),
    (Status.MODERATION, Step.RECOMMEND, Facts(not_ready=(("lot {lot} has no qualified bid to "
                                                          "recommend", {"lot": "all"}),)),
     "lot all has no qualified bid"),
    (Status.AWARD_RECOMMENDED, Step.RETURN, Facts(reason=" "), "state why the recommendation"),
    (Status.OPEN, Step.CANCEL, Facts(reason=""), "a cancellation needs a reason"),
])
def test_each_guard_names_what_stops_the_step(status, step, facts, message):
    with pytest.raises(StateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        advance(_procurement(status), step, facts, NOW)


def test_the_award_waits_for_the_day_after_the_standstill():
    procurement = _procurement(Status.STANDSTILL, standstill_end=date(2026, 12, 8))
    with pytest.raises(StateError, match="runs until 2026-12-08"):
        advance(procurement, Step.AWARD, Facts(today=date(2026, 12, 8)), NOW)
    assert advance(procurement, Step.AWARD, Facts(today=date(2026, 12, 9)), NOW).status == (
        Status.AWARDED)


def test_a_cancellation_keeps_its_reason():
    cancelled = advance(_procurement(Status.MODERATION), Step.CANCEL,
                        Facts(reason="  budget withdrawn "), NOW)
    assert (cancelled.status, cancelled.cancel_reason) == (Status.CANCELLED, "budget withdrawn")


def test_what_each_status_allows():
    assert ALLOWED[Action.SCORE] == {Status.QUALITY_EVALUATION}
    assert ALLOWED[Action.CHANGE_METHODOLOGY] == {Status.DRAFT}
    _procurement(Status.OPEN).require(Action.RECEIVE_BIDS)
    with pytest.raises(StateError, match="in status moderation"):
        _procurement(Status.MODERATION).require(Action.RECEIVE_BIDS)
    for action in Action:
        assert ALLOWED[action] and not any(s.final for s in ALLOWED[action])


def test_a_procurement_without_lots_has_one():
    assert _procurement().lot_ids == ["all"]
    assert _procurement(lots=(("L1", "North"), ("L2", "South"))).lot_ids == ["L1", "L2"]
