"""A contract's milestones from its dates and terms (the contract terms' "break after N
months", "exit plan within N months"), in date order, with OCDS milestone types."""

from datetime import date

from procurement.contracts.milestones import OCDS_TYPE, milestones
from procurement.vocabulary import Milestone


def test_a_three_year_contract_has_two_annual_reviews_and_a_break():
    found = milestones(date(2026, 1, 1), date(2028, 12, 31), date(2026, 4, 1), 12)
    assert [(m.kind, m.due) for m in found] == [
        (Milestone.START, date(2026, 1, 1)), (Milestone.EXIT_PLAN_DUE, date(2026, 4, 1)),
        (Milestone.ANNUAL_REVIEW, date(2026, 12, 31)), (Milestone.BREAK, date(2027, 1, 1)),
        (Milestone.ANNUAL_REVIEW, date(2027, 12, 31)), (Milestone.END, date(2028, 12, 31))]
    assert [m.number for m in found if m.kind == Milestone.ANNUAL_REVIEW] == [1, 2]


def test_no_break_when_the_terms_have_none_or_it_falls_after_the_end():
    for months in (0, 48):
        found = milestones(date(2026, 1, 1), date(2028, 12, 31), date(2026, 4, 1), months)
        assert Milestone.BREAK not in {m.kind for m in found}


def test_reviews_held_meet_the_annual_reviews_in_order_and_the_exit_plan_its_receipt():
    found = milestones(date(2026, 1, 1), date(2028, 12, 31), date(2026, 4, 1), 12,
                       exit_plan_received=date(2026, 3, 20), reviews=[date(2026, 12, 10)])
    reviews = [m.met for m in found if m.kind == Milestone.ANNUAL_REVIEW]
    assert reviews == [date(2026, 12, 10), None]
    assert next(m.met for m in found if m.kind == Milestone.EXIT_PLAN_DUE) == date(2026, 3, 20)


def test_the_start_is_met_on_its_day_and_the_end_once_past_it():
    def met(today: date) -> dict[Milestone, date | None]:
        found = milestones(date(2026, 1, 1), date(2028, 12, 31), date(2026, 4, 1), 12,
                           today=today)
        return {m.kind: m.met for m in found if m.kind in (Milestone.START, Milestone.END)}

    assert met(date(2025, 12, 31)) == {Milestone.START: None, Milestone.END: None}
    assert met(date(2026, 1, 1)) == {Milestone.START: date(2026, 1, 1), Milestone.END: None}
    assert met(date(2029, 1, 1)) == {Milestone.START: date(2026, 1, 1),
                                     Milestone.END: date(2028, 12, 31)}


def test_every_milestone_has_an_ocds_type():
    # OCDS 1.1.5 codelist milestoneType.
    assert set(OCDS_TYPE) == set(Milestone)
    assert set(OCDS_TYPE.values()) <= {"preProcurement", "approval", "engagement",
                                       "assessment", "delivery", "reporting", "financing"}
