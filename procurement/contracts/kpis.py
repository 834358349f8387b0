"""A contract's KPI: the measure the winning bid committed to, with the rules the contract
states for rating each period's measurement and for the service credits a shortfall owes.

Ratings follow the contract performance notice (Procurement Regulations 2024 reg. 39): Good,
Approaching target, Requires improvement, Inadequate. The Act leaves what each means to the
contract; the toolkit's defaults (editable per KPI) rate a measurement by its shortfall from
the target relative to the target: none is Good, up to 5 % Approaching target, up to 15 %
Requires improvement, beyond that Inadequate.
"""

from __future__ import annotations

import math
import re

from pydantic import BaseModel, ConfigDict, Field, model_validator

from procurement.domain.terms import Kpi
from procurement.vocabulary import Direction, Rating, Reporting

APPROACHING = 0.05  # the default shortfall, relative to the target, still "approaching"
REQUIRES_IMPROVEMENT = 0.15


class CreditRule(BaseModel):
    """Service credits for one KPI: ``percent_per_point`` of the period's charge for every
    point (unit of the measure) below target, at most ``cap_percent`` (the contract's cap on
    all credits of a period applies on top, credits.period_credits)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    percent_per_point: float = Field(ge=0, le=100)
    cap_percent: float = Field(ge=0, le=100)


class ContractKpi(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    measure: str = Field(min_length=1)
    unit: str = ""
    baseline: float | None = None
    target: float
    direction: Direction
    method: str = ""  # how it is measured (the evidence a measurement cites)
    frequency: Reporting = Reporting.MONTHLY
    approaching: float = Field(default=APPROACHING, ge=0, le=1)
    requires_improvement: float = Field(default=REQUIRES_IMPROVEMENT, ge=0, le=10)
    credit: CreditRule | None = None

    @model_validator(mode="after")
    def _finite(self) -> ContractKpi:
        if not math.isfinite(self.target) or (self.baseline is not None
                                              and not math.isfinite(self.baseline)):
            raise ValueError("the baseline and target must be numbers")
        if self.requires_improvement < self.approaching:
            raise ValueError("the 'requires improvement' band cannot be narrower than the "
                             "'approaching target' band")
        return self


def shortfall(kpi: ContractKpi, value: float) -> float:
    """How far ``value`` falls short of the target, in the measure's units (0 on target or
    better)."""
    gap = kpi.target - value if kpi.direction == Direction.HIGHER else value - kpi.target
    return max(0.0, gap)


def rate(kpi: ContractKpi, value: float) -> Rating:
    """The period's rating of a measurement, by its shortfall relative to the target."""
    short = shortfall(kpi, value)
    if short <= 0:
        return Rating.GOOD
    # Rounded: 8.4 against a target of 8 is 5 % short, not 5.000000000000004 %.
    relative = round(short / abs(kpi.target), 12) if kpi.target else math.inf
    if relative <= kpi.approaching:
        return Rating.APPROACHING_TARGET
    if relative <= kpi.requires_improvement:
        return Rating.REQUIRES_IMPROVEMENT
    return Rating.INADEQUATE


_UNIT = re.compile(r"\(([^()]+)\)\s*$")


def from_commitment(kpi: Kpi, credit: CreditRule | None = None,
                    frequency: Reporting = Reporting.MONTHLY) -> ContractKpi:
    """The contract's KPI from what a bid committed to (``measure (unit): baseline ->
    target``): the unit from the measure's last parentheses, the direction from the baseline
    to the target (a target below the baseline is a KPI that improves downwards). Raises
    ``ValueError`` for a target that is not a number."""
    target = _number(kpi.target)
    if target is None:
        raise ValueError(f"the target of {kpi.measure!r} is not a number: {kpi.target!r}")
    baseline = _number(kpi.baseline) if kpi.baseline else None
    unit = _UNIT.search(kpi.measure)
    direction = Direction.LOWER if baseline is not None and target < baseline \
        else Direction.HIGHER
    return ContractKpi(measure=kpi.measure, unit=unit.group(1) if unit else "",
                       baseline=baseline, target=target, direction=direction,
                       frequency=frequency, credit=credit)


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(",", "").rstrip("%").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
