"""The benefits a contract is to realise (ISO 37106 clause 7): entered by the lead with
owner, baseline, target and date, measured over time by the lead or a contract manager, and
read beside the evaluation's "confidence in delivering the expected business benefits"
score (Table 3 row 8), so the city learns which evaluations predicted delivery."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from procurement.contracts.benefits import Benefit, planned, realised
from procurement.domain.views import BenefitMeasurementView, BenefitView
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.scoring.result import Evaluation
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.contracts import check_happened, load_contract, may_manage
from procurement.services.errors import ConflictError, NotFound
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.contract_rows import BenefitMeasurementRow, BenefitRow, ContractRow
from procurement.store.db import Database
from procurement.store.rows import BidRow

CONFIDENCE = "benefits_confidence"  # the rubric criterion of Table 3 row 8


@dataclass(frozen=True)
class Confidence:
    """The winning bid's score on the confidence criterion when the award was decided."""

    criterion: dict[str, str]  # its name, by language
    score: float
    scale_max: float


@dataclass(frozen=True)
class Benefits:
    benefits: list[BenefitView]
    confidence: Confidence | None  # none when the rubric has no such criterion


def add_benefit(db: Database, actor: Actor, contract_id: int, data: dict[str, Any]) -> BenefitView:
    """Add an expected benefit (the lead)."""
    benefit = _validated(data)
    with db.write() as session:
        contract = load_contract(session, contract_id)
        row = access.lead_of(session, actor, contract.procurement_id)
        number = len(_rows(session, contract.id)) + 1
        added = BenefitRow(contract_id=contract.id, number=number,
                           terms=benefit.model_dump(mode="json"), version=1)
        session.add(added)
        session.flush()
        audit.append(session, actor.username, "benefit.add",
                     f"contract:{contract.id}:benefit:{number}", procurement_id=row.id,
                     after=added.terms)
        return _view(added, contract, [], {})


def change_benefit(db: Database, actor: Actor, contract_id: int, number: int,
                   changes: dict[str, Any], reason: str, *, expected_version: int) -> BenefitView:
    """Change a benefit's terms (the lead), with the reason, in the audit log."""
    if not reason.strip():
        raise ProcurementError(N_("a change to a benefit needs a reason"))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        row = access.lead_of(session, actor, contract.procurement_id)
        found = _one(session, contract.id, number)
        if found.version != expected_version:
            raise ConflictError(N_("the benefit was changed since you read it; reload"))
        benefit = _validated({**found.terms, **changes})
        before = found.terms
        found.terms, found.version = benefit.model_dump(mode="json"), found.version + 1
        audit.append(session, actor.username, "benefit.change",
                     f"contract:{contract.id}:benefit:{number}", procurement_id=row.id,
                     before=before, after={**found.terms, "reason": reason.strip()})
        return _view(found, contract, _measurements(session, found.id), {})


def measure_benefit(db: Database, actor: Actor, contract_id: int, number: int,
                    measured_on: date, value: float, evidence: str = "") -> BenefitMeasurementView:
    """Record (or replace) what a benefit had reached on a day (the lead or a contract
    manager); not before the contract's start, nor in the future."""
    if not math.isfinite(value):
        raise ProcurementError(N_("{value} is not a number"), value=str(value))
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        found = _one(session, contract.id, number)
        check_happened(contract, measured_on)
        existing = session.scalar(select(BenefitMeasurementRow).where(
            BenefitMeasurementRow.benefit_id == found.id,
            BenefitMeasurementRow.measured_on == measured_on))
        before = None if existing is None else {"value": existing.value,
                                                "evidence": existing.evidence}
        if existing is not None:
            session.delete(existing)
            session.flush()
        measured = BenefitMeasurementRow(benefit_id=found.id, measured_on=measured_on,
                                         value=value, evidence=evidence.strip(),
                                         recorded_by=actor.id, recorded_at=clock.now())
        session.add(measured)
        audit.append(session, actor.username, "benefit.measure",
                     f"contract:{contract.id}:benefit:{number}:{measured_on.isoformat()}",
                     procurement_id=contract.procurement_id, before=before,
                     after={"value": value, "evidence": measured.evidence})
        return _measurement_view(Benefit.model_validate(found.terms), contract, measured,
                                 actor.username)


def benefits(db: Database, actor: Actor, contract_id: int) -> Benefits:
    """Every benefit with its measurements (planned beside realised), and the evaluation's
    confidence in the winner delivering them."""
    with db.read() as session:
        contract = load_contract(session, contract_id)
        access.load(session, contract.procurement_id)
        rows = _rows(session, contract.id)
        measured = {r.id: _measurements(session, r.id) for r in rows}
        names = repo.usernames(session, {m.recorded_by for ms in measured.values() for m in ms})
        views = [_view(r, contract, measured[r.id], names) for r in rows]
        return Benefits(views, _confidence(session, contract))


def _confidence(session: Session, contract: ContractRow) -> Confidence | None:
    row = access.load(session, contract.procurement_id)
    criterion = next((c for c in procurements.to_domain(row).rubric.scale_criteria
                      if c.id == CONFIDENCE), None)
    decision = repo.latest_decision(session, row.id)
    if criterion is None or criterion.scale is None or decision is None:
        return None
    frozen = decision.evaluation.get(contract.lot)
    if frozen is None:
        return None
    bid = session.get(BidRow, contract.bid_id)
    assert bid is not None
    ranking = Evaluation.model_validate(frozen).ranking
    winner = next((b for b in ranking if b.bid_id == bid.bid_ref), None)
    if winner is None or CONFIDENCE not in winner.raw_scores:
        return None
    return Confidence({"en": criterion.name.en, "zh": criterion.name.zh},
                      winner.raw_scores[CONFIDENCE], criterion.scale.max)


def _validated(data: dict[str, Any]) -> Benefit:
    try:
        return Benefit.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "benefit"
        raise ProcurementError(N_("the benefit cannot take these terms: {field}: {reason}"),
                               field=field, reason=error["msg"]) from exc


def _rows(session: Session, contract_id: int) -> list[BenefitRow]:
    return list(session.scalars(select(BenefitRow).where(
        BenefitRow.contract_id == contract_id).order_by(BenefitRow.number)))


def _one(session: Session, contract_id: int, number: int) -> BenefitRow:
    found = next((b for b in _rows(session, contract_id) if b.number == number), None)
    if found is None:
        raise NotFound(N_("the contract has no benefit {number}"), number=number)
    return found


def _measurements(session: Session, benefit_id: int) -> list[BenefitMeasurementRow]:
    return list(session.scalars(select(BenefitMeasurementRow).where(
        BenefitMeasurementRow.benefit_id == benefit_id).order_by(
        BenefitMeasurementRow.measured_on)))


def _view(row: BenefitRow, contract: ContractRow, measured: list[BenefitMeasurementRow],
          names: dict[int, str]) -> BenefitView:
    benefit = Benefit.model_validate(row.terms)
    return BenefitView(number=row.number, terms=row.terms, version=row.version,
                       measurements=[_measurement_view(benefit, contract, m,
                                                       names.get(m.recorded_by, ""))
                                     for m in measured])


def _measurement_view(benefit: Benefit, contract: ContractRow, row: BenefitMeasurementRow,
                      by: str) -> BenefitMeasurementView:
    return BenefitMeasurementView(
        measured_on=row.measured_on, value=row.value, evidence=row.evidence,
        planned=planned(benefit, contract.start_date, row.measured_on),
        realised=realised(benefit, row.value), recorded_by=by)
