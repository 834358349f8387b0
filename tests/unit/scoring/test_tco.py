"""Total cost of ownership including exit cost."""

import numpy as np
import pytest

from procurement.scoring.tco import annuity_factor, total_cost_of_ownership


def test_tco_discounts_each_year_and_the_exit_at_the_end_of_the_term():
    # capex 1,000,000; opex 200,000 a year for 3 years; exit 300,000; r = 3.5 %:
    # 193,236.71 + 186,702.13 + 180,388.53 opex and 270,582.84 exit, by hand.
    parts = total_cost_of_ownership(np.array([1_000_000.0]), np.array([200_000.0]),
                                    np.array([3.0]), np.array([300_000.0]), 0.035)
    opex = sum(200_000 / 1.035**t for t in (1, 2, 3))
    exit_pv = 300_000 / 1.035**3
    assert parts.opex_pv[0] == pytest.approx(opex)
    assert parts.exit_pv[0] == pytest.approx(exit_pv)
    assert parts.total[0] == pytest.approx(1_000_000 + opex + exit_pv)
    assert parts.total[0] == pytest.approx(1_830_910.21, abs=0.01)


def test_zero_discount_rate_sums_plainly():
    parts = total_cost_of_ownership(np.array([10.0]), np.array([5.0]), np.array([4.0]),
                                    np.array([2.0]), 0.0)
    assert parts.total[0] == 10 + 5 * 4 + 2


def test_annuity_factor_matches_the_sum_it_replaces():
    years = np.array([1.0, 5.0, 10.0])
    expected = [sum(1.07**-t for t in range(1, int(n) + 1)) for n in years]
    assert annuity_factor(0.07, years) == pytest.approx(expected)
