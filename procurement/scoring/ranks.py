"""Competition ranking ("1, 1, 3"): tied bids share a rank and the next rank is skipped.

Totals are compared after rounding to ``TIE_DECIMALS`` places, so two bids whose totals
differ only by floating-point noise are tied, as a person checking the sums would see them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

TIE_DECIMALS = 9


def competition_rank(values: NDArray[np.float64], *, axis: int = 0) -> NDArray[np.int64]:
    """Rank ``values`` along ``axis``, highest first; ties share the best rank of their group."""
    keys = np.round(np.asarray(values, dtype=np.float64), TIE_DECIMALS)
    np.negative(keys, out=keys)
    # Work along the last axis of a contiguous array: 10,000 weight samples of 200 bids rank
    # three times faster that way than along a strided first axis.
    keys = np.ascontiguousarray(np.moveaxis(keys, axis, -1))
    shape, n = keys.shape, keys.shape[-1]
    if n == 0:
        return np.zeros(values.shape, dtype=np.int64)
    flat = keys.reshape(-1, n)
    order = np.argsort(flat, axis=1)
    ordered = np.take_along_axis(flat, order, axis=1)
    rows = np.arange(flat.shape[0])[:, None]
    ranks = np.empty(flat.shape, dtype=np.int64)
    ranks[rows, order] = np.arange(1, n + 1)
    equal = ordered[:, 1:] == ordered[:, :-1]
    if equal.any():
        # Ties: every member of a group takes the group's first position (in any order).
        starts = np.ones(flat.shape, dtype=bool)
        starts[:, 1:] = ~equal
        ranks[rows, order] = np.maximum.accumulate(np.where(starts, np.arange(n), 0), axis=1) + 1
    return np.moveaxis(ranks.reshape(shape), -1, axis)


def dense_to_competition(dense: NDArray[np.int64]) -> NDArray[np.int64]:
    """Turn dense ranks (1, 1, 2) into competition ranks (1, 1, 3), keeping order and ties."""
    return competition_rank(-np.asarray(dense, dtype=np.float64))
