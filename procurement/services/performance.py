"""A contract's performance: KPI measurements per period (recorded one by one, or imported
from a CSV/XLSX file all or nothing), each rated by the contract's bands (Procurement
Regulations 2024 reg. 39 ratings) with the service credits it owes, and each period's
credits in total, at most the contract's monthly cap."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select, tuple_

from procurement.contracts.credits import PeriodCredits, kpi_credit_percent, period_credits
from procurement.contracts.kpis import ContractKpi, rate
from procurement.domain.views import MeasurementView
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.contracts import kpi_rows, load_contract, may_manage
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.contract_rows import ContractRow, MeasurementRow
from procurement.store.db import Database
from procurement.tables.measurements import (
    Measured,
    month,
    outside_term,
    read_measurements,
    unknown_kpi,
)


@dataclass(frozen=True)
class Performance:
    """Every measurement of the contract with its rating and credit, and per period (the
    first day of its month) the credits owed."""

    kpis: dict[int, ContractKpi]
    measurements: list[MeasurementView]
    periods: dict[date, PeriodCredits]


def record(db: Database, actor: Actor, contract_id: int, number: int, period: str, value: float,
           evidence: str = "") -> MeasurementView:
    """Record (or replace) one KPI's measurement for one month (``2026-03``)."""
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        day = month(period)
        if day is None:
            raise ProcurementError(N_("{value} is not a month (write it 2026-03)"), value=period)
        kpis = {k.number: k for k in kpi_rows(session, contract.id)}
        _check_one(contract, set(kpis), Measured(number, day, value, evidence))
        kpi = kpis[number]
        existing = session.scalar(select(MeasurementRow).where(
            MeasurementRow.kpi_id == kpi.id, MeasurementRow.period == day))
        before = None if existing is None else {"value": existing.value,
                                                "evidence": existing.evidence}
        if existing is not None:
            session.delete(existing)
            session.flush()
        session.add(MeasurementRow(kpi_id=kpi.id, period=day, value=value,
                                   evidence=evidence.strip(), recorded_by=actor.id,
                                   recorded_at=clock.now()))
        audit.append(session, actor.username, "kpi.record",
                     f"contract:{contract.id}:kpi:{number}:{day.isoformat()[:7]}",
                     procurement_id=contract.procurement_id, before=before,
                     after={"value": value, "evidence": evidence.strip()})
        terms = ContractKpi.model_validate(kpi.terms)
        return MeasurementView(kpi=number, period=day, value=value, evidence=evidence.strip(),
                               rating=rate(terms, value),
                               credit_percent=kpi_credit_percent(terms, value),
                               recorded_by=actor.username)


def import_measurements(db: Database, actor: Actor, contract_id: int, path: str | Path) -> int:
    """Record every measurement of a CSV or XLSX file (kpi, period, value, evidence) in one
    transaction, replacing those of the same KPI and month: a file with a bad row records
    nothing. Returns how many."""
    raw = Path(path).read_bytes() if Path(path).is_file() else b""
    with db.write() as session:
        contract = load_contract(session, contract_id)
        may_manage(session, actor, contract)
        kpis = {k.number: k.id for k in kpi_rows(session, contract.id)}
        rows = read_measurements(path, set(kpis), contract.start_date, contract.end_date)
        pairs = [(kpis[r.kpi], r.period) for r in rows]
        for start in range(0, len(pairs), 500):  # bounded IN lists on every database
            session.execute(delete(MeasurementRow).where(
                tuple_(MeasurementRow.kpi_id, MeasurementRow.period).in_(pairs[start:start + 500])))
        now = clock.now()
        if rows:
            session.execute(insert(MeasurementRow), [
                {"kpi_id": kpis[r.kpi], "period": r.period, "value": r.value,
                 "evidence": r.evidence, "recorded_by": actor.id, "recorded_at": now}
                for r in rows])
        audit.append(session, actor.username, "kpi.import", f"contract:{contract.id}",
                     procurement_id=contract.procurement_id,
                     after={"file": Path(path).name, "sha256": hashlib.sha256(raw).hexdigest(),
                            "measurements": len(rows)})
        return len(rows)


def performance(db: Database, actor: Actor, contract_id: int) -> Performance:
    """Every measurement rated, with its credit, and each period's credits (capped)."""
    with db.read() as session:
        contract = load_contract(session, contract_id)
        rows = kpi_rows(session, contract.id)
        terms = {k.number: ContractKpi.model_validate(k.terms) for k in rows}
        numbers = {k.id: k.number for k in rows}
        found = session.execute(select(
            MeasurementRow.kpi_id, MeasurementRow.period, MeasurementRow.value,
            MeasurementRow.evidence, MeasurementRow.recorded_by).where(
            MeasurementRow.kpi_id.in_(list(numbers))).order_by(
            MeasurementRow.period, MeasurementRow.kpi_id)).all() if numbers else []
        names = repo.usernames(session, {r.recorded_by for r in found})
        charge, cap = contract.period_charge, contract.credit_cap_percent
    measurements = []
    by_period: dict[date, list[tuple[ContractKpi, float]]] = {}
    for kpi_id, period, value, evidence, by in found:
        kpi = terms[numbers[kpi_id]]
        measurements.append(MeasurementView(
            kpi=numbers[kpi_id], period=period, value=value, evidence=evidence,
            rating=rate(kpi, value), credit_percent=kpi_credit_percent(kpi, value),
            recorded_by=names[by]))
        by_period.setdefault(period, []).append((kpi, value))
    return Performance(terms, measurements,
                       {p: period_credits(m, charge, cap) for p, m in by_period.items()})


def _check_one(contract: ContractRow, numbers: set[int], measured: Measured) -> None:
    """The rules an imported row meets (tables.measurements), for one recorded by hand."""
    for broken in (unknown_kpi(str(measured.kpi), measured.kpi, numbers),
                   outside_term(measured.period.isoformat()[:7], measured.period,
                                contract.start_date, contract.end_date)):
        if broken is not None:
            raise ProcurementError(broken[0], **broken[1])
    if not math.isfinite(measured.value):
        raise ProcurementError(N_("{value} is not a number"), value=str(measured.value))
