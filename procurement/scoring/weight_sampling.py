"""How robust is the winner? Weight sampling, exact tipping points and rank reversal.

All three work on the normalised matrix of the qualified bids (rows) and the weighted
criteria (columns), with weights that sum to 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from procurement.scoring.ranks import TIE_DECIMALS, competition_rank

FloatArray = NDArray[np.float64]
# Differences of weighted totals (fractions; totals are 100× these) below this are ties, as
# in ranks.py.
_TIE = 10.0 ** -(TIE_DECIMALS + 2)


@dataclass(frozen=True)
class Sampling:
    win_probability: FloatArray  # per bid: share of draws in which it ranks first
    percentiles: FloatArray  # per bid: 5th, 50th and 95th percentile rank


@dataclass(frozen=True)
class Tipping:
    criterion: int
    tipping_weight: float | None
    new_winner: int | None


def dirichlet_weights(weights: FloatArray, samples: int, seed: int,
                      concentration: float) -> FloatArray:
    """Draw ``samples`` weight vectors from a Dirichlet with mean ``weights``.

    ``concentration`` is the sum of the Dirichlet parameters: 100 gives a weight of 0.20 a
    standard deviation of 0.04. Criteria that weigh nothing stay at 0.
    """
    draws = np.zeros((samples, len(weights)))
    positive = weights > 0
    rng = np.random.default_rng(seed)
    draws[:, positive] = rng.dirichlet(concentration * weights[positive], size=samples)
    return draws


def sample_ranks(matrix: FloatArray, weight_samples: FloatArray) -> Sampling:
    """Rank the bids under every sampled weight vector at once (one matrix product)."""
    totals = 100.0 * (weight_samples @ matrix.T)  # samples × bids: each sample one row
    ranks = competition_rank(totals, axis=1)
    win = (ranks == 1).mean(axis=0)
    return Sampling(win, rank_percentiles(ranks, (5, 50, 95)))


def rank_percentiles(ranks: NDArray[np.int64], percents: tuple[int, ...]) -> FloatArray:
    """Per bid (column), the given percentiles of its rank over the samples (rows), as
    ``numpy.percentile(..., method="inverted_cdf")``: the smallest rank reached in at least
    that share of samples. Ranks are small integers, so one histogram per bid gives them all."""
    samples, bids = ranks.shape
    flat = (np.arange(bids)[None, :] * (bids + 1) + ranks).ravel()
    cumulative = np.cumsum(np.bincount(flat, minlength=bids * (bids + 1)).reshape(bids, bids + 1),
                           axis=1)
    needed = np.ceil(np.array(percents) / 100 * samples)
    return np.stack([(cumulative >= max(n, 1)).argmax(axis=1) for n in needed],
                    axis=1).astype(np.float64)


def tipping_points(matrix: FloatArray, weights: FloatArray, winner: int) -> list[Tipping]:
    """For each criterion, the weight nearest its own at which another bid overtakes ``winner``.

    Moving weight i to t and rescaling the others by ``(1 − t)/(1 − wᵢ)`` makes every total
    linear in t: ``T_b(t) = t·s_bi + (1 − t)·R_b`` with ``R_b`` the rescaled rest. So each
    rival's lead over the winner is a line, its zero is exact, and the nearest zero beyond
    which the rival leads is the tipping point. ``None`` when no t in [0, 1] changes the winner.
    """
    found = []
    for i, w in enumerate(weights):
        if w >= 1.0:
            found.append(Tipping(i, None, None))
            continue
        rest = (matrix @ weights - w * matrix[:, i]) / (1.0 - w)
        at_zero = rest - rest[winner]  # each bid's lead over the winner at t = 0
        at_one = matrix[:, i] - matrix[winner, i]  # … and at t = 1
        slope = at_one - at_zero
        best: tuple[float, float, int, float] | None = None  # distance, -|slope|, bid, t
        for b in range(matrix.shape[0]):
            if b == winner or abs(slope[b]) <= _TIE:
                continue
            t = at_zero[b] / (at_zero[b] - at_one[b])
            # The rival leads beyond t: above it when the slope is positive (if it leads at
            # t = 1 at all), below it otherwise (if it leads at t = 0).
            if slope[b] > 0 and at_one[b] > _TIE:
                candidate = max(t, w)
            elif slope[b] < 0 and at_zero[b] > _TIE:
                candidate = min(t, w)
            else:
                continue
            key = (abs(candidate - w), -abs(slope[b]), b, float(candidate))
            if best is None or key < best:
                best = key
        found.append(Tipping(i, best[3], best[2]) if best else Tipping(i, None, None))
    return found


def rank_reversals(bids: list[int], ranks: NDArray[np.int64],
                   rerank: Callable[[list[int]], NDArray[np.int64] | None],
                   ) -> list[tuple[int, list[int], list[int]]]:
    """Drop each non-winning bid in turn; report the removals that reorder the others.

    ``bids`` are the qualified bids and ``ranks`` their competition ranks. ``rerank(kept)``
    ranks the ``kept`` bids anew, or returns ``None`` when removing a bid cannot change any
    other bid's score (so it cannot change their order either). Each reversal is reported
    as (removed bid, the others' order before, their order after).
    """
    reversals = []
    for position, removed in enumerate(bids):
        if ranks[position] == 1:
            continue
        keep = [p for p in range(len(bids)) if p != position]
        kept = [bids[p] for p in keep]
        after = rerank(kept)
        if after is None:
            continue
        before = competition_rank(-ranks[keep].astype(np.float64))
        if not np.array_equal(before, after):
            reversals.append((removed, _in_rank_order(kept, before), _in_rank_order(kept, after)))
    return reversals


def _in_rank_order(bids: list[int], ranks: NDArray[np.int64]) -> list[int]:
    return [bids[p] for p in np.argsort(ranks, kind="stable")]
