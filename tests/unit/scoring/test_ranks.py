"""Competition ranking."""

import numpy as np

from procurement.scoring.ranks import competition_rank, dense_to_competition


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    assert competition_rank(np.array([80.0, 90.0, 80.0, 70.0])).tolist() == [2, 1, 2, 4]
    assert competition_rank(np.array([5.0, 5.0, 3.0])).tolist() == [1, 1, 3]


def test_floating_point_noise_is_a_tie():
    a = 0.1 + 0.2  # 0.30000000000000004
    assert competition_rank(np.array([a * 100, 30.0])).tolist() == [1, 1]


def test_ranks_along_an_axis_match_ranking_each_column():
    rng = np.random.default_rng(1)
    values = rng.integers(0, 4, size=(6, 50)).astype(float)
    by_axis = competition_rank(values, axis=0)
    for column in range(values.shape[1]):
        assert by_axis[:, column].tolist() == competition_rank(values[:, column]).tolist()


def test_dense_ranks_become_competition_ranks():
    assert dense_to_competition(np.array([1, 1, 2, 3])).tolist() == [1, 1, 3, 4]
    assert dense_to_competition(np.array([2, 1, 2])).tolist() == [2, 1, 2]


def test_empty_input():
    assert competition_rank(np.array([])).tolist() == []
