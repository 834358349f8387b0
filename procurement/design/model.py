"""A procurement design: what a city is about to put out to tender, as validated data.

One field (or a few) per row of ISO 37106 Table 3, so that the design can be reviewed row by
row before it goes out (6.6.3 b). Every field may be left out: a missing field means "the
design does not say", and the review rates that row traditional rather than guess. Unknown
fields are refused, so that a misspelt key is an error naming the field, not a silent gap.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from procurement.i18n import N_

Commissioning = Literal["single_unit", "several_units", "city_wide"]
SharedPlatformBudget = Literal["none", "project_pooled", "standing_fund"]
Specifies = Literal["technology", "mixed", "outcomes"]
MarketEngagement = Literal["none", "once", "iterative"]
JointProcurement = Literal["none", "within_city", "across_cities"]
DeliveryModel = Literal["buyer_supplier", "outcome_based", "partnership"]
AwardBasis = Literal["lowest_price", "price_quality", "long_term_value"]
ItBoughtAs = Literal["capital", "mixed", "service"]
SolutionArchitecture = Literal["bespoke_vertical", "mixed", "shared_components"]
DataOwner = Literal["supplier", "city"]
OpenDataTerms = Literal["none", "on_request", "frand", "free"]
CollaborationIncentives = Literal["none", "cooperation_duty", "shared_benefits"]
SmeMeasure = Literal["sme_reserved_lots", "sme_price_deduction", "subcontracting_to_smes",
                     "simplified_qualification", "prompt_payment"]
SupplierEcosystem = Literal["none", "occasional_events", "innovation_programme"]

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def design_error(msgid: str, **params: object) -> PydanticCustomError:
    """A validation error whose message the loader shows in the reader's language."""
    text = {key: f"{value:g}" if isinstance(value, float) else str(value)
            for key, value in params.items()}
    return PydanticCustomError("design_rule", msgid, {"msgid": msgid, **text})


class ProcurementDesign(BaseModel):
    """The design of one procurement; ``None`` everywhere means "not stated"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, max_length=200)
    reference: str | None = Field(default=None, max_length=60)
    buyer: str | None = Field(default=None, max_length=200)

    # Row 1: who commissions: one business unit, several, or the city and its partners.
    commissioning: Commissioning | None = None
    # Row 2: how shared platforms are paid for.
    shared_platform_budget: SharedPlatformBudget | None = None
    # Row 3: what the specification states, and how many measurable service levels it sets.
    specifies: Specifies | None = None
    service_levels: int | None = Field(default=None, ge=0)
    # Row 4: engagement with users and suppliers before the tender.
    market_engagement: MarketEngagement | None = None
    # Row 5: months between the pipeline notice and the tender (0: no notice before it).
    pipeline_notice_months_ahead: int | None = Field(default=None, ge=0, le=120)
    # Row 6: bought jointly with other parts of the city, or shared with other cities.
    joint_procurement: JointProcurement | None = None
    # Row 7: the contractual relationship.
    delivery_model: DeliveryModel | None = None
    # Row 8: how the winner is chosen, and the exit cost estimated at the start.
    award_basis: AwardBasis | None = None
    estimated_exit_cost: float | None = Field(default=None, ge=0)
    currency: str | None = None
    # Row 9: IT as a capital investment or as a service.
    it_bought_as: ItBoughtAs | None = None
    # Row 10: term and break clause.
    initial_term_years: float | None = Field(default=None, gt=0, le=50)
    max_term_years: float | None = Field(default=None, gt=0, le=50)
    break_clause: bool | None = None
    # Row 11: a bespoke vertical solution or shared, reusable standard components.
    solution_architecture: SolutionArchitecture | None = None
    # Row 12: interoperability required, and the open standards named.
    interoperability_required: bool | None = None
    open_standards: list[str] | None = None
    # Row 13: who owns the city's data, and on what terms it is open.
    data_owner: DataOwner | None = None
    open_data_terms: OpenDataTerms | None = None
    # Row 14: what the contract rewards beyond delivery.
    collaboration_incentives: CollaborationIncentives | None = None
    # Row 15: lots and measures that open the tender to SMEs.
    lots: int | None = Field(default=None, ge=1, le=1000)
    sme_measures: list[SmeMeasure] | None = None
    # Row 16: the supplier ecosystem around the procurement.
    supplier_ecosystem: SupplierEcosystem | None = None

    @field_validator("max_term_years")
    @classmethod
    def _max_term_covers_the_initial_term(cls, value: float | None,
                                          info: ValidationInfo) -> float | None:
        initial = info.data.get("initial_term_years")
        if value is not None and initial is not None and value < initial:
            raise design_error(N_("must not be shorter than the initial term ({initial} years)"),
                               initial=initial)
        return value

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str | None) -> str | None:
        if value is not None and not _CURRENCY.match(value):
            raise design_error(N_("must be a three-letter currency code such as CNY"))
        return value

    @field_validator("open_standards")
    @classmethod
    def _standards_are_named(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and any(not name.strip() for name in value):
            raise design_error(N_("every open standard needs a name"))
        return value

    def stated(self) -> dict[str, Any]:
        """The fields the design states (for display and for saving a form as YAML)."""
        return self.model_dump(mode="json", exclude_none=True)
