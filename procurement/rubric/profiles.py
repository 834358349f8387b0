"""Legal profiles a rubric can declare, and the rules each enforces: the rules themselves,
with their sources, belong to the jurisdiction whose law the profile applies
(:mod:`procurement.jurisdictions`): ``cn-goods`` / ``cn-services`` China's 综合评分法 price
weight and formula, ``uk-mat`` the UK's minimum weight on social value."""

from __future__ import annotations

from typing import Any

from procurement import jurisdictions
from procurement.i18n import N_
from procurement.rubric.model import Rubric

Finding = tuple[str, dict[str, Any]]
# Weights are compared after normalisation; allow for the float error of summing shares.
_EPS = 1e-9


def check_rubric(rubric: Rubric) -> list[Finding]:
    """Return the profile rules ``rubric`` breaks, as (message id, parameters) pairs."""
    if rubric.profile is None:
        return []
    rules = jurisdictions.rubric_rules(rubric.profile)
    findings = []
    if rules.price_weight is not None:
        findings += _check_price_weight(rubric, rules.price_weight)
    if rules.group_minimum is not None:
        findings += _check_group(rubric, *rules.group_minimum)
    return findings


def check_price_formula(rubric: Rubric, price_formula: str) -> list[Finding]:
    """Return a finding when the profile prescribes another price formula."""
    if rubric.profile is None:
        return []
    required = jurisdictions.rubric_rules(rubric.profile).price_formula
    if required is None or price_formula == required:
        return []
    return [(N_("profile {profile} requires the price formula {required}, not {formula}"),
             {"profile": rubric.profile, "required": required, "formula": price_formula})]


def _check_price_weight(rubric: Rubric, bounds: tuple[float, float]) -> list[Finding]:
    cost = rubric.cost
    if cost is None or cost.basis != "price":
        return [(N_("profile {profile} needs a cost criterion on the basis of price"),
                 {"profile": rubric.profile})]
    low, high = bounds
    share = rubric.weights()[cost.id]
    if low - _EPS <= share <= high + _EPS:
        return []
    return [(N_("profile {profile} allows a price weight of {low}–{high} %, "
                "this rubric gives {share} %"),
             {"profile": rubric.profile, "low": _pct(low), "high": _pct(high),
              "share": _pct(share)})]


def _check_group(rubric: Rubric, group: str, minimum: float) -> list[Finding]:
    weights = rubric.weights()
    share = sum(weights[c.id] for c in rubric.weighted if c.group == group)
    if share >= minimum - _EPS:
        return []
    return [(N_("profile uk-mat needs at least {minimum} % weight on social value, "
                "this rubric gives {share} %"),
             {"minimum": _pct(minimum), "share": _pct(share)})]


def _pct(share: float) -> str:
    return f"{share * 100:.4g}"
