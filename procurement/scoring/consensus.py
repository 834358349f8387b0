"""Reduce an evaluator panel's scores to one score per bid and criterion, with spread flags.

The panel score of a cell is the median of its evaluators' scores (or the mean), unless the
lead has moderated it to a consensus score. The spread is the range of the evaluators'
scores over the width of the scale: above 20 % the cell needs review, above 50 % the
evaluators disagree (Cotiss's green/orange/red bands).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.rubric.model import Rubric
from procurement.scoring.inputs import PanelScores
from procurement.scoring.result import PanelCell
from procurement.vocabulary import SpreadLevel


@dataclass(frozen=True)
class PanelResult:
    scores: dict[str, NDArray[np.float64]]  # consolidated raw score per criterion, bid order
    cells: list[PanelCell]


def consolidate(panel: PanelScores, rubric: Rubric, bid_ids: list[str], *,
                aggregation: str = "median", review: float = 0.20, disagreement: float = 0.50,
                moderated: Mapping[tuple[str, str], float] | None = None,
                assigned: Mapping[str, set[str]] | None = None) -> PanelResult:
    """Return one raw score per bid and scale criterion and the panel's view of every cell.

    ``assigned`` maps a criterion to the evaluators expected to score it (default: every
    evaluator in the table); only they can be missing from a cell.
    """
    criteria = rubric.scale_criteria
    evaluators = sorted(set(panel.evaluators))
    bid_pos = {b: i for i, b in enumerate(bid_ids)}
    crit_pos = {c.id: j for j, c in enumerate(criteria)}
    eval_pos = {e: k for k, e in enumerate(evaluators)}
    cube = np.full((len(bid_ids), len(criteria), len(evaluators)), np.nan)
    no_reason = np.zeros(cube.shape, dtype=bool)
    for bid, evaluator, criterion_id, score, rationale in zip(
            panel.bid_ids, panel.evaluators, panel.criteria, panel.scores, panel.rationales,
            strict=True):
        index = bid_pos[bid], crit_pos[criterion_id], eval_pos[evaluator]
        cube[index] = score
        no_reason[index] = not rationale

    scored = ~np.isnan(cube)
    unscored = np.argwhere(~scored.any(axis=2))
    if len(unscored):
        raise InputError([
            Problem(panel.source, N_("no evaluator scored {criterion} of bid {bid_id}"),
                    params={"criterion": criteria[j].id, "bid_id": bid_ids[i]})
            for i, j in unscored])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        center = np.nanmedian(cube, axis=2) if aggregation == "median" else np.nanmean(cube, axis=2)
        spread_abs = np.nanmax(cube, axis=2) - np.nanmin(cube, axis=2)
    widths = np.array([c.scale.width for c in criteria if c.scale is not None])
    spread = spread_abs / widths
    source = np.full(center.shape, aggregation, dtype=object)
    for (bid, criterion_id), value in (moderated or {}).items():
        if bid in bid_pos and criterion_id in crit_pos:
            center[bid_pos[bid], crit_pos[criterion_id]] = value
            source[bid_pos[bid], crit_pos[criterion_id]] = "moderated"

    cells = []
    for i, bid in enumerate(bid_ids):
        for j, criterion in enumerate(criteria):
            row = cube[i, j]
            # model_construct: 2,400 cells for a big panel; every value is computed here.
            cells.append(PanelCell.model_construct(
                bid_id=bid, criterion=criterion.id,
                scores={e: (None if np.isnan(row[k]) else float(row[k]))
                        for k, e in enumerate(evaluators)},
                consensus=float(center[i, j]), consensus_source=source[i, j],
                spread=float(spread[i, j]),
                level=spread_level(float(spread[i, j]), review, disagreement),
                missing=[e for k, e in enumerate(evaluators) if not scored[i, j, k]
                         and (assigned is None or e in assigned.get(criterion.id, ()))],
                empty_rationale=[e for k, e in enumerate(evaluators)
                                 if scored[i, j, k] and no_reason[i, j, k]],
            ))
    return PanelResult({c.id: center[:, j] for j, c in enumerate(criteria)}, cells)


def spread_level(spread: float, review: float, disagreement: float) -> SpreadLevel:
    if spread > disagreement:
        return SpreadLevel.DISAGREEMENT
    if spread > review:
        return SpreadLevel.REVIEW
    return SpreadLevel.OK
