"""Red flags an evaluation must explain before an award: abnormally low costs, identical
prices, ties and a single bid (Directive 2014/24/EU art. 69; OCP Cardinal R018, R028)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class LowCost:
    below_mean: NDArray[np.bool_]  # cost < mean_ratio × mean of the other bids' costs
    below_next: NDArray[np.bool_]  # cost < next_ratio × the next cost up among the others
    mean_of_others: NDArray[np.float64]
    next_cost: NDArray[np.float64]  # inf for the most expensive bid


def abnormally_low(cost: NDArray[np.float64], *, mean_ratio: float = 0.60,
                   next_ratio: float = 0.70) -> LowCost:
    """Compare each cost with the mean of the others and with the next cost up.

    ProZorro's trigger (40 % below the mean, 30 % below the next bid) is the default.
    With fewer than two bids there is nothing to compare with and nothing is flagged.
    """
    n = len(cost)
    if n < 2:
        none = np.zeros(n, dtype=bool)
        return LowCost(none, none, np.full(n, np.nan), np.full(n, np.inf))
    mean_of_others = (cost.sum() - cost) / (n - 1)
    below_mean = cost < mean_ratio * mean_of_others
    # The next cost is the smallest cost of another bid that is not below this one; a bid
    # whose cost another bid shares has a "next" cost equal to its own and is never flagged.
    ordered = np.sort(cost)
    left = np.searchsorted(ordered, cost, side="left")
    right = np.searchsorted(ordered, cost, side="right")
    shared = right - left > 1
    has_next = shared | (right < n)
    next_cost = np.where(shared, cost, np.where(has_next, ordered[np.minimum(right, n - 1)], np.inf))
    below_next = has_next & (cost < next_ratio * next_cost)
    return LowCost(below_mean, below_next, mean_of_others, next_cost)


def identical_groups(values: NDArray[np.float64]) -> list[NDArray[np.intp]]:
    """Return the groups of positions whose values are identical to the cent."""
    _, inverse, counts = np.unique(np.round(values, 2), return_inverse=True, return_counts=True)
    shared = np.flatnonzero(counts > 1)
    if not len(shared):
        return []
    order = np.argsort(inverse, kind="stable")
    starts = np.concatenate([[0], np.cumsum(counts)])
    return [order[starts[g]:starts[g + 1]] for g in shared]
