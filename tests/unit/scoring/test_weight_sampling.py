"""Weight sampling, exact tipping points and rank reversal."""

import numpy as np
import pytest
import skcriteria as skc
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from skcriteria.agg.simple import WeightedSumModel

from procurement.scoring.ranks import competition_rank, dense_to_competition
from procurement.scoring.weight_sampling import (
    dirichlet_weights,
    rank_reversals,
    sample_ranks,
    tipping_points,
)


def _winner_first(matrix, weights):
    order = np.argsort(-(matrix @ weights), kind="stable")
    return matrix[order]


def _totals(matrix, weights, i, t):
    w = weights * (1 - t) / (1 - weights[i])
    w[i] = t
    return matrix @ w


problems = st.integers(2, 6).flatmap(lambda n: st.integers(2, 5).flatmap(lambda k: st.tuples(
    arrays(np.float64, (n, k), elements=st.floats(0, 1).map(lambda v: round(v, 3))),
    arrays(np.float64, (k,), elements=st.floats(0.05, 1.0)),
)))


@settings(max_examples=150, deadline=None)
@given(problems)
def test_tipping_points_agree_with_a_brute_force_weight_sweep(problem):
    matrix, weights = problem
    weights = weights / weights.sum()
    matrix = _winner_first(matrix, weights)
    base = matrix @ weights
    assume(base[0] - np.max(base[1:]) > 1e-6)  # a clear winner; ties are tested separately
    grid = np.linspace(0, 1, 4001)
    step = grid[1] - grid[0]
    for tip in tipping_points(matrix, weights, winner=0):
        i = tip.criterion
        # The sweep: the first grid weight, walking away from w_i in either direction,
        # at which some bid's total exceeds the winner's.
        totals = np.array([_totals(matrix, weights, i, t) for t in grid])  # grid × bids
        overtaken = (totals[:, 1:].max(axis=1) - totals[:, 0]) > 1e-12
        distance = np.abs(grid - weights[i])
        if not overtaken.any():
            assert tip.tipping_weight is None and tip.new_winner is None
            continue
        # The nearest on either side: two can be as near (w_i = .5, tipping at 1/3 and 2/3).
        nearest = distance[overtaken].min()
        candidates = grid[overtaken][distance[overtaken] <= nearest + step]
        assert tip.tipping_weight is not None
        assert np.min(np.abs(candidates - tip.tipping_weight)) <= step + 1e-9
        # Exactness: just beyond the tipping weight, the named bid leads the winner.
        beyond = tip.tipping_weight + (1e-7 if tip.tipping_weight >= weights[i] else -1e-7)
        if 0 <= beyond <= 1:
            after = _totals(matrix, weights, i, beyond)
            assert after[tip.new_winner] > after[0]
            assert after[tip.new_winner] == pytest.approx(after.max())


def test_tipping_point_by_hand():
    # Two bids, two criteria, weights .6/.4. Bid 0: (1, 0) → 0.6; bid 1: (0.2, 1) → 0.52.
    # Moving w0 to t: bid 0 = t, bid 1 = 0.2t + (1 − t) → equal at t = 5/9.
    matrix = np.array([[1.0, 0.0], [0.2, 1.0]])
    tips = tipping_points(matrix, np.array([0.6, 0.4]), winner=0)
    assert tips[0].tipping_weight == pytest.approx(5 / 9)
    assert tips[0].new_winner == 1
    assert tips[1].tipping_weight == pytest.approx(1 - 5 / 9)


def test_no_weight_changes_a_dominant_winner():
    matrix = np.array([[1.0, 1.0], [0.5, 0.2]])
    assert all(t.tipping_weight is None for t in tipping_points(matrix, np.array([.5, .5]), 0))


def test_a_tie_for_first_tips_at_the_current_weight():
    matrix = np.array([[1.0, 0.0], [0.0, 1.0]])
    tips = tipping_points(matrix, np.array([0.5, 0.5]), winner=0)
    assert tips[0].tipping_weight == pytest.approx(0.5)
    assert tips[0].new_winner == 1


def test_sampling_is_reproducible_with_a_seed():
    weights = np.array([0.5, 0.3, 0.2])
    first = dirichlet_weights(weights, 500, seed=7, concentration=100)
    again = dirichlet_weights(weights, 500, seed=7, concentration=100)
    other = dirichlet_weights(weights, 500, seed=8, concentration=100)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)
    assert first.sum(axis=1) == pytest.approx(np.ones(500))
    assert first.mean(axis=0) == pytest.approx(weights, abs=0.01)


def test_a_zero_weight_stays_zero_in_every_draw():
    draws = dirichlet_weights(np.array([0.5, 0.0, 0.5]), 100, seed=1, concentration=50)
    assert not draws[:, 1].any()


def test_vectorised_sampling_gives_scikit_criteria_ranks_for_every_draw():
    rng = np.random.default_rng(3)
    matrix = rng.uniform(size=(8, 4))
    draws = dirichlet_weights(np.array([0.4, 0.3, 0.2, 0.1]), 200, seed=3, concentration=20)
    totals = 100 * matrix @ draws.T
    ours = competition_rank(totals, axis=0)
    sampling = sample_ranks(matrix, draws)
    for s in range(draws.shape[0]):
        dm = skc.mkdm(matrix, objectives=[max] * 4, weights=draws[s],
                      alternatives=[f"b{i}" for i in range(8)], criteria=list("abcd"))
        reference = dense_to_competition(np.asarray(WeightedSumModel().evaluate(dm).rank_))
        assert ours[:, s].tolist() == reference.tolist()
    assert sampling.win_probability == pytest.approx((ours == 1).mean(axis=1))
    assert sampling.win_probability.sum() == pytest.approx(1.0)
    assert (sampling.percentiles[:, 0] <= sampling.percentiles[:, 2]).all()


def test_rank_reversal_is_reported_with_the_orders_before_and_after():
    ranks = np.array([1, 2, 3])

    def rerank(kept):
        # Removing bid 7 swaps the other two; removing bid 9 changes nothing.
        return np.array([2, 1]) if kept == [5, 9] else None

    reversals = rank_reversals([5, 7, 9], ranks, rerank)
    assert reversals == [(7, [5, 9], [9, 5])]


@given(st.integers(1, 8), st.integers(1, 60), st.integers(0, 2**32 - 1))
def test_rank_percentiles_match_numpy(bids, samples, seed):
    from procurement.scoring.weight_sampling import rank_percentiles

    ranks = np.random.default_rng(seed).integers(1, bids + 1, size=(samples, bids))
    expected = np.percentile(ranks, [5, 50, 95], axis=0, method="inverted_cdf").T
    assert np.array_equal(rank_percentiles(ranks, (5, 50, 95)), expected)
