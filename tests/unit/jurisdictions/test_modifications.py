"""How far a contract may be modified, by the law the procurement follows, with worked
examples on a contract of 10,000,000."""

import pytest

from procurement import jurisdictions
from procurement.jurisdictions.modifications import check
from procurement.vocabulary import ContractKind

ORIGINAL = 10_000_000


def _limits(code):
    return jurisdictions.get(code).modifications


@pytest.mark.parametrize(("code", "kind", "previous", "change", "sources"), [
    # Directive 2014/24/EU art. 72(2): 9 % alone is de minimis, but judged on the net
    # cumulative value: 6 % after 4 % reaches 10 %.
    ("eu", ContractKind.SERVICES, [], 900_000, []),
    ("eu", ContractKind.SERVICES, [400_000], 600_000, ["Directive 2014/24/EU art. 72(2)"]),
    ("eu", ContractKind.WORKS, [], 1_400_000, []),  # works: 15 %
    ("eu", ContractKind.WORKS, [], 1_500_000, ["Directive 2014/24/EU art. 72(2)"]),
    # Procurement Act 2023 s.74: each change below 10 % / 15 %; Sch. 8: 50 % in total.
    ("uk", ContractKind.GOODS, [900_000], 900_000, []),
    ("uk", ContractKind.GOODS, [], 1_000_000, ["Procurement Act 2023 ss.74–75"]),
    ("uk", ContractKind.SERVICES, [4_000_000], 1_200_000,
     ["Procurement Act 2023 ss.74–75", "Procurement Act 2023 Sch. 8 paras. 4–5"]),
    # Government Procurement Law art. 49: supplementary contracts 10 % in total.
    ("cn", ContractKind.SERVICES, [600_000], 400_000, []),
    ("cn", ContractKind.SERVICES, [600_000], 500_000, ["Government Procurement Law art. 49"]),
    # No particular law: the toolkit's defaults.
    ("generic", ContractKind.SERVICES, [], 1_000_000,
     ["the toolkit's default, after Directive 2014/24/EU art. 72"]),
])
def test_the_limits_a_change_passes(code, kind, previous, change, sources):
    found = check(_limits(code), kind, ORIGINAL, previous, change)
    assert [f.rule.source for f in found] == sources


def test_the_finding_says_how_far():
    (finding,) = check(_limits("cn"), ContractKind.GOODS, ORIGINAL, [800_000], 300_000)
    assert finding.params == {"share": "11.0 %", "limit": "10.0 %"}
    assert check(_limits("uk"), ContractKind.GOODS, 0, [], 5) == []  # no value, no share
