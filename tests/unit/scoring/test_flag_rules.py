"""Red flags: abnormally low costs and identical prices."""

import numpy as np

from procurement.scoring.flag_rules import abnormally_low, identical_groups


def test_below_60_percent_of_the_mean_of_the_others():
    # 50 vs mean(100, 110, 120) = 110: 50 < 66 → flagged; the others are not.
    low = abnormally_low(np.array([50.0, 100.0, 110.0, 120.0]))
    assert low.below_mean.tolist() == [True, False, False, False]
    assert low.mean_of_others[0] == 110.0


def test_below_70_percent_of_the_next_lowest():
    # 65 vs next 100: 65 < 70 → flagged; 65 vs mean(100, 101, 102) → not below 60 %.
    low = abnormally_low(np.array([65.0, 100.0, 101.0, 102.0]))
    assert low.below_mean.tolist() == [False] * 4
    assert low.below_next.tolist() == [True, False, False, False]
    assert low.next_cost[0] == 100.0


def test_thresholds_are_settable_and_equal_costs_are_never_low_to_each_other():
    low = abnormally_low(np.array([65.0, 100.0]), mean_ratio=0.5, next_ratio=0.6)
    assert not (low.below_mean | low.below_next).any()
    same = abnormally_low(np.array([10.0, 10.0, 100.0]))
    assert same.below_next.tolist() == [False, False, False]


def test_one_bid_is_never_abnormal():
    low = abnormally_low(np.array([5.0]))
    assert not (low.below_mean | low.below_next).any()


def test_identical_prices_are_grouped_to_the_cent():
    groups = identical_groups(np.array([100.0, 99.999, 100.004, 7.0, 7.0, 8.0]))
    assert sorted(sorted(g.tolist()) for g in groups) == [[0, 1, 2], [3, 4]]
    assert identical_groups(np.array([1.0, 2.0])) == []
