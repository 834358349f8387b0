"""The contract record beyond its KPIs, on SQLite and PostgreSQL: expected benefits measured
against their plan beside the evaluation's confidence score, payments within the contract's
value, reviews meeting the annual reviews, the contract's kind, and who may do what."""

from datetime import date

import pytest

from procurement.errors import ProcurementError
from procurement.services import benefits, clock, contracts, payments, tasks, users
from procurement.services.errors import ConflictError, PermissionDenied
from procurement.store.contract_rows import ContractRow
from procurement.vocabulary import ContractKind, Milestone
from tests.integration import world
from tests.integration.services.test_contracts import _award

BENEFIT = {"description": "Average time to find a parking bay", "owner": "Head of Transport",
           "unit": "min", "baseline": 12.0, "target": 8.4, "due": "2028-06-30"}


@pytest.fixture
def running(db, monkeypatch):
    """A contract (1 January 2027 to 31 December 2029, value 100) in its second year."""
    who = world.people(db)
    users.add_user(db, "cm", "Contract Manager", "contract_manager", password=world.PASSWORD)
    who["cm"] = users.get_actor(db, "cm")
    _, contract = _award(db, who, monkeypatch, "cn")
    monkeypatch.setattr(clock, "today", lambda: date(2028, 1, 15))
    return who, contract


def test_a_benefit_is_measured_against_its_plan(db, running):
    who, contract = running
    with pytest.raises(PermissionDenied):
        benefits.add_benefit(db, who["cm"], contract.id, BENEFIT)
    with pytest.raises(ProcurementError, match="target"):
        benefits.add_benefit(db, who["lead"], contract.id, {**BENEFIT, "target": 12.0})
    with pytest.raises(ProcurementError, match="owner"):
        benefits.add_benefit(db, who["lead"], contract.id, {**BENEFIT, "owner": ""})
    added = benefits.add_benefit(db, who["lead"], contract.id, BENEFIT)
    assert added.number == 1
    # A contract manager measures it; halfway through the plan (18 months of 36), 10.2 is on
    # the plan's straight line and half the planned change.
    seen = benefits.measure_benefit(db, who["cm"], contract.id, 1, date(2027, 10, 1), 10.2,
                                    "parking sensors")
    assert seen.realised == pytest.approx(0.5)
    assert seen.planned == pytest.approx(12 - 3.6 * (273 / 546))
    with pytest.raises(ProcurementError, match="future"):
        benefits.measure_benefit(db, who["cm"], contract.id, 1, date(2028, 2, 1), 9.0)
    with pytest.raises(ProcurementError, match="start"):
        benefits.measure_benefit(db, who["cm"], contract.id, 1, date(2026, 12, 1), 9.0)
    found = benefits.benefits(db, who["obs"], contract.id)
    assert [m.value for m in found.benefits[0].measurements] == [10.2]
    with pytest.raises(ConflictError):
        benefits.change_benefit(db, who["lead"], contract.id, 1, {"target": 8.0}, "rebased",
                                expected_version=2)
    changed = benefits.change_benefit(db, who["lead"], contract.id, 1, {"target": 8.0},
                                      "rebased on the 2027 survey", expected_version=1)
    assert changed.terms["target"] == 8.0 and changed.version == 2


def test_the_evaluations_confidence_stands_beside_the_benefits(db, running):
    """The world's rubric has no confidence criterion: none is shown (the demo's has, tested
    on the page)."""
    who, contract = running
    assert benefits.benefits(db, who["obs"], contract.id).confidence is None


def test_payments_stay_within_the_term_and_the_value(db, running):
    who, contract = running
    with pytest.raises(ProcurementError, match="above zero"):
        payments.record_payment(db, who["cm"], contract.id, date(2027, 2, 1), 0)
    with pytest.raises(ProcurementError, match="future"):
        payments.record_payment(db, who["cm"], contract.id, date(2028, 2, 1), 10)
    with pytest.raises(ProcurementError, match="outside the contract's term"):
        payments.record_payment(db, who["cm"], contract.id, date(2026, 12, 31), 10)
    payments.record_payment(db, who["cm"], contract.id, date(2027, 2, 15), 60, "invoice 1")
    with pytest.raises(ProcurementError, match="more than the contract's value"):
        payments.record_payment(db, who["cm"], contract.id, date(2027, 3, 15), 41)
    payments.record_payment(db, who["lead"], contract.id, date(2027, 3, 15), 40, "invoice 2")
    with pytest.raises(PermissionDenied):
        payments.record_payment(db, who["obs"], contract.id, date(2027, 3, 15), 1)
    shown = contracts.contract(db, who["obs"], contract.id)
    assert [(p.amount, p.recorded_by) for p in shown.payments] == [(60, "cm"), (40, "lead")]


def test_reviews_meet_the_annual_reviews_and_home_asks_for_the_next(db, running, monkeypatch):
    who, contract = running
    shown = contracts.contract(db, who["obs"], contract.id)
    assert [(m.kind, m.due) for m in shown.milestones] == [
        (Milestone.START, date(2027, 1, 1)), (Milestone.EXIT_PLAN_DUE, date(2027, 4, 1)),
        (Milestone.ANNUAL_REVIEW, date(2027, 12, 31)), (Milestone.BREAK, date(2028, 1, 1)),
        (Milestone.ANNUAL_REVIEW, date(2028, 12, 31)), (Milestone.END, date(2029, 12, 31))]

    def kinds() -> list[str]:
        return [t.kind for t in tasks.my_tasks(db, who["lead"]) if t.kind == "review_due"]

    assert kinds() == ["review_due"]  # the first year's, overdue
    with pytest.raises(ProcurementError, match="summary"):
        contracts.record_review(db, who["cm"], contract.id, date(2028, 1, 10), " ")
    reviewed = contracts.record_review(db, who["cm"], contract.id, date(2028, 1, 10),
                                       "KPIs on target")
    assert reviewed.milestones[2].met == date(2028, 1, 10) and kinds() == []
    monkeypatch.setattr(clock, "today", lambda: date(2028, 12, 5))
    assert kinds() == ["review_due"]  # the second falls due within a month


def test_an_exit_costing_more_than_the_bids_is_a_task(db, running):
    """The bid priced its exit (counted in the TCO, the contract's cap on exit charges);
    an exit plan that now costs more is on Home until a revised one is recorded."""
    who, contract = running

    def kinds() -> list[str]:
        return [t.kind for t in tasks.my_tasks(db, who["cm"]) if t.kind == "exit_cost_above_bid"]

    with pytest.raises(ProcurementError, match="zero or more"):
        contracts.record_exit(db, who["cm"], contract.id, exit_cost_estimate=-1)
    assert contract.exit_cost is None  # the world's bids price no exit: nothing to compare
    contracts.record_exit(db, who["cm"], contract.id, exit_cost_estimate=90)
    assert kinds() == []
    with db.write() as session:
        session.get(ContractRow, contract.id).exit_cost = bid = 80.0
    shown = contracts.record_exit(db, who["cm"], contract.id, exit_cost_estimate=bid + 25)
    assert shown.exit_cost_estimate == bid + 25 and kinds() == ["exit_cost_above_bid"]
    contracts.record_exit(db, who["cm"], contract.id, exit_cost_estimate=bid)
    assert kinds() == []


def test_the_kind_is_the_leads_until_a_modification_is_checked(db, running):
    who, contract = running
    with pytest.raises(PermissionDenied):
        contracts.set_kind(db, who["cm"], contract.id, ContractKind.WORKS, expected_version=1)
    works = contracts.set_kind(db, who["lead"], contract.id, ContractKind.WORKS,
                               expected_version=contract.version)
    assert works.kind == ContractKind.WORKS
    contracts.modify(db, who["lead"], contract.id, 5.0, "an extra junction", date(2027, 6, 1))
    with pytest.raises(ProcurementError, match="cannot change"):
        contracts.set_kind(db, who["lead"], contract.id, ContractKind.GOODS,
                           expected_version=works.version)
