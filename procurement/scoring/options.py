"""Settings of one evaluation; the rubric's defaults fill whatever the user leaves unset."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from procurement.rubric.model import Rubric
from procurement.vocabulary import Aggregation, Method, PriceFormula


class ScoringOptions(BaseModel):
    """How to score: method, price formula, discounting, SME deduction, flags, sensitivity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method: Method = Method.WSM
    price_formula: PriceFormula = PriceFormula.LOWEST_RATIO
    benchmark_price: float | None = Field(default=None, gt=0)
    discount_rate: float = Field(default=0.035, ge=0, lt=1)
    sme_deduction: float = Field(default=0.0, ge=0, lt=1)
    aggregation: Aggregation = Aggregation.MEDIAN
    # Sensitivity: Dirichlet draws of weights centred on the chosen ones (0 turns it off).
    sensitivity_samples: int = Field(default=10_000, ge=0, le=1_000_000)
    seed: int = Field(default=20_181_101, ge=0)
    concentration: float = Field(default=100.0, gt=0)
    # Abnormally low cost: below this share of the mean of the other bids, or of the next one.
    low_mean_ratio: float = Field(default=0.60, gt=0, le=1)
    low_next_ratio: float = Field(default=0.70, gt=0, le=1)
    # Panel spread (range / scale width) above which a cell is flagged.
    spread_review: float = Field(default=0.20, ge=0, le=1)
    spread_disagreement: float = Field(default=0.50, ge=0, le=1)
    # Disclosure stated in the methodology: after the award, publish each bid (bidder, status,
    # value) in the award release's bids.details. Off by default: bids are commercially
    # confidential unless bidders were told otherwise (the statistics are always published).
    publish_bids: bool = False

    @model_validator(mode="after")
    def _benchmark_given(self) -> ScoringOptions:
        if self.price_formula is PriceFormula.BENCHMARK and self.benchmark_price is None:
            raise ValueError("the benchmark price formula needs a benchmark price")
        return self

    @classmethod
    def for_rubric(cls, rubric: Rubric, **overrides: object) -> ScoringOptions:
        """Start from ``rubric.defaults`` and apply the overrides that are not ``None``."""
        defaults = rubric.defaults
        values: dict[str, object] = {
            "method": defaults.method,
            "price_formula": defaults.price_formula,
            "discount_rate": defaults.discount_rate,
            "sme_deduction": defaults.sme_deduction,
            "aggregation": defaults.aggregation,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
