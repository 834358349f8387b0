"""Service credits owed for a period: per KPI its rule (a percentage of the period's charge
for every point below target, capped per KPI), and all of them together at most the
contract's cap for the period (the clause pack's KPI clause: "The service credits for any
month shall not exceed {service_credit_cap_percent} % of the charges for that month")."""

from __future__ import annotations

from dataclasses import dataclass

from procurement.contracts.kpis import ContractKpi, shortfall


@dataclass(frozen=True)
class Credit:
    measure: str
    percent: float  # of the period's charge, after the KPI's own cap
    amount: float


@dataclass(frozen=True)
class PeriodCredits:
    credits: tuple[Credit, ...]
    total: float  # after the contract's cap
    capped: bool  # whether the contract's cap cut the total


def kpi_credit_percent(kpi: ContractKpi, value: float) -> float:
    """The percentage of the period's charge one KPI's measurement owes."""
    if kpi.credit is None:
        return 0.0
    return min(kpi.credit.cap_percent, kpi.credit.percent_per_point * shortfall(kpi, value))


def period_credits(measured: list[tuple[ContractKpi, float]], charge: float,
                   cap_percent: float) -> PeriodCredits:
    """The credits each KPI's measurement owes for a period whose charge is ``charge``,
    and their total, at most ``cap_percent`` of the charge."""
    credits = tuple(Credit(kpi.measure, percent, charge * percent / 100)
                    for kpi, value in measured
                    if (percent := kpi_credit_percent(kpi, value)) > 0)
    owed = sum(c.amount for c in credits)
    cap = charge * cap_percent / 100
    return PeriodCredits(credits, min(owed, cap), owed > cap)
