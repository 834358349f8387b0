"""Score bids against a rubric: where the published scoring semantics come together.

Steps (docs/methodology.md states them for bidders): raw scores (the bids table's, or the
panel's consolidated ones) → gates and thresholds → evaluated cost (price or TCO, less the
SME deduction) → the normalised matrix → the method's totals and competition ranks →
flags → sensitivity. Everything here is arrays; the result models are built at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.rubric import profiles
from procurement.rubric.model import Rubric
from procurement.scoring.consensus import consolidate
from procurement.scoring.flags import flag_bids
from procurement.scoring.inputs import BidSet, PanelScores
from procurement.scoring.methods import run_method
from procurement.scoring.normalise import scale_score
from procurement.scoring.options import ScoringOptions
from procurement.scoring.price import score_costs
from procurement.scoring.result import Note
from procurement.scoring.scorecard import Scorecard
from procurement.scoring.sensitivity import analyse
from procurement.scoring.tco import TcoParts, total_cost_of_ownership

FloatArray = NDArray[np.float64]


def score_bids(rubric: Rubric, bids: BidSet, options: ScoringOptions, *,
               panel: PanelScores | None = None,
               moderated: Mapping[tuple[str, str], float] | None = None,
               assigned: Mapping[str, set[str]] | None = None) -> Scorecard:
    """Evaluate ``bids`` against ``rubric``; see the module docstring for the steps."""
    for msgid, params in profiles.check_price_formula(rubric, options.price_formula):
        raise ProcurementError(msgid, **params)
    n = len(bids)
    raw = dict(bids.scores)
    cells = None
    if panel is not None:
        consolidated = consolidate(panel, rubric, bids.bid_ids, aggregation=options.aggregation,
                                   review=options.spread_review,
                                   disagreement=options.spread_disagreement, moderated=moderated,
                                   assigned=assigned)
        raw.update(consolidated.scores)
        cells = consolidated.cells

    cost, tco = _cost(rubric, bids, options)
    evaluated = None if cost is None else cost * np.where(bids.sme, 1 - options.sme_deduction, 1)
    qualified, reasons = _qualify(rubric, bids, raw)

    criteria = [c.id for c in rubric.weighted]
    weight_map = rubric.weights()
    weights = np.array([weight_map[c] for c in criteria])
    matrix = np.empty((n, len(criteria)))
    for j, criterion in enumerate(rubric.weighted):
        if criterion.kind == "scale":
            assert criterion.scale is not None
            matrix[:, j] = scale_score(raw[criterion.id], criterion.scale.min, criterion.scale.max)
        else:
            assert evaluated is not None
            pool = evaluated[qualified] if qualified.any() else evaluated
            matrix[:, j] = score_costs(options.price_formula, evaluated, pool,
                                       options.benchmark_price)

    totals = np.full(n, np.nan)
    ranks = np.zeros(n, dtype=np.int64)
    rows = np.flatnonzero(qualified)
    if len(rows):
        result = run_method(options.method, matrix[rows], weights,
                            [bids.bid_ids[i] for i in rows], criteria)
        totals[rows], ranks[rows] = result.totals, result.ranks

    card = Scorecard(rubric, options, bids, criteria, weights, raw, matrix, cost, evaluated, tco,
                     qualified, totals, ranks, reasons=reasons, panel=cells)
    flagged = flag_bids(card)
    card = replace(card, flags=flagged.flags, warnings=flagged.warnings)
    if options.sensitivity_samples > 0 and len(rows):
        sensitivity, warnings = analyse(card)
        card = replace(card, sensitivity=sensitivity, warnings=[*card.warnings, *warnings])
    return card


def _cost(rubric: Rubric, bids: BidSet, options: ScoringOptions
          ) -> tuple[FloatArray | None, TcoParts | None]:
    criterion = rubric.cost
    if criterion is None:
        return None, None
    inputs = bids.cost
    if criterion.basis == "price":
        assert inputs.price is not None
        return inputs.price, None
    assert inputs.capex is not None and inputs.opex_per_year is not None
    assert inputs.term_years is not None and inputs.exit_cost is not None
    parts = total_cost_of_ownership(inputs.capex, inputs.opex_per_year, inputs.term_years,
                                    inputs.exit_cost, options.discount_rate)
    return parts.total, parts


def _qualify(rubric: Rubric, bids: BidSet, raw: dict[str, FloatArray]
             ) -> tuple[NDArray[np.bool_], dict[int, list[Note]]]:
    qualified = np.ones(len(bids), dtype=bool)
    reasons: dict[int, list[Note]] = {}
    for gate in rubric.gates:
        for i in np.flatnonzero(~bids.gates[gate.id]):
            reasons.setdefault(int(i), []).append(
                Note.make("gate_failed", N_("fails the pass/fail criterion {name}"),
                          criterion=gate.id, name=gate.name))
        qualified &= bids.gates[gate.id]
    for criterion in rubric.scale_criteria:
        if criterion.threshold is None:
            continue
        below = raw[criterion.id] < criterion.threshold
        for i in np.flatnonzero(below):
            reasons.setdefault(int(i), []).append(Note.make(
                "below_threshold", N_("{name} scored {score}, below the minimum of {threshold}"),
                criterion=criterion.id, name=criterion.name, score=f"{raw[criterion.id][i]:g}",
                threshold=f"{criterion.threshold:g}"))
        qualified &= ~below
    return qualified, reasons
