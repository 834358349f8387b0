"""Legal profiles a rubric can declare, and the rules each enforces.

- ``cn-goods`` / ``cn-services``: China's 综合评分法. 政府采购货物和服务招标投标管理办法
  (财政部令第87号) art. 55 sets the floor of the price weight (goods ≥ 30 %, services ≥ 10 %)
  and requires the 低价优先法 price score (lowest valid price / this price). The ceilings
  (goods ≤ 60 %, services ≤ 30 %) are those of the former 财政部令第18号 art. 52, which many
  buyers still apply; we keep them so that a rubric cannot drift into a price-only award.
- ``uk-mat``: Procurement Act 2023 "most advantageous tender" with PPN 002's minimum 10 %
  weight for social value (criteria in the group ``social_value``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from procurement.i18n import N_
from procurement.rubric.model import Rubric

Finding = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class PriceWeightBounds:
    low: float
    high: float
    price_formula: str = "lowest_ratio"


_PRICE_BOUNDS = {
    "cn-goods": PriceWeightBounds(0.30, 0.60),
    "cn-services": PriceWeightBounds(0.10, 0.30),
}
_SOCIAL_VALUE_GROUP = "social_value"
_SOCIAL_VALUE_MIN = 0.10
# Weights are compared after normalisation; allow for the float error of summing shares.
_EPS = 1e-9


def check_rubric(rubric: Rubric) -> list[Finding]:
    """Return the profile rules ``rubric`` breaks, as (message id, parameters) pairs."""
    if rubric.profile in _PRICE_BOUNDS:
        return _check_price_weight(rubric, _PRICE_BOUNDS[rubric.profile])
    if rubric.profile == "uk-mat":
        return _check_social_value(rubric)
    return []


def check_price_formula(rubric: Rubric, price_formula: str) -> list[Finding]:
    """Return a finding when the profile prescribes another price formula."""
    bounds = _PRICE_BOUNDS.get(rubric.profile or "")
    if bounds is None or price_formula == bounds.price_formula:
        return []
    return [(N_("profile {profile} requires the price formula {required}, not {formula}"),
             {"profile": rubric.profile, "required": bounds.price_formula,
              "formula": price_formula})]


def _check_price_weight(rubric: Rubric, bounds: PriceWeightBounds) -> list[Finding]:
    cost = rubric.cost
    if cost is None or cost.basis != "price":
        return [(N_("profile {profile} needs a cost criterion on the basis of price"),
                 {"profile": rubric.profile})]
    share = rubric.weights()[cost.id]
    if bounds.low - _EPS <= share <= bounds.high + _EPS:
        return []
    return [(N_("profile {profile} allows a price weight of {low}–{high} %, "
                "this rubric gives {share} %"),
             {"profile": rubric.profile, "low": _pct(bounds.low), "high": _pct(bounds.high),
              "share": _pct(share)})]


def _check_social_value(rubric: Rubric) -> list[Finding]:
    weights = rubric.weights()
    share = sum(weights[c.id] for c in rubric.weighted if c.group == _SOCIAL_VALUE_GROUP)
    if share >= _SOCIAL_VALUE_MIN - _EPS:
        return []
    return [(N_("profile uk-mat needs at least {minimum} % weight on social value, "
                "this rubric gives {share} %"),
             {"minimum": _pct(_SOCIAL_VALUE_MIN), "share": _pct(share)})]


def _pct(share: float) -> str:
    return f"{share * 100:.4g}"
