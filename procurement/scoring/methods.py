"""Aggregation methods over the normalised matrix (bids × criteria, all maximised).

``wsm`` is computed here (it is one matrix product, which the sensitivity analysis needs
thousands of times); the other methods are scikit-criteria's own, run on the same matrix
with the same weights, so their order and ties are exactly scikit-criteria's.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from procurement.scoring.ranks import TIE_DECIMALS, competition_rank, dense_to_competition

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class MethodResult:
    totals: FloatArray  # 0–100, higher is better
    ranks: NDArray[np.int64]  # competition ranks


def weighted_sum(matrix: FloatArray, weights: FloatArray) -> FloatArray:
    """Return ``100 × Σ wᵢ·sᵢ`` per bid (rows); ``weights`` sum to 1."""
    return 100.0 * (matrix @ weights)


def run_method(method: str, matrix: FloatArray, weights: FloatArray,
               alternatives: Sequence[str], criteria: Sequence[str]) -> MethodResult:
    """Rank the bids (rows of ``matrix``) with ``method``."""
    if method == "wsm":
        totals = weighted_sum(matrix, weights)
        return MethodResult(totals, competition_rank(totals))
    if len(alternatives) == 1 or not np.ptp(matrix, axis=0).any():
        # Distance-based methods are undefined when no bid differs from another (or there is
        # only one): every bid is first.
        n = len(alternatives)
        return MethodResult(np.full(n, 100.0), np.ones(n, dtype=np.int64))
    return _run_skcriteria(method, matrix, weights, alternatives, criteria)


def _run_skcriteria(method: str, matrix: FloatArray, weights: FloatArray,
                    alternatives: Sequence[str], criteria: Sequence[str]) -> MethodResult:
    import skcriteria as skc  # 1.7 s to import: only when a method needs it

    dm = skc.mkdm(matrix, objectives=[max] * matrix.shape[1], weights=weights,
                  alternatives=list(alternatives), criteria=list(criteria))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "topsis":
            from skcriteria.agg.topsis import TOPSIS

            result = TOPSIS().evaluate(dm)
            totals = 100.0 * np.nan_to_num(result.e_.similarity, nan=0.0)
        elif method == "vikor":
            from skcriteria.agg.vikor import VIKOR

            result = VIKOR().evaluate(dm)
            totals = 100.0 * (1.0 - np.nan_to_num(result.e_.q_k, nan=1.0))
        else:
            raise ValueError(f"unknown method {method!r}")
    totals = np.asarray(totals, dtype=np.float64)
    return MethodResult(totals, _merge_noise_ties(dense_to_competition(result.rank_), totals))


def _merge_noise_ties(ranks: NDArray[np.int64], totals: FloatArray) -> NDArray[np.int64]:
    """Keep scikit-criteria's order, but tie neighbours whose scores differ only by float
    noise (it ranks raw floats; two identical bids can come out one ulp apart)."""
    order = np.argsort(ranks, kind="stable")
    merged = ranks.copy()
    for previous, current in itertools.pairwise(order):
        if round(totals[previous] - totals[current], TIE_DECIMALS) == 0:
            merged[current] = merged[previous]
    return merged
