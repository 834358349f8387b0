"""Price (cost) scoring formulas: evaluated cost → a score in [0, 1], higher is better.

Each formula is a pure function of one bid's evaluated costs and the costs it is compared
with (the bids that are not disqualified). Scores are clipped to [0, 1] so that a
disqualified bid, which is not in the comparison pool, still gets a score on the same scale.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from procurement.vocabulary import PriceFormula as PriceFormulaCode

FloatArray = NDArray[np.float64]
PriceFormula = Callable[[FloatArray, FloatArray, float | None], FloatArray]


def lowest_ratio(cost: FloatArray, pool: FloatArray, benchmark: float | None = None) -> FloatArray:
    """Lowest cost in the pool divided by this cost.

    China's 低价优先法 (财政部令第87号 art. 55: 价格分 = 评标基准价 / 投标报价 × 价格权值 × 100,
    the 评标基准价 being the lowest valid price) and the "relative price scoring" of the UK
    Cabinet Office Bid Evaluation Guidance Note (2021).
    """
    scores: FloatArray = np.clip(pool.min() / cost, 0.0, 1.0)
    return scores


def linear(cost: FloatArray, pool: FloatArray, benchmark: float | None = None) -> FloatArray:
    """``(max − cost) / (max − min)`` over the pool; all costs equal → 1 for every bid.

    The linear interpolation of Mercell/Negometrix's "weighted score" formula
    ``WP · (Pmax − Pi) / (Pmax − Pmin)``.
    """
    low, high = pool.min(), pool.max()
    if high == low:
        return np.where(cost <= high, 1.0, 0.0)
    scores: FloatArray = np.clip((high - cost) / (high - low), 0.0, 1.0)
    return scores


def benchmark(cost: FloatArray, pool: FloatArray, benchmark: float | None = None) -> FloatArray:
    """``min(1, benchmark / cost)``, the benchmark published in the tender documents.

    "Benchmark price scoring" of the UK Cabinet Office Bid Evaluation Guidance Note (2021):
    no bid's score depends on the other bids.
    """
    if benchmark is None or benchmark <= 0:
        raise ValueError("benchmark price scoring needs a benchmark price greater than 0")
    return np.minimum(1.0, benchmark / cost)


FORMULAS: dict[PriceFormulaCode, PriceFormula] = {
    PriceFormulaCode.LOWEST_RATIO: lowest_ratio,
    PriceFormulaCode.LINEAR: linear,
    PriceFormulaCode.BENCHMARK: benchmark,
}


def score_costs(formula: PriceFormulaCode, evaluated: FloatArray, pool: FloatArray,
                benchmark_price: float | None) -> FloatArray:
    """Score every evaluated cost against the costs of the ``pool`` of qualified bids."""
    return FORMULAS[formula](evaluated, pool, benchmark_price)
