"""Validate an evaluator panel's long table: one row per bid, evaluator and criterion.

Columns: ``bid_id, evaluator, criterion, score, rationale``. Each score is on the scale of
its criterion; an empty rationale is allowed here but flagged by the engine, because a
score without a reason cannot be defended in an assessment summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.scoring.inputs import PanelScores
from procurement.tables.bids import ID_COLUMNS
from procurement.tables.read import Table, read_table
from procurement.tables.values import (
    cell_problem,
    numeric_column,
    optional_text_column,
    text_column,
)

if TYPE_CHECKING:

    from procurement.rubric.model import Rubric

PANEL_COLUMNS = ("bid_id", "evaluator", "criterion", "score", "rationale")


def read_panel(path: str | Path, rubric: Rubric, bid_ids: list[str]) -> PanelScores:
    """Read and validate a panel file against the rubric and the bids it scores."""
    return validate_panel(read_table(path, text_columns=ID_COLUMNS), rubric, bid_ids)


def validate_panel(table: Table, rubric: Rubric, bid_ids: list[str]) -> PanelScores:
    table.require(list(PANEL_COLUMNS), N_("the table has a header but no scores"))
    problems: list[Problem] = []
    bids, found = text_column(table, "bid_id")
    problems += found
    evaluators, found = text_column(table, "evaluator")
    problems += found
    criteria, found = text_column(table, "criterion")
    problems += found
    scores, found = numeric_column(table, "score")
    problems += found
    rationales = optional_text_column(table, "rationale")

    known_bids = set(bid_ids)
    scales = {c.id: c.scale for c in rubric.scale_criteria}
    seen: dict[tuple[str, str, str], int] = {}
    for i, (bid, evaluator, criterion) in enumerate(zip(bids, evaluators, criteria, strict=True)):
        if bid and bid not in known_bids:
            problems.append(cell_problem(table, i, "bid_id",
                                         N_("no bid {bid_id} in the bids table"), bid_id=bid))
        if criterion and criterion not in scales:
            problems.append(cell_problem(table, i, "criterion",
                                         N_("{criterion} is not a scored criterion of rubric {rubric}"),
                                         criterion=criterion, rubric=rubric.id))
        elif criterion and np.isfinite(scores[i]):
            scale = scales[criterion]
            assert scale is not None
            if not scale.min <= scores[i] <= scale.max:
                problems.append(cell_problem(table, i, "score",
                                             N_("{value} is outside the scale {low}–{high}"),
                                             value=f"{scores[i]:g}", low=f"{scale.min:g}",
                                             high=f"{scale.max:g}"))
        key = (bid, evaluator, criterion)
        if all(key) and key in seen:
            problems.append(cell_problem(
                table, i, "score",
                N_("{evaluator} already scored {criterion} of bid {bid_id} in row {first}"),
                evaluator=evaluator, criterion=criterion, bid_id=bid, first=seen[key]))
        elif all(key):
            seen[key] = table.row_number(i)
    if problems:
        problems.sort(key=lambda p: (p.row or 0))
        raise InputError(problems)
    return PanelScores(table.file, bids, evaluators, criteria, scores, rationales,
                       table.rows.tolist())
