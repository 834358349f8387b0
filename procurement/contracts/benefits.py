"""The benefits a procurement was to realise (ISO 37106 clause 7, the benefits realisation
framework): each a measure with its owner, a baseline, a target and the date it is due, and
how far a measurement has gone from the baseline to the target."""

from __future__ import annotations

import math
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from procurement.vocabulary import Direction


class Benefit(BaseModel):
    """e.g. "Average time to find a parking bay (minutes)", owner "Head of Transport",
    baseline 12, target 8.4 (−30 %) by 2027-06-30."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field(min_length=1, max_length=300)
    owner: str = Field(min_length=1, max_length=120)
    unit: str = Field(default="", max_length=40)
    baseline: float
    target: float
    due: date

    @model_validator(mode="after")
    def _moves(self) -> Benefit:
        if not (math.isfinite(self.baseline) and math.isfinite(self.target)):
            raise ValueError("the baseline and target must be numbers")
        if self.baseline == self.target:
            raise ValueError("the target must differ from the baseline")
        return self

    @property
    def direction(self) -> Direction:
        return Direction.LOWER if self.target < self.baseline else Direction.HIGHER


def realised(benefit: Benefit, value: float) -> float:
    """The share of the planned change a measurement shows: 0 at the baseline, 1 at the
    target; below 0 when it went the wrong way, above 1 past the target."""
    return (value - benefit.baseline) / (benefit.target - benefit.baseline)


def planned(benefit: Benefit, start: date, day: date) -> float:
    """The value the plan expects on ``day``: a straight line from the baseline at the
    contract's start to the target on the due date, the target after it."""
    if day <= start:
        return benefit.baseline
    if day >= benefit.due or benefit.due <= start:
        return benefit.target
    share = (day - start).days / (benefit.due - start).days
    return benefit.baseline + share * (benefit.target - benefit.baseline)
