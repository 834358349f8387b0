"""Aggregation methods: our WSM, and scikit-criteria's TOPSIS and VIKOR through the adapter."""

import numpy as np
import pytest
import skcriteria as skc
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from skcriteria.agg.simple import WeightedSumModel
from skcriteria.agg.topsis import TOPSIS
from skcriteria.agg.vikor import VIKOR

from procurement.scoring.methods import run_method, weighted_sum
from procurement.scoring.ranks import dense_to_competition


def test_topsis_reproduces_hwang_and_yoon_fighter_aircraft_example():
    """Hwang & Yoon (1981), Multiple Attribute Decision Making, the fighter aircraft example.

    Four aircraft, six criteria (maximum speed, ferry range, payload, cost, reliability,
    manoeuvrability), weights .2 .1 .1 .1 .2 .3, cost to be minimised. Published closeness
    coefficients: A1 0.643, A2 0.268, A3 0.614, A4 0.312 — order A1 > A3 > A4 > A2.
    """
    x = np.array([[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5],
                  [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]])
    weights = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
    normalised = x / np.sqrt((x**2).sum(axis=0))
    # Our adapter maximises every column: reflect the cost column, which keeps every
    # distance to the ideal and anti-ideal points (they are shift and sign invariant).
    normalised[:, 3] = normalised[:, 3].max() - normalised[:, 3]
    result = run_method("topsis", normalised, weights, ["A1", "A2", "A3", "A4"], list("abcdef"))
    assert result.totals / 100 == pytest.approx([0.643, 0.268, 0.614, 0.312], abs=1e-3)
    assert result.ranks.tolist() == [1, 4, 2, 3]


def test_wsm_is_a_weighted_sum_out_of_100():
    matrix = np.array([[1.0, 0.0], [0.5, 0.5]])
    assert weighted_sum(matrix, np.array([0.7, 0.3])) == pytest.approx([70.0, 50.0])


matrices = st.integers(2, 8).flatmap(lambda n: st.integers(1, 5).flatmap(lambda k: st.tuples(
    arrays(np.float64, (n, k), elements=st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, 0.4, 0.9])),
    arrays(np.float64, (k,), elements=st.floats(0.05, 1.0)),
)))


def _skc_ranks(method, matrix, weights):
    dm = skc.mkdm(matrix, objectives=[max] * matrix.shape[1], weights=weights,
                  alternatives=[f"b{i}" for i in range(len(matrix))],
                  criteria=[f"c{j}" for j in range(matrix.shape[1])])
    return dense_to_competition(np.asarray(method.evaluate(dm).rank_))


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_wsm_totals_and_ranks_equal_scikit_criteria_weighted_sum(data):
    matrix, weights = data
    weights = weights / weights.sum()
    ours = run_method("wsm", matrix, weights, [f"b{i}" for i in range(len(matrix))],
                      [f"c{j}" for j in range(matrix.shape[1])])
    dm = skc.mkdm(matrix, objectives=[max] * matrix.shape[1], weights=weights)
    reference = WeightedSumModel().evaluate(dm)
    assert ours.totals / 100 == pytest.approx(reference.e_.score, abs=1e-12)
    # scikit-criteria ranks raw floats, so two bids with equal scores can come out one
    # ulp apart and unequal; we call those a tie. Wherever no two totals are that close,
    # the ranks are identical.
    gaps = np.abs(np.subtract.outer(reference.e_.score, reference.e_.score))
    if (gaps[~np.eye(len(matrix), dtype=bool)] > 1e-9).all():
        assert ours.ranks.tolist() == dense_to_competition(np.asarray(reference.rank_)).tolist()


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=40, deadline=None)
@given(matrices, st.sampled_from(["topsis", "vikor"]))
def test_other_methods_give_exactly_scikit_criteria_order_and_ties(data, method):
    matrix, weights = data
    weights = weights / weights.sum()
    if not np.ptp(matrix, axis=0).any():
        return  # degenerate: every bid identical, covered below
    ours = run_method(method, matrix, weights, [f"b{i}" for i in range(len(matrix))],
                      [f"c{j}" for j in range(matrix.shape[1])])
    reference = TOPSIS() if method == "topsis" else VIKOR()
    expected = _skc_ranks(reference, matrix, weights)
    # Same order as scikit-criteria: whoever it puts ahead is never behind with us …
    ahead = np.less.outer(expected, expected)
    assert not (ahead & np.greater.outer(ours.ranks, ours.ranks)).any()
    # … and where no two scores are within float noise, exactly its ranks.
    gaps = np.abs(np.subtract.outer(ours.totals, ours.totals))
    if (gaps[~np.eye(len(matrix), dtype=bool)] > 1e-7).all():
        assert ours.ranks.tolist() == expected.tolist()


@pytest.mark.parametrize("method", ["topsis", "vikor"])
def test_identical_bids_or_a_single_bid_all_rank_first(method):
    same = np.array([[0.5, 0.5], [0.5, 0.5]])
    assert run_method(method, same, np.array([0.5, 0.5]), ["a", "b"], ["x", "y"]).ranks.tolist() \
        == [1, 1]
    one = run_method(method, np.array([[0.2, 0.9]]), np.array([0.5, 0.5]), ["a"], ["x", "y"])
    assert one.ranks.tolist() == [1]
