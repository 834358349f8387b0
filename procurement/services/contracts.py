"""The contract an award makes (ISO 37106 clause 7): opened in the award's transaction from
the winning bid — its value and monthly charge, its term, the exit plan's due date from the
contract terms, and its KPIs from what the bid committed to — then refined by the lead
before it starts (each change audited with its reason, the commitment kept beside it),
modified within the law's limits, and watched for exit readiness."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from procurement import jurisdictions
from procurement.contracts.kpis import ContractKpi, CreditRule, from_commitment
from procurement.contracts.milestones import milestones
from procurement.domain.terms import Kpi
from procurement.domain.views import (
    ContractView,
    KpiView,
    MilestoneView,
    ModificationView,
    PaymentView,
)
from procurement.errors import ProcurementError
from procurement.i18n import N_, Phrase, Term
from procurement.jurisdictions.modifications import check
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, NotFound, PermissionDenied
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.contract_rows import (
    ContractKpiRow,
    ContractRow,
    ModificationRow,
    PaymentRow,
    ReviewRow,
)
from procurement.store.db import Database
from procurement.store.rows import BidRow, PriceEnvelopeRow, ProcurementRow
from procurement.vocabulary import ContractKind, Reporting, Role

CREDIT_PER_POINT = 1.0  # % of the month's charge per point below target, until refined


def open_for_award(session: Session, actor: Actor, row: ProcurementRow) -> list[ContractRow]:
    """The contracts of an award, one per lot, in the award's transaction. The contract
    starts on the first day of the month after the award, so the lead can refine its KPIs."""
    decision = repo.latest_decision(session, row.id)
    assert decision is not None
    domain = procurements.to_domain(row)
    terms = domain.terms
    today = clock.today()
    start = today.replace(day=1) + relativedelta(months=1)
    opened = []
    for lot, bid_ref in decision.winners.items():
        bid = repo.bid_by_ref(session, row.id, bid_ref)
        assert bid is not None
        envelope = session.get(PriceEnvelopeRow, bid.id)
        years = int(envelope.term_years) if envelope and envelope.term_years \
            else terms.initial_term_years
        value, charge = _value_and_charge(envelope, years)
        contract = ContractRow(
            procurement_id=row.id, lot=lot, bid_id=bid.id, kind=ContractKind.SERVICES,
            value=value, period_charge=charge,
            credit_cap_percent=terms.service_credit_cap_percent,
            exit_cost=envelope.exit_cost if envelope else None, start_date=start,
            end_date=start + relativedelta(years=years) - timedelta(days=1),
            exit_plan_due=start + relativedelta(months=terms.exit_plan_months),
            created_at=clock.now(), version=1)
        session.add(contract)
        session.flush()
        committed = [Kpi.model_validate(k) for k in (bid.commitments or {}).get("kpis", [])] \
            or list(terms.kpis)
        rule = CreditRule(percent_per_point=CREDIT_PER_POINT,
                          cap_percent=terms.service_credit_cap_percent)
        kpis, unrated = [], []
        for kpi in committed:
            try:
                kpis.append((kpi, from_commitment(kpi, rule, Reporting(terms.kpi_reporting))))
            except ValueError:
                unrated.append(kpi.measure)  # a target in words cannot be rated
        for number, (kpi, terms_now) in enumerate(kpis, start=1):
            session.add(ContractKpiRow(contract_id=contract.id, number=number,
                                       terms=terms_now.model_dump(mode="json"),
                                       committed=kpi.model_dump(mode="json"), version=1))
        audit.append(session, actor.username, "contract.open", f"contract:{contract.id}",
                     procurement_id=row.id,
                     after={"lot": lot, "bid": bid_ref, "value": value, "period_charge": charge,
                            "start": start.isoformat(), "kpis": len(kpis),
                            "kpis_not_rated": unrated})
        opened.append(contract)
    return opened


def _value_and_charge(envelope: PriceEnvelopeRow | None, years: int) -> tuple[float, float]:
    """What the contract pays over its term, and a month's charge (for service credits)."""
    if envelope is None:
        return 0.0, 0.0
    if envelope.price is not None:
        return envelope.price, envelope.price / (12 * years)
    capex, yearly = envelope.capex or 0.0, envelope.opex_per_year or 0.0
    return capex + yearly * years, yearly / 12


def contracts_of(db: Database, actor: Actor, procurement_id: int) -> list[ContractView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        ids = session.scalars(select(ContractRow.id).where(
            ContractRow.procurement_id == row.id).order_by(ContractRow.lot)).all()
        return [_view(session, load_contract(session, i)) for i in ids]


def contract(db: Database, actor: Actor, contract_id: int) -> ContractView:
    with db.read() as session:
        return _view(session, load_contract(session, contract_id))


def refine_kpi(db: Database, actor: Actor, contract_id: int, number: int,
               changes: dict[str, Any], reason: str, *, expected_version: int) -> KpiView:
    """Change a KPI's terms before the contract starts (the lead), with the reason; the
    bid's commitment stays beside it and the change is in the audit log."""
    if not reason.strip():
        raise ProcurementError(N_("a change to a KPI needs a reason"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        row = access.lead_of(session, actor, contract.procurement_id)
        if clock.today() >= contract.start_date:
            raise ProcurementError(N_("the contract started on {date}: its KPIs are fixed"),
                                   date=contract.start_date.isoformat())
        kpi = _kpi(session, contract, number)
        if kpi.version != expected_version:
            raise ConflictError(N_("the KPI was changed since you read it; reload"))
        try:
            refined = ContractKpi.model_validate({**kpi.terms, **changes})
        except ValueError as exc:
            raise ProcurementError(N_("the KPI cannot take these terms: {reason}"),
                                   reason=str(exc).splitlines()[-1]) from exc
        before = kpi.terms
        kpi.terms, kpi.version = refined.model_dump(mode="json"), kpi.version + 1
        audit.append(session, actor.username, "contract.kpi_refine",
                     f"contract:{contract.id}:kpi:{number}", procurement_id=row.id,
                     before=before, after={**kpi.terms, "reason": reason.strip()})
        return _kpi_view(kpi)


def set_kind(db: Database, actor: Actor, contract_id: int, kind: ContractKind,
             *, expected_version: int) -> ContractView:
    """Say what the contract buys (goods, services or works: the law's limits on modifying
    it differ), before any modification is recorded against the limits of another kind."""
    with db.write() as session:
        contract = load_contract(session, contract_id)
        row = access.lead_of(session, actor, contract.procurement_id)
        if contract.version != expected_version:
            raise ConflictError(N_("the contract was changed since you read it; reload"))
        if _modifications(session, contract.id) and ContractKind(contract.kind) != kind:
            raise ProcurementError(N_("the contract has modifications checked as {kind}; its "
                                      "kind cannot change"), kind=Term(contract.kind))
        before = contract.kind
        contract.kind, contract.version = ContractKind(kind), contract.version + 1
        audit.append(session, actor.username, "contract.kind", f"contract:{contract.id}",
                     procurement_id=row.id, before={"kind": before}, after={"kind": kind})
        return _view(session, contract)


def modify(db: Database, actor: Actor, contract_id: int, value_change: float, rationale: str,
           decided_on: date) -> ModificationView:
    """Record a change to the contract's value (the lead), checked against the limits of
    the procurement's law: one beyond the law's total is refused with the rule; one past the
    limit for a change without a new procedure or a notice is recorded with that finding."""
    if not rationale.strip():
        raise ProcurementError(N_("a contract modification needs its rationale"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        row = access.lead_of(session, actor, contract.procurement_id)
        limits = jurisdictions.get(row.jurisdiction).modifications
        previous = [m.value_change for m in _modifications(session, contract.id)]
        findings = check(limits, ContractKind(contract.kind), contract.value, previous,
                         value_change)
        for finding in findings:
            if finding.rule is limits.total_rule:
                raise ProcurementError(N_("{finding} ({rule}: {source})"),
                                       finding=Phrase(finding.msgid, **finding.params),
                                       rule=Term(finding.rule.text),
                                       source=Term(finding.rule.source))
        recorded = [{"msgid": f.msgid, "params": f.params, "rule": f.rule.text,
                     "source": f.rule.source} for f in findings]
        change = ModificationRow(contract_id=contract.id, value_change=value_change,
                                 rationale=rationale.strip(), decided_on=decided_on,
                                 findings=recorded, recorded_by=actor.id,
                                 recorded_at=clock.now())
        session.add(change)
        session.flush()
        audit.append(session, actor.username, "contract.modify", f"contract:{contract.id}",
                     procurement_id=row.id,
                     after={"value_change": value_change, "rationale": change.rationale,
                            "decided_on": decided_on.isoformat(), "findings": recorded})
        return _modification_view(change, actor.username)


def record_exit(db: Database, actor: Actor, contract_id: int, *,
                plan_received: date | None = None, data_return_tested: date | None = None,
                result: str | None = None, exit_cost_estimate: float | None = None
                ) -> ContractView:
    """Record the exit plan's receipt, a data-return test with its result, and what leaving
    would cost now by the latest exit plan (the lead or a contract manager)."""
    if exit_cost_estimate is not None and (not math.isfinite(exit_cost_estimate)
                                           or exit_cost_estimate < 0):
        raise ProcurementError(N_("an exit cost must be an amount of zero or more"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        if data_return_tested is not None and not (result or "").strip():
            raise ProcurementError(N_("a data-return test needs its result"))
        before = {"exit_plan_received": _iso(contract.exit_plan_received),
                  "data_return_tested": _iso(contract.data_return_tested),
                  "data_return_result": contract.data_return_result,
                  "exit_cost_estimate": contract.exit_cost_estimate}
        if exit_cost_estimate is not None:
            contract.exit_cost_estimate = exit_cost_estimate
        if plan_received is not None:
            contract.exit_plan_received = plan_received
        if data_return_tested is not None:
            contract.data_return_tested, contract.data_return_result = \
                data_return_tested, (result or "").strip()
        contract.version += 1
        audit.append(session, actor.username, "contract.exit", f"contract:{contract.id}",
                     procurement_id=contract.procurement_id, before=before,
                     after={"exit_plan_received": _iso(contract.exit_plan_received),
                            "data_return_tested": _iso(contract.data_return_tested),
                            "data_return_result": contract.data_return_result,
                            "exit_cost_estimate": contract.exit_cost_estimate})
        return _view(session, contract)


def record_review(db: Database, actor: Actor, contract_id: int, held_on: date,
                  summary: str) -> ContractView:
    """Record a contract review held (the lead or a contract manager): the reviews held meet
    the contract's annual reviews in order."""
    if not summary.strip():
        raise ProcurementError(N_("a contract review needs a summary of what it found"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        check_happened(contract, held_on)
        session.add(ReviewRow(contract_id=contract.id, held_on=held_on, summary=summary.strip(),
                              recorded_by=actor.id, recorded_at=clock.now()))
        session.flush()
        audit.append(session, actor.username, "contract.review", f"contract:{contract.id}",
                     procurement_id=contract.procurement_id,
                     after={"held_on": held_on.isoformat(), "summary": summary.strip()})
        return _view(session, contract)


def check_happened(contract: ContractRow, day: date) -> None:
    """Refuse a day something under the contract is said to have happened on (a review
    held, a benefit measured) before the contract's start or in the future."""
    if day < contract.start_date or day > clock.today():
        raise ProcurementError(N_("{date} is before the contract's start ({start}) or in "
                                  "the future"), date=day.isoformat(),
                               start=contract.start_date.isoformat())


def reviews_held(session: Session, contract_id: int) -> list[date]:
    return list(session.scalars(select(ReviewRow.held_on).where(
        ReviewRow.contract_id == contract_id).order_by(ReviewRow.held_on)))


def may_manage(session: Session, actor: Actor, contract: ContractRow) -> None:
    """Measurements and exit readiness: the procurement's lead, or a contract manager."""
    row = access.load(session, contract.procurement_id)
    if actor.role != Role.CONTRACT_MANAGER and actor.id != row.lead_id and not actor.operator:
        raise PermissionDenied(N_("only the procurement's lead or a contract manager records "
                                  "the contract's performance"))


def load_contract(session: Session, contract_id: int) -> ContractRow:
    contract = session.get(ContractRow, contract_id)
    if contract is None:
        raise NotFound(N_("no contract {id}"), id=contract_id)
    return contract


def kpi_rows(session: Session, contract_id: int) -> list[ContractKpiRow]:
    return list(session.scalars(select(ContractKpiRow).where(
        ContractKpiRow.contract_id == contract_id).order_by(ContractKpiRow.number)))


def _kpi(session: Session, contract: ContractRow, number: int) -> ContractKpiRow:
    found = next((k for k in kpi_rows(session, contract.id) if k.number == number), None)
    if found is None:
        raise NotFound(N_("the contract has no KPI {number}"), number=number)
    return found


def _modifications(session: Session, contract_id: int) -> list[ModificationRow]:
    return list(session.scalars(select(ModificationRow).where(
        ModificationRow.contract_id == contract_id).order_by(ModificationRow.id)))


def _view(session: Session, contract: ContractRow) -> ContractView:
    row = access.load(session, contract.procurement_id)
    bid = session.get(BidRow, contract.bid_id)
    assert bid is not None
    changes = _modifications(session, contract.id)
    paid = list(session.scalars(select(PaymentRow).where(
        PaymentRow.contract_id == contract.id).order_by(PaymentRow.paid_on, PaymentRow.id)))
    names = repo.usernames(session, {m.recorded_by for m in changes}
                           | {p.recorded_by for p in paid})
    terms = procurements.to_domain(row).terms
    dates = milestones(contract.start_date, contract.end_date, contract.exit_plan_due,
                       terms.break_after_months, contract.exit_plan_received,
                       reviews_held(session, contract.id), clock.today())
    return ContractView(
        id=contract.id, procurement_id=row.id, reference=row.reference, lot=contract.lot,
        bid_ref=bid.bid_ref, supplier=bid.supplier_name, kind=contract.kind,
        currency=jurisdictions.get(row.jurisdiction).currency(terms.currency),
        value=contract.value, period_charge=contract.period_charge,
        credit_cap_percent=contract.credit_cap_percent, exit_cost=contract.exit_cost,
        start_date=contract.start_date, end_date=contract.end_date,
        exit_plan_due=contract.exit_plan_due, exit_plan_received=contract.exit_plan_received,
        data_return_tested=contract.data_return_tested,
        data_return_result=contract.data_return_result,
        exit_cost_estimate=contract.exit_cost_estimate,
        kpis=[_kpi_view(k) for k in kpi_rows(session, contract.id)],
        modifications=[_modification_view(m, names[m.recorded_by]) for m in changes],
        milestones=[MilestoneView(kind=m.kind, due=m.due, met=m.met, number=m.number)
                    for m in dates],
        payments=[PaymentView(id=p.id, paid_on=p.paid_on, amount=p.amount,
                              description=p.description, recorded_by=names[p.recorded_by])
                  for p in paid],
        version=contract.version)


def _kpi_view(kpi: ContractKpiRow) -> KpiView:
    return KpiView(number=kpi.number, terms=kpi.terms, committed=kpi.committed,
                   version=kpi.version)


def _modification_view(change: ModificationRow, by: str) -> ModificationView:
    return ModificationView(value_change=change.value_change, rationale=change.rationale,
                            decided_on=change.decided_on, findings=change.findings,
                            recorded_by=by)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
