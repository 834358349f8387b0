"""How each row of ISO 37106 Table 3 is rated: one small pure function per row.

A rule takes the design fields its row reads (never ``None``: a row whose fields are not all
stated is rated traditional before its rule runs, see ``review.rate``) and returns the level
with its reason, an English message id rendered later in the reader's language. Why each
threshold is where it is: docs/methodology.md, "Design review".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from procurement.design import model as d
from procurement.i18n import N_, Term

Level = Literal["traditional", "transition", "smart"]
LEVELS: tuple[Level, ...] = ("traditional", "transition", "smart")

SMART_PIPELINE_MONTHS = 6  # row 5: time for the market to form cross-cutting offers
SHORT_TERM_YEARS = 3.0  # row 10: the longest initial term that is still "short"
LONG_TERM_YEARS = 5.0  # row 10: re-competed within this, extensions included
LOCKED_IN_YEARS = 5.0  # row 10: an initial term beyond this, without a way out, locks in


@dataclass(frozen=True)
class Verdict:
    level: Level
    reason: str
    params: Mapping[str, Any] = field(default_factory=dict)


def _choice(value: str, verdicts: dict[str, tuple[Level, str]]) -> Verdict:
    level, reason = verdicts[value]
    return Verdict(level, reason)


def commissioning(scope: d.Commissioning) -> Verdict:
    return _choice(scope, {
        "single_unit": ("traditional", N_("one business unit buys for its own needs")),
        "several_units": ("transition", N_("several units commission together, but not the "
                                           "city and its partners as a whole")),
        "city_wide": ("smart", N_("commissioned city-wide, with the city's partner "
                                  "organisations")),
    })


def shared_platform_budget(budget: d.SharedPlatformBudget) -> Verdict:
    return _choice(budget, {
        "none": ("traditional", N_("no budget mechanism pays for platforms that serve several "
                                   "organisations")),
        "project_pooled": ("transition", N_("money is pooled for this project only; no standing "
                                            "mechanism funds shared platforms")),
        "standing_fund": ("smart", N_("a standing budget mechanism funds shared platforms and "
                                      "services")),
    })


def specification(specifies: d.Specifies, service_levels: int) -> Verdict:
    if specifies == "technology":
        return Verdict("traditional", N_("the specification prescribes the technology and inputs"))
    if specifies == "mixed":
        return Verdict("transition", N_("the specification mixes outcomes with prescribed "
                                        "technology"))
    if service_levels == 0:
        return Verdict("transition", N_("outcomes are stated, but no service level is "
                                        "measurable"))
    return Verdict("smart", N_("the specification states outcomes, with {count} measurable "
                               "service level(s)"), {"count": service_levels})


def market_engagement(engagement: d.MarketEngagement) -> Verdict:
    return _choice(engagement, {
        "none": ("traditional", N_("requirements are written inside the city, without the "
                                   "market")),
        "once": ("transition", N_("the market is consulted once; requirements are not "
                                  "iterated with users and suppliers")),
        "iterative": ("smart", N_("requirements are iterated with users, officials and "
                                  "suppliers before the tender")),
    })


def pipeline(months: int) -> Verdict:
    if months == 0:
        return Verdict("traditional", N_("no pipeline notice before the tender: the need "
                                         "reaches the market piecemeal"))
    if months < SMART_PIPELINE_MONTHS:
        return Verdict("transition", N_("the pipeline notice comes {months} month(s) ahead; "
                                        "suppliers need {needed} to propose cross-cutting "
                                        "solutions"),
                       {"months": months, "needed": SMART_PIPELINE_MONTHS})
    return Verdict("smart", N_("published in the procurement pipeline {months} months ahead"),
                   {"months": months})


def joint_procurement(joint: d.JointProcurement) -> Verdict:
    return _choice(joint, {
        "none": ("traditional", N_("bought alone, without other parts of the city")),
        "within_city": ("transition", N_("bought jointly within the city, not yet shared with "
                                         "other cities")),
        "across_cities": ("smart", N_("bought jointly through the shared pipeline and shared "
                                      "with other cities")),
    })


def delivery_model(model: d.DeliveryModel) -> Verdict:
    return _choice(model, {
        "buyer_supplier": ("traditional", N_("a plain buyer–supplier contract")),
        "outcome_based": ("transition", N_("an outcome-based contract with shared gains, short "
                                           "of a partnership")),
        "partnership": ("smart", N_("a partnership, joint venture or city company, with each "
                                    "party's intellectual property protected")),
    })


def award_basis(basis: d.AwardBasis, exit_cost: float, currency: str | None) -> Verdict:
    if basis == "lowest_price":
        return Verdict("traditional", N_("the lowest price wins"))
    if basis == "price_quality":
        return Verdict("transition", N_("price and quality, but not the long-term value (total "
                                        "cost of ownership, innovation, confidence in the "
                                        "benefits)"))
    cost = f"{exit_cost:,.0f}" + (f" {currency}" if currency else "")
    return Verdict("smart", N_("long-term value: total cost of ownership including an "
                               "estimated exit cost of {cost}"), {"cost": cost})


def it_model(bought_as: d.ItBoughtAs) -> Verdict:
    return _choice(bought_as, {
        "capital": ("traditional", N_("IT is bought as a capital investment")),
        "mixed": ("transition", N_("IT is bought partly as an asset, partly as a service")),
        "service": ("smart", N_("IT is bought as a service")),
    })


def contract_term(initial: float, maximum: float, break_clause: bool) -> Verdict:
    years = {"initial": f"{initial:g}", "max": f"{maximum:g}"}
    if initial > LOCKED_IN_YEARS and not break_clause:
        return Verdict("traditional", N_("an initial term of {initial} years without a break "
                                         "clause locks the city in"), years)
    if initial <= SHORT_TERM_YEARS and maximum <= LONG_TERM_YEARS:
        if break_clause:
            return Verdict("smart", N_("an initial term of {initial} years, {max} at most, "
                                       "with a break clause"), years)
        if maximum == initial:
            return Verdict("smart", N_("a short term of {initial} years without extensions"), years)
    clause = Term(N_("with a break clause") if break_clause else N_("without a break clause"))
    return Verdict("transition", N_("{initial} years at first, {max} at most, {clause}; short "
                                    "means at most {short} years at first and {long} in all, "
                                    "with a way out"),
                   {**years, "clause": clause, "short": f"{SHORT_TERM_YEARS:g}",
                    "long": f"{LONG_TERM_YEARS:g}"})


def solution_architecture(architecture: d.SolutionArchitecture) -> Verdict:
    return _choice(architecture, {
        "bespoke_vertical": ("traditional", N_("a pre-built, vertically integrated solution "
                                               "for one business process")),
        "mixed": ("transition", N_("partly shared standard components, partly bespoke")),
        "shared_components": ("smart", N_("shared, reusable standard components from "
                                          "best-of-breed and commodity products")),
    })


def interoperability(required: bool, standards: list[str]) -> Verdict:
    named = ", ".join(standards)
    if required and standards:
        return Verdict("smart", N_("interoperability is required through named open "
                                   "standards: {standards}"), {"standards": named})
    if required:
        return Verdict("transition", N_("interoperability is required, but no open standard "
                                        "is named"))
    if standards:
        return Verdict("transition", N_("open standards are named ({standards}), but "
                                        "interoperability is not required"), {"standards": named})
    return Verdict("traditional", N_("no interoperability requirement and no open standard"))


def city_data(owner: d.DataOwner, terms: d.OpenDataTerms) -> Verdict:
    if terms == "free":
        return Verdict("smart", N_("city data is available free of charge through open "
                                   "standards"))
    if terms == "frand":
        return Verdict("smart", N_("city data is available through open standards on fair, "
                                   "reasonable and non-discriminatory terms"))
    if terms == "on_request":
        return Verdict("transition", N_("city data is available only on request"))
    if owner == "city":
        return Verdict("transition", N_("the city owns its data, but no open-data terms are "
                                        "set"))
    return Verdict("traditional", N_("the supplier owns the data and nothing makes it open"))


def collaboration(incentives: d.CollaborationIncentives) -> Verdict:
    return _choice(incentives, {
        "none": ("traditional", N_("nothing in the contract rewards sharing, collaboration or "
                                   "innovation")),
        "cooperation_duty": ("transition", N_("the contract requires cooperation but rewards "
                                              "no new value")),
        "shared_benefits": ("smart", N_("the contract shares the benefits of collaboration, "
                                        "new value and shared city assets")),
    })


def small_suppliers(lots: int, measures: list[d.SmeMeasure]) -> Verdict:
    counts = {"lots": lots, "count": len(measures)}
    if lots > 1 and measures:
        return Verdict("smart", N_("{lots} lots and {count} SME measure(s)"), counts)
    if lots > 1:
        return Verdict("transition", N_("{lots} lots, but no measure for SMEs"), counts)
    if measures:
        return Verdict("transition", N_("{count} SME measure(s), but a single lot"), counts)
    return Verdict("traditional", N_("a single lot and no measure for SMEs"))


def supplier_ecosystem(ecosystem: d.SupplierEcosystem) -> Verdict:
    return _choice(ecosystem, {
        "none": ("traditional", N_("no engagement with suppliers beyond this contract")),
        "occasional_events": ("transition", N_("occasional supplier events, no continuing "
                                               "programme")),
        "innovation_programme": ("smart", N_("a continuing innovation programme with SMEs and "
                                             "other suppliers")),
    })


class Rule(NamedTuple):
    """A row's rule and the design fields it reads (``optional`` ones may be ``None``)."""

    function: Callable[..., Verdict]
    fields: tuple[str, ...]
    optional: tuple[str, ...] = ()


RULES: dict[int, Rule] = {
    1: Rule(commissioning, ("commissioning",)),
    2: Rule(shared_platform_budget, ("shared_platform_budget",)),
    3: Rule(specification, ("specifies", "service_levels")),
    4: Rule(market_engagement, ("market_engagement",)),
    5: Rule(pipeline, ("pipeline_notice_months_ahead",)),
    6: Rule(joint_procurement, ("joint_procurement",)),
    7: Rule(delivery_model, ("delivery_model",)),
    8: Rule(award_basis, ("award_basis", "estimated_exit_cost"), ("currency",)),
    9: Rule(it_model, ("it_bought_as",)),
    10: Rule(contract_term, ("initial_term_years", "max_term_years", "break_clause")),
    11: Rule(solution_architecture, ("solution_architecture",)),
    12: Rule(interoperability, ("interoperability_required", "open_standards")),
    13: Rule(city_data, ("data_owner", "open_data_terms")),
    14: Rule(collaboration, ("collaboration_incentives",)),
    15: Rule(small_suppliers, ("lots", "sme_measures")),
    16: Rule(supplier_ecosystem, ("supplier_ecosystem",)),
}
