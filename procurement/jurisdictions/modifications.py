"""How far a contract may be modified before the change needs a new procedure or a notice,
by the law the procurement follows. Each jurisdiction's module states its limits
(``base.Limits``: shares of the contract's original value, each with the rule that sets it);
``check`` is one pure function of the original value, the changes already made and the one
proposed. The limits:

- EU, Directive 2014/24/EU art. 72(2): a change below 10 % of the initial value (goods and
  services) or 15 % (works) needs no new procedure, judged on the net cumulative value of
  successive changes; art. 72(1)(b)–(c): a price increase of more than 50 % of the original
  value is never permitted without one.
- UK, Procurement Act 2023 s.74 and Sch. 8: a below-threshold modification adds less than
  10 % (goods, services) or 15 % (works) of the contract's value; Sch. 8 paras. 4–5 (additional
  or unforeseeable): at most 50 %; other modifications need a contract change notice (s.75).
- China, Government Procurement Law art. 49: all supplementary contracts together at most
  10 % of the original contract amount.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from procurement.i18n import N_
from procurement.jurisdictions.base import Limits, Rule
from procurement.vocabulary import ContractKind


@dataclass(frozen=True)
class Finding:
    """A limit a proposed change passes: a message id and its parameters, and the rule."""

    msgid: str
    rule: Rule
    params: dict[str, str] = field(default_factory=dict)


def check(limits: Limits, kind: ContractKind, original: float, previous: list[float],
          change: float) -> list[Finding]:
    """What a change of ``change`` (positive: adds to the value) to a contract of ``original``
    value, after the ``previous`` changes, needs: nothing, or the limits it passes."""
    if original <= 0:
        return []
    findings = []
    after = sum(previous) + change
    if limits.per_change is not None and limits.per_change_rule is not None:
        limit = limits.per_change[kind]
        judged = after if limits.cumulative else change
        if abs(judged) / original >= limit:
            msgid = (N_("the changes so far, this one with them, come to {share} of the original "
                        "value: not below the {limit} a contract of this kind may change by "
                        "without a new procedure or a notice")
                     if limits.cumulative and previous else
                     N_("the change is {share} of the original value: not below the {limit} a "
                        "contract of this kind may change by without a new procedure or a "
                        "notice"))
            findings.append(Finding(msgid, limits.per_change_rule,
                                    {"share": _percent(abs(judged) / original),
                                     "limit": _percent(limit)}))
    if limits.total is not None and limits.total_rule is not None and \
            after / original > limits.total:
        findings.append(Finding(
            N_("the changes together add {share} of the original value, more than the "
               "{limit} the law allows without a new procedure"), limits.total_rule,
            {"share": _percent(after / original), "limit": _percent(limits.total)}))
    return findings


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"

