"""The rubric data model: criteria, scales and weights, validated on load.

A rubric is data (``rubrics/*.yaml``); these models are its schema. Every model forbids
unknown fields so that a typo in a rubric file is an error, not a silently ignored setting.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from procurement.i18n import N_, Lang
from procurement.vocabulary import (
    Aggregation,
    CostBasis,
    CriterionKind,
    Method,
    PriceFormula,
    RubricProfile,
)

#: Column names of the bids table that a criterion id may not take.
RESERVED_COLUMNS = frozenset(
    {"bid_id", "supplier", "sme", "price", "capex", "opex_per_year", "term_years", "exit_cost"}
)


def rule_error(msgid: str, **params: object) -> PydanticCustomError:
    """An error whose message the loader can show in either language (see ``load``)."""
    text = {key: f"{value:g}" if isinstance(value, float) else str(value)
            for key, value in params.items()}
    return PydanticCustomError("rubric_rule", msgid, {"msgid": msgid, **text})


class StrictModel(BaseModel):
    # No NaN or infinity in a rubric: an infinite weight would be accepted and scores written.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Text(StrictModel):
    """A text in both languages of the product."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Level(StrictModel):
    """One point of a scale with what an evaluator must see to award it."""

    value: float
    label: Text
    descriptor: Text


class Scale(StrictModel):
    min: float
    max: float
    levels: list[Level] = Field(min_length=2)

    @model_validator(mode="after")
    def _levels_span_the_scale(self) -> Scale:
        if self.max <= self.min:
            raise rule_error(N_("scale max ({max}) must be greater than min ({min})"),
                             max=self.max, min=self.min)
        values = [level.value for level in self.levels]
        if values != sorted(set(values)):
            raise rule_error(N_("scale levels must be unique and in ascending order"))
        if values[0] != self.min or values[-1] != self.max:
            raise rule_error(N_("scale levels must start at the scale min and end at its max"))
        return self

    @property
    def width(self) -> float:
        return self.max - self.min


class Source(StrictModel):
    """Where a criterion comes from, e.g. ISO 37106:2018, Table 3 row 8."""

    document: str = Field(min_length=1)
    ref: str = Field(min_length=1)


class Group(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text


class Criterion(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)
    name: Text
    group: str
    kind: CriterionKind
    weight: float = Field(default=0.0, ge=0)
    description: Text | None = None
    scale: Scale | None = None
    threshold: float | None = None
    basis: CostBasis | None = None
    evidence: list[Text] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _fields_fit_the_kind(self) -> Criterion:
        if self.id in RESERVED_COLUMNS:
            raise rule_error(N_("criterion id {id} is a reserved column of the bids table"),
                             id=self.id)
        if self.kind == "scale":
            if self.scale is None:
                raise rule_error(N_("scale criterion {id} needs a 'scale'"), id=self.id)
            if not self.evidence:
                raise rule_error(N_("scale criterion {id} needs evidence prompts"), id=self.id)
            if self.threshold is not None and not self.scale.min <= self.threshold <= self.scale.max:
                raise rule_error(N_("the threshold of {id} lies outside its scale"), id=self.id)
        elif self.scale is not None or self.threshold is not None:
            raise rule_error(N_("only a scale criterion takes a 'scale' or 'threshold' ({id})"),
                             id=self.id)
        if self.kind == "cost" and self.basis is None:
            raise rule_error(N_("cost criterion {id} needs a 'basis' (price or tco)"), id=self.id)
        if self.kind != "cost" and self.basis is not None:
            raise rule_error(N_("only a cost criterion takes a 'basis' ({id})"), id=self.id)
        if self.kind == "gate" and self.weight != 0:
            raise rule_error(N_("gate {id} is pass or fail and must weigh 0"), id=self.id)
        return self


class Defaults(StrictModel):
    """Scoring settings a rubric recommends; every one can be overridden per evaluation."""

    method: Method = Method.WSM
    price_formula: PriceFormula = PriceFormula.LOWEST_RATIO
    discount_rate: float = Field(default=0.035, ge=0, lt=1)
    sme_deduction: float = Field(default=0.0, ge=0, lt=1)
    aggregation: Aggregation = Aggregation.MEDIAN


class Rubric(StrictModel):
    format_version: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    version: str = Field(min_length=1)
    title: Text
    description: Text
    profile: RubricProfile | None = None
    defaults: Defaults = Defaults()
    groups: list[Group] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _criteria_are_consistent(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise rule_error(N_("duplicate criterion ids: {ids}"), ids=", ".join(duplicates))
        group_ids = {g.id for g in self.groups}
        unknown = sorted({c.group for c in self.criteria} - group_ids)
        if unknown:
            raise rule_error(N_("criteria refer to undefined groups: {ids}"), ids=", ".join(unknown))
        if sum(1 for c in self.criteria if c.kind == "cost") > 1:
            raise rule_error(N_("a rubric has at most one cost criterion"))
        if not any(c.weight > 0 for c in self.criteria):
            raise rule_error(N_("at least one criterion must have a weight greater than 0"))
        return self

    # --- derived views -------------------------------------------------------------------

    @property
    def weighted(self) -> list[Criterion]:
        """Criteria that score (scale and cost), in file order; gates only pass or fail."""
        return [c for c in self.criteria if c.kind != "gate"]

    @property
    def scale_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if c.kind == "scale"]

    @property
    def gates(self) -> list[Criterion]:
        return [c for c in self.criteria if c.kind == "gate"]

    @property
    def cost(self) -> Criterion | None:
        return next((c for c in self.criteria if c.kind == "cost"), None)

    def weights(self) -> dict[str, float]:
        """Return the weights of the scoring criteria, normalised to sum to 1."""
        total = sum(c.weight for c in self.weighted)
        return {c.id: c.weight / total for c in self.weighted}

    def group_name(self, group_id: str, lang: Lang) -> str:
        return next(g.name.get(lang) for g in self.groups if g.id == group_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)
