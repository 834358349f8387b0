"""The design's fields as a form shows them: label, kind, choices with their names, and how a
form's values become design data. Pages build their widgets from this; nothing here renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from procurement.design import model as d
from procurement.i18n import N_

Kind = Literal["text", "choice", "bool", "int", "float", "list", "multi"]


def _choices(values: Any, names: dict[str, str]) -> dict[str, str]:
    # Keyed by the Literal's own values, so that a value added to the model without a name
    # fails the tests rather than showing a raw code.
    return {value: names[value] for value in get_args(values)}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    row: int  # the Table 3 row it feeds; 0 for the design's title, reference, buyer
    kind: Kind
    label: str
    choices: dict[str, str] = field(default_factory=dict)


_NONE = N_("None")
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", 0, "text", N_("Title")),
    FieldSpec("reference", 0, "text", N_("Reference")),
    FieldSpec("buyer", 0, "text", N_("Buyer")),
    FieldSpec("commissioning", 1, "choice", N_("Who commissions"), _choices(d.Commissioning, {
        "single_unit": N_("One business unit"), "several_units": N_("Several units together"),
        "city_wide": N_("City-wide, with partner organisations")})),
    FieldSpec("shared_platform_budget", 2, "choice", N_("Budget for shared platforms"),
              _choices(d.SharedPlatformBudget, {
                  "none": _NONE, "project_pooled": N_("Pooled for this project only"),
                  "standing_fund": N_("A standing fund for shared platforms")})),
    FieldSpec("specifies", 3, "choice", N_("The specification states"), _choices(d.Specifies, {
        "technology": N_("Technology and inputs"), "mixed": N_("Outcomes and technology"),
        "outcomes": N_("Outcomes and service levels")})),
    FieldSpec("service_levels", 3, "int", N_("Measurable service levels (KPIs)")),
    FieldSpec("market_engagement", 4, "choice", N_("Market engagement before the tender"),
              _choices(d.MarketEngagement, {"none": _NONE, "once": N_("Once"),
                                            "iterative": N_("Early and iterative")})),
    FieldSpec("pipeline_notice_months_ahead", 5, "int",
              N_("Pipeline notice, months before the tender (0: none)")),
    FieldSpec("joint_procurement", 6, "choice", N_("Joint procurement"),
              _choices(d.JointProcurement, {
                  "none": N_("None (bought alone)"), "within_city": N_("With other parts of the city"),
                  "across_cities": N_("Shared with other cities")})),
    FieldSpec("delivery_model", 7, "choice", N_("Delivery model"), _choices(d.DeliveryModel, {
        "buyer_supplier": N_("Buyer–supplier contract"),
        "outcome_based": N_("Outcome-based, with shared gains"),
        "partnership": N_("Partnership, joint venture or city company (IP protected)")})),
    FieldSpec("award_basis", 8, "choice", N_("The winner is chosen on"), _choices(d.AwardBasis, {
        "lowest_price": N_("Lowest price"), "price_quality": N_("Price and quality"),
        "long_term_value": N_("Long-term value (total cost of ownership with exit costs)")})),
    FieldSpec("estimated_exit_cost", 8, "float", N_("Estimated exit cost")),
    FieldSpec("currency", 8, "text", N_("Currency (e.g. CNY)")),
    FieldSpec("it_bought_as", 9, "choice", N_("IT is bought as"), _choices(d.ItBoughtAs, {
        "capital": N_("A capital investment"), "mixed": N_("Partly asset, partly service"),
        "service": N_("A service")})),
    FieldSpec("initial_term_years", 10, "float", N_("Initial term (years)")),
    FieldSpec("max_term_years", 10, "float", N_("Longest term with extensions (years)")),
    FieldSpec("break_clause", 10, "bool", N_("Break clause")),
    FieldSpec("solution_architecture", 11, "choice", N_("Solution architecture"),
              _choices(d.SolutionArchitecture, {
                  "bespoke_vertical": N_("A bespoke vertical solution"),
                  "mixed": N_("Partly shared, partly bespoke"),
                  "shared_components": N_("Shared, reusable standard components")})),
    FieldSpec("interoperability_required", 12, "bool", N_("Interoperability required")),
    FieldSpec("open_standards", 12, "list", N_("Open standards named (comma-separated)")),
    FieldSpec("data_owner", 13, "choice", N_("City data belongs to"), _choices(d.DataOwner, {
        "supplier": N_("The supplier"), "city": N_("The city")})),
    FieldSpec("open_data_terms", 13, "choice", N_("Open-data terms"), _choices(d.OpenDataTerms, {
        "none": _NONE, "on_request": N_("On request"),
        "frand": N_("Fair, reasonable and non-discriminatory (FRAND)"),
        "free": N_("Free of charge")})),
    FieldSpec("collaboration_incentives", 14, "choice", N_("Collaboration incentives"),
              _choices(d.CollaborationIncentives, {
                  "none": _NONE, "cooperation_duty": N_("A duty to cooperate"),
                  "shared_benefits": N_("Shared benefits (gain-share, shared assets)")})),
    FieldSpec("lots", 15, "int", N_("Lots")),
    FieldSpec("sme_measures", 15, "multi", N_("Measures for SMEs"), _choices(d.SmeMeasure, {
        "sme_reserved_lots": N_("Lots reserved for SMEs"),
        "sme_price_deduction": N_("SME price deduction"),
        "subcontracting_to_smes": N_("Subcontracting to SMEs"),
        "simplified_qualification": N_("Simplified qualification"),
        "prompt_payment": N_("Prompt payment")})),
    FieldSpec("supplier_ecosystem", 16, "choice", N_("Supplier ecosystem"),
              _choices(d.SupplierEcosystem, {
                  "none": _NONE, "occasional_events": N_("Occasional supplier events"),
                  "innovation_programme": N_("A continuing innovation programme with SMEs")})),
)

_LIST_SEPARATORS = re.compile(r"[,，、;；\n]")
# An empty list in a form is "none" once the row's other field is answered, else "not stated".
_LIST_PARTNER = {"open_standards": "interoperability_required", "sme_measures": "lots"}


def form_data(values: dict[str, Any]) -> dict[str, Any]:
    """Turn a form's values (``None`` or blank: not stated) into design data."""
    data: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str):
            value = value.strip()
            if name in _LIST_PARTNER:
                value = [part.strip() for part in _LIST_SEPARATORS.split(value) if part.strip()]
        if value is None or value == "":
            continue
        if value == [] and values.get(_LIST_PARTNER.get(name, "")) is None:
            continue
        data[name] = list(value) if isinstance(value, list | tuple) else value
    return data
