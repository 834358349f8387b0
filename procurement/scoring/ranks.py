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
    keys = -np.round(np.asarray(values, dtype=np.float64), TIE_DECIMALS)
    keys = np.moveaxis(keys, axis, 0)
    n = keys.shape[0]
    if n == 0:
        return np.zeros(keys.shape, dtype=np.int64)
    order = np.argsort(keys, axis=0, kind="stable")
    ordered = np.take_along_axis(keys, order, axis=0)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    positions = np.arange(n).reshape((n,) + (1,) * (keys.ndim - 1))
    group_start = np.maximum.accumulate(np.where(starts, positions, 0), axis=0)
    ranks = np.empty(keys.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, group_start + 1, axis=0)
    return np.moveaxis(ranks, 0, axis)


def dense_to_competition(dense: NDArray[np.int64]) -> NDArray[np.int64]:
    """Turn dense ranks (1, 1, 2) into competition ranks (1, 1, 3), keeping order and ties."""
    return competition_rank(-np.asarray(dense, dtype=np.float64))
