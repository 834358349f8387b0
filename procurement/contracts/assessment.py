"""A contract's performance over a period of whole months, as the contract-stage documents
state it: each KPI's measurements in the period, the rating the period is given, and
whether the KPI — or a milestone due in the period — is accepted.

The rules (the documents print them):

- A period of several months is rated by its **worst** month: a contract performance notice
  assesses the period (Procurement Regulations 2024 reg. 39), and one inadequate month is
  not hidden by better ones after it. A KPI not measured in the period has no rating.
- A KPI is **accepted** (合格) when it was measured in the period and no month was rated
  below "Approaching target"; otherwise it is not accepted (不合格).
- A milestone due in the period is accepted when it was met on or before its due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from procurement.contracts.kpis import ContractKpi, rate
from procurement.vocabulary import Milestone, Rating

# Worst last: a period's rating is the one furthest down this order.
ORDER = (Rating.GOOD, Rating.APPROACHING_TARGET, Rating.REQUIRES_IMPROVEMENT,
         Rating.INADEQUATE)
ACCEPTABLE = frozenset({Rating.GOOD, Rating.APPROACHING_TARGET})


@dataclass(frozen=True)
class Span:
    """Whole months, ``first`` to ``last`` (each the first day of its month), inclusive."""

    first: date
    last: date

    @property
    def end(self) -> date:
        """The last day of the period."""
        return self.last + relativedelta(months=1, days=-1)

    @property
    def months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.end


@dataclass(frozen=True)
class Measured:
    period: date  # the first day of the month
    value: float
    rating: Rating
    credit_percent: float
    evidence: str = ""


@dataclass(frozen=True)
class KpiAssessment:
    number: int
    kpi: ContractKpi
    measured: tuple[Measured, ...]  # in the period, in month order

    @property
    def rating(self) -> Rating | None:
        """The period's rating: its worst month's (None when not measured)."""
        if not self.measured:
            return None
        return max((m.rating for m in self.measured), key=ORDER.index)

    @property
    def latest(self) -> Measured | None:
        return self.measured[-1] if self.measured else None

    @property
    def worst(self) -> Measured | None:
        """The month that gives the period its rating (the first, if several)."""
        rating = self.rating
        return next((m for m in self.measured if m.rating == rating), None)

    @property
    def accepted(self) -> bool:
        return bool(self.measured) and all(m.rating in ACCEPTABLE for m in self.measured)

    def count(self, rating: Rating) -> int:
        return sum(1 for m in self.measured if m.rating == rating)


def assess(kpis: dict[int, ContractKpi],
           measurements: list[tuple[int, date, float, float, str]], span: Span
           ) -> list[KpiAssessment]:
    """Each KPI (by number) with its measurements (kpi, period, value, credit %, evidence)
    in ``span``, rated."""
    found: dict[int, list[Measured]] = {number: [] for number in kpis}
    for number, period, value, credit, evidence in sorted(measurements,
                                                          key=lambda m: (m[0], m[1])):
        if number in found and span.first <= period <= span.last:
            found[number].append(Measured(period, value, rate(kpis[number], value), credit,
                                          evidence))
    return [KpiAssessment(number, kpis[number], tuple(found[number])) for number in sorted(kpis)]


# The milestones the supplier delivers (the others are the city's own dates: the start, the
# break, the reviews, the end).
DELIVERABLES = frozenset({Milestone.EXIT_PLAN_DUE})


def milestone_accepted(due: date, met: date | None) -> bool:
    """A milestone is accepted when it was met by its due date."""
    return met is not None and met <= due
