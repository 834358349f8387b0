"""A contract KPI's rating and service credits: the contract performance notice's ratings
(Procurement Regulations 2024 reg. 39: Good, Approaching target, Requires improvement,
Inadequate) by the contract's bands, and the clause pack's credits, capped per month."""

import pytest
from pydantic import ValidationError

from procurement.contracts.credits import kpi_credit_percent, period_credits
from procurement.contracts.kpis import ContractKpi, CreditRule, from_commitment, rate, shortfall
from procurement.domain.terms import Kpi
from procurement.vocabulary import Direction, Rating

AVAILABILITY = ContractKpi(measure="Platform availability (%)", unit="%", baseline=99.0,
                           target=99.5, direction=Direction.HIGHER,
                           credit=CreditRule(percent_per_point=2.0, cap_percent=5.0))
SEARCH = ContractKpi(measure="Average search time for a bay (min)", unit="min", baseline=11.5,
                     target=8.0, direction=Direction.LOWER,
                     credit=CreditRule(percent_per_point=1.0, cap_percent=4.0))


@pytest.mark.parametrize(("kpi", "value", "expected"), [
    (AVAILABILITY, 99.7, Rating.GOOD),          # above target
    (AVAILABILITY, 99.5, Rating.GOOD),          # on target
    # 99.5 × (1 − 5 %) = 94.525: within 5 % of the target
    (AVAILABILITY, 95.0, Rating.APPROACHING_TARGET),
    (AVAILABILITY, 90.0, Rating.REQUIRES_IMPROVEMENT),  # 9.5 short = 9.5 %
    (AVAILABILITY, 80.0, Rating.INADEQUATE),    # 19.6 %
    (SEARCH, 7.5, Rating.GOOD),                 # lower is better
    (SEARCH, 8.4, Rating.APPROACHING_TARGET),   # 0.4 over 8 = 5 %: still approaching
    (SEARCH, 9.0, Rating.REQUIRES_IMPROVEMENT),  # 12.5 %
    (SEARCH, 9.3, Rating.INADEQUATE),           # 16.25 %
])
def test_the_rating_follows_the_shortfall(kpi, value, expected):
    assert rate(kpi, value) == expected


def test_bands_are_the_contracts_own():
    strict = AVAILABILITY.model_copy(update={"approaching": 0.001, "requires_improvement": 0.002})
    assert rate(strict, 99.45) == Rating.APPROACHING_TARGET
    assert rate(strict, 99.0) == Rating.INADEQUATE
    with pytest.raises(ValidationError, match="narrower"):
        ContractKpi(measure="m", target=1, direction="higher", approaching=0.2,
                    requires_improvement=0.1)


def test_service_credits_per_point_capped_per_kpi_and_per_month():
    # 99.0 is 0.5 points short: 2 % × 0.5 = 1 % of the month's charge.
    assert kpi_credit_percent(AVAILABILITY, 99.0) == pytest.approx(1.0)
    assert kpi_credit_percent(AVAILABILITY, 90.0) == 5.0  # 19 % capped at the KPI's 5 %
    assert shortfall(SEARCH, 10.0) == 2.0
    month = period_credits([(AVAILABILITY, 99.0), (SEARCH, 10.0)], charge=137_500, cap_percent=10)
    # 1 % + 2 % of 137,500 = 1,375 + 2,750
    assert [round(c.amount) for c in month.credits] == [1375, 2750]
    assert month.total == pytest.approx(4125) and not month.capped
    capped = period_credits([(AVAILABILITY, 90.0), (SEARCH, 12.0)], charge=100_000, cap_percent=8)
    # 5 % + 4 % = 9 %, above the contract's 8 % cap for a month
    assert capped.total == pytest.approx(8000) and capped.capped
    assert period_credits([(AVAILABILITY, 99.9)], charge=1000, cap_percent=10).credits == ()


def test_a_bids_commitment_becomes_a_contract_kpi():
    kpi = from_commitment(Kpi(measure="Average search time for a bay (min)", baseline="11.5",
                              target="8"))
    assert (kpi.unit, kpi.baseline, kpi.target, kpi.direction) == ("min", 11.5, 8.0,
                                                                   Direction.LOWER)
    assert from_commitment(Kpi(measure="Bus on-time arrival (%)", baseline="78",
                               target="88%")).direction == Direction.HIGHER
    with pytest.raises(ValueError, match="not a number"):
        from_commitment(Kpi(measure="Resident satisfaction", target="high"))
