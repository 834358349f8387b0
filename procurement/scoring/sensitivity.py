"""The sensitivity analysis of an evaluation: how robust is the winner? (The weight draws,
tipping points and rank reversals are computed by :mod:`procurement.scoring.weight_sampling`;
the engine attaches the result.)"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from procurement.i18n import N_
from procurement.scoring.methods import run_method
from procurement.scoring.price import score_costs
from procurement.scoring.result import (
    Note,
    PercentileRanks,
    RankReversal,
    Sensitivity,
    TippingPoint,
)
from procurement.scoring.scorecard import Scorecard
from procurement.scoring.weight_sampling import (
    dirichlet_weights,
    rank_reversals,
    sample_ranks,
    tipping_points,
)

# Above this many qualified bids, rank reversal under a scikit-criteria method (one call per
# removed bid) would take minutes; the check is skipped with a warning.
MAX_BIDS_FOR_REVERSAL_CHECK = 300
# Below this share of weight draws won, the winner is reported as fragile.
FRAGILE_WIN_PROBABILITY = 0.5


def analyse(card: Scorecard) -> tuple[Sensitivity, list[Note]]:
    """Win probabilities, tipping points (wsm) and rank reversals for ``card``, with the
    warnings they call for."""
    warnings: list[Note] = []
    options = card.options
    ids = card.bids.bid_ids
    rows = [int(i) for i in card.order if card.qualified[i]]
    ranks = card.ranks[rows]
    if options.method != "wsm" and len(rows) > MAX_BIDS_FOR_REVERSAL_CHECK:
        reversals = []
        warnings.append(Note.make(
            "reversal_check_skipped",
            N_("the rank reversal check was skipped: more than {limit} qualified bids"),
            limit=MAX_BIDS_FOR_REVERSAL_CHECK))
    else:
        reversals = rank_reversals(rows, ranks, lambda kept: _rerank(card, rows, kept))
    win: dict[str, float] = {}
    percentiles: dict[str, PercentileRanks] = {}
    tips: list[TippingPoint] = []
    samples = 0
    if options.method == "wsm":
        samples = options.sensitivity_samples
        matrix = card.matrix[rows]
        draws = dirichlet_weights(card.weights, samples, options.seed, options.concentration)
        sampling = sample_ranks(matrix, draws)
        for position, i in enumerate(rows):
            win[ids[i]] = float(sampling.win_probability[position])
            p5, p50, p95 = (float(v) for v in sampling.percentiles[position])
            percentiles[ids[i]] = PercentileRanks(p5=p5, p50=p50, p95=p95)
        for tip in tipping_points(matrix, card.weights, winner=0):
            tips.append(TippingPoint(
                criterion=card.criteria[tip.criterion], weight=float(card.weights[tip.criterion]),
                tipping_weight=tip.tipping_weight,
                new_winner=None if tip.new_winner is None else ids[rows[tip.new_winner]]))
        warnings += _fragile(ids[rows[0]], win[ids[rows[0]]])
    else:
        warnings.append(Note.make(
            "sampling_wsm_only",
            N_("win probabilities and tipping points are computed for the wsm method only")))
    for removed, before, after in reversals:
        warnings.append(Note.make(
            "rank_reversal",
            N_("removing bid {removed} would change the order of the others "
               "({before} → {after})"),
            removed=ids[removed], before=" > ".join(ids[i] for i in before),
            after=" > ".join(ids[i] for i in after)))
    return Sensitivity(
        samples=samples, seed=options.seed, concentration=options.concentration,
        win_probability=win, percentile_ranks=percentiles, tipping_points=tips,
        rank_reversals=[RankReversal(removed=ids[r], order_before=[ids[i] for i in b],
                                     order_after=[ids[i] for i in a]) for r, b, a in reversals]
    ), warnings


def _fragile(winner: str, probability: float) -> list[Note]:
    if probability >= FRAGILE_WIN_PROBABILITY:
        return []
    return [Note.make("fragile_winner",
                      N_("bid {bid} ranks first in only {share} of the weight draws: "
                         "the result depends closely on the weights"),
                      bid=winner, share=f"{probability * 100:.1f} %")]


def _rerank(card: Scorecard, rows: list[int], kept: list[int]) -> NDArray[np.int64] | None:
    """Rank the ``kept`` bids as if the removed one had never bid."""
    options = card.options
    matrix = card.matrix[kept]
    cost_changed = False
    if card.evaluated_cost is not None and options.price_formula != "benchmark":
        before, after = card.evaluated_cost[rows], card.evaluated_cost[kept]
        cost_changed = after.min() != before.min() or (
            options.price_formula == "linear" and after.max() != before.max())
        if cost_changed:
            column = card.criteria.index(card.rubric.cost.id)  # type: ignore[union-attr]
            matrix = matrix.copy()
            matrix[:, column] = score_costs(options.price_formula, after, after,
                                            options.benchmark_price)
    # Under wsm a bid's total depends only on its own scores and the cost pool: if the pool's
    # reference costs are unchanged, no total moves and the order cannot change.
    if options.method == "wsm" and not cost_changed:
        return None
    ids = [card.bids.bid_ids[i] for i in kept]
    return run_method(options.method, matrix, card.weights, ids, card.criteria).ranks
