"""Price formulas, each against a worked example from its source."""

import numpy as np
import pytest

from procurement.scoring.price import benchmark, linear, lowest_ratio


def test_lowest_ratio_reproduces_the_87_order_price_score_example():
    """财政部令第87号 art. 55 低价优先法: 价格分 = (评标基准价 / 投标报价) × 价格权值 × 100.

    Worked example: price weight 30 %, valid prices 100, 110 and 120 (10k CNY); the
    评标基准价 is the lowest, 100, so the price scores are 30, 27.27 and 25.
    """
    prices = np.array([100.0, 110.0, 120.0])
    points = lowest_ratio(prices, prices) * 0.30 * 100
    assert points == pytest.approx([30.0, 27.2727, 25.0], abs=1e-4)


def test_lowest_ratio_is_relative_to_the_pool_and_clipped():
    # A disqualified bid cheaper than every qualified one still scores at most 1.
    pool = np.array([100.0, 200.0])
    assert lowest_ratio(np.array([50.0, 100.0, 200.0]), pool) == pytest.approx([1.0, 1.0, 0.5])


def test_linear_interpolates_between_cheapest_and_dearest():
    """Mercell/Negometrix "weighted score": WP · (Pmax − Pi) / (Pmax − Pmin)."""
    prices = np.array([100.0, 150.0, 200.0])
    assert linear(prices, prices) == pytest.approx([1.0, 0.5, 0.0])


def test_linear_gives_everyone_full_marks_when_all_costs_are_equal():
    prices = np.array([100.0, 100.0])
    assert linear(prices, prices) == pytest.approx([1.0, 1.0])


def test_benchmark_caps_at_one_and_ignores_the_other_bids():
    """UK Cabinet Office Bid Evaluation Guidance Note (2021), benchmark price scoring."""
    prices = np.array([80.0, 100.0, 125.0])
    assert benchmark(prices, prices, 100.0) == pytest.approx([1.0, 1.0, 0.8])
    assert benchmark(prices[2:], prices[2:], 100.0) == pytest.approx([0.8])


def test_benchmark_without_a_benchmark_is_refused():
    with pytest.raises(ValueError):
        benchmark(np.array([1.0]), np.array([1.0]), None)
