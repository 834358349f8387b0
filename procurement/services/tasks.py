"""What each user has to do next, across their procurements (the home page's task list)."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from procurement.contracts.exit import exit_cost_excess
from procurement.contracts.milestones import milestones
from procurement.domain.views import Task
from procurement.i18n import N_
from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.contracts import reviews_held
from procurement.store import repository as repo
from procurement.store.contract_rows import ContractKpiRow, ContractRow, MeasurementRow
from procurement.store.db import Database
from procurement.store.rows import ProcurementRow
from procurement.vocabulary import Coi, Milestone, Role, Status

# What the lead does next in each status.
_LEAD_NEXT = {Status.DRAFT: "open_tender", Status.OPEN: "receive_bids",
              Status.QUALITY_EVALUATION: "close_quality", Status.PRICE_OPENING: "open_prices",
              Status.MODERATION: "moderate"}


def my_tasks(db: Database, actor: Actor) -> list[Task]:
    tasks: list[Task] = []
    with db.read() as session:
        for row in repo.procurements(session):

            def task(kind: str, row: ProcurementRow = row) -> Task:
                return Task(procurement_id=row.id, reference=row.reference, title=row.title,
                            kind=kind)

            if row.lead_id == actor.id:
                if row.status == Status.STANDSTILL and row.standstill_end and \
                        clock.today() > row.standstill_end:
                    tasks.append(task("award"))
                elif Status(row.status) in _LEAD_NEXT:
                    tasks.append(task(_LEAD_NEXT[Status(row.status)]))
            elif actor.role == Role.APPROVER and row.status == Status.AWARD_RECOMMENDED:
                tasks.append(task("approve"))
            if row.status == Status.AWARDED and (row.lead_id == actor.id
                                                 or actor.role == Role.CONTRACT_MANAGER):
                tasks += [task(kind) for kind in _contract_tasks(session, row.id)]
            seat = repo.member(session, row.id, actor.id)
            if seat is None or row.status not in (Status.OPEN, Status.QUALITY_EVALUATION):
                continue
            if seat.coi == Coi.PENDING:
                tasks.append(task("declare_interests"))
            elif seat.coi == Coi.NONE and row.status == Status.QUALITY_EVALUATION and \
                    not seat.submitted_at:
                tasks.append(task("score"))
    return tasks


def _contract_tasks(session: Session, procurement_id: int) -> list[str]:
    """What a running contract of the procurement asks for now: last month's measurements
    (every KPI measured for the month before this one, within the term), an exit plan past
    its due date, an exit that would now cost more than the bid's exit cost, and an annual
    review due within a month or overdue."""
    today = clock.today()
    last_month = today.replace(day=1) - relativedelta(months=1)
    kinds: list[str] = []
    for contract in session.scalars(select(ContractRow).where(
            ContractRow.procurement_id == procurement_id)):
        kpis = list(session.scalars(select(ContractKpiRow.id).where(
            ContractKpiRow.contract_id == contract.id)))
        if kpis and contract.start_date <= last_month <= contract.end_date:
            measured = set(session.scalars(select(MeasurementRow.kpi_id).where(
                MeasurementRow.kpi_id.in_(kpis), MeasurementRow.period == last_month)))
            if set(kpis) - measured and "record_measurements" not in kinds:
                kinds.append("record_measurements")
        if contract.exit_plan_received is None and today > contract.exit_plan_due and \
                "exit_plan_overdue" not in kinds:
            kinds.append("exit_plan_overdue")
        if exit_cost_excess(contract.exit_cost, contract.exit_cost_estimate) is not None and \
                "exit_cost_above_bid" not in kinds:
            kinds.append("exit_cost_above_bid")
        if _review_due(session, contract, today) and "review_due" not in kinds:
            kinds.append("review_due")
    return kinds


REVIEW_NOTICE_DAYS = 30  # an annual review is asked for a month before it falls due


def _review_due(session: Session, contract: ContractRow, today: date) -> bool:
    """An annual review not yet held that falls due within a month, or is overdue."""
    dates = milestones(contract.start_date, contract.end_date, contract.exit_plan_due, 0,
                       reviews=reviews_held(session, contract.id))
    return any(m.kind == Milestone.ANNUAL_REVIEW and m.met is None
               and (m.due - today).days <= REVIEW_NOTICE_DAYS for m in dates)


# What each role does next, in each status: the hint every page shows, so that nobody is left
# wondering why there is nothing to do yet.
_LEAD_HINTS = {
    Status.DRAFT: N_("Assign the panel, set the contract terms, then open the tender for bids."),
    Status.OPEN: N_("Import the bids received, then close the tender to start quality evaluation."),
    Status.QUALITY_EVALUATION: N_("The evaluators declare their interests and score; close quality "
                             "evaluation once every one has submitted."),
    Status.PRICE_OPENING: N_("Check the price envelopes and the flags, then open the prices and "
                        "start moderation."),
    Status.MODERATION: N_("Moderate the scores the panel disagrees on, record how each flag was "
                          "resolved, then recommend the award, explaining the integrity flags "
                          "it will raise."),
    Status.AWARD_RECOMMENDED: N_("An approver other than you now approves the recommendation or "
                            "returns it to moderation."),
    Status.AWARDED: N_("The contract is awarded: the contract draft, the assessment summaries and "
                  "the award notice can be produced."),
    Status.CANCELLED: N_("This procurement was cancelled."),
}
_WAITING = N_("Nothing for you to do yet: you approve once the lead recommends the award "
              "(the procurement is now in {status}).")
_APPROVER_HINTS = {
    Status.AWARD_RECOMMENDED: N_("Check the integrity flags and record a note on each, then "
                                 "approve the recommendation; or return it to moderation with "
                                 "your reason."),
    Status.AWARDED: N_("The contract is awarded; the record and its documents are open to you."),
    Status.CANCELLED: N_("This procurement was cancelled."),
}
_OBSERVER_HINTS = {
    Status.AWARDED: N_("The contract is awarded: the evaluation record, its documents and the audit "
                  "log are open to you."),
    Status.CANCELLED: N_("This procurement was cancelled."),
}


def next_step(status: str | Status, role: str, *, is_lead: bool, coi: str | None = None,
              submitted: bool = False, standstill_end: date | None = None,
              today: date | None = None) -> tuple[str, dict[str, object]]:
    """The hint for one person on one procurement: (message id, parameters)."""
    from procurement.i18n import Term
    from procurement.labels import STATUSES as STATUS_NAMES
    from procurement.vocabulary import Status

    status = Status(status)
    status_name = Term(STATUS_NAMES[status])
    if status == Status.STANDSTILL:
        end: object = standstill_end or "?"
        if is_lead and standstill_end and (today or clock.today()) > standstill_end:
            return N_("The standstill period is over: award the contract."), {}
        return N_("The standstill period runs until {date}; the lead may award the contract "
                  "after that day."), {"date": end}
    if is_lead:
        return _LEAD_HINTS[status], {}
    if role == "approver":
        return _APPROVER_HINTS.get(status, _WAITING), {"status": status_name}
    if role == "evaluator":
        return _evaluator_hint(status, coi, submitted), {}
    return _OBSERVER_HINTS.get(status, N_(
        "The evaluation record opens to observers once the contract is awarded; meanwhile the "
        "audit log shows every step (the procurement is now in {status}).")), {
        "status": status_name}


def _evaluator_hint(status: Status, coi: str | None, submitted: bool) -> str:
    if coi is None:
        return N_("You are not on this procurement's evaluation panel.")
    if coi == "conflict":
        return N_("You declared a conflict of interest and are not part of this evaluation.")
    if coi == "pending" and status in (Status.OPEN, Status.QUALITY_EVALUATION):
        return N_("Declare your conflicts of interest before you see any bid.")
    if status in (Status.DRAFT, Status.OPEN):
        return N_("The bids are not open for evaluation yet.")
    if status == Status.QUALITY_EVALUATION and not submitted:
        return N_("Score every bid on your criteria, then submit your scoresheet.")
    return N_("Your scoresheet is submitted; the lead moderates and recommends the award.")


def next_steps(db: Database, actor: Actor, procurement_ids: list[int]
               ) -> dict[int, tuple[str, dict[str, object]]]:
    """:func:`next_step` for each of ``actor``'s procurements."""
    hints = {}
    with db.read() as session:
        for procurement_id in procurement_ids:
            row = repo.procurement(session, procurement_id)
            if row is None:
                continue
            seat = repo.member(session, row.id, actor.id)
            hints[row.id] = next_step(row.status, actor.role, is_lead=row.lead_id == actor.id,
                                      coi=seat.coi if seat else None,
                                      submitted=bool(seat and seat.submitted_at),
                                      standstill_end=row.standstill_end)
    return hints
