"""Validate a bids table against a rubric into arrays the scoring engine can use.

Columns: ``bid_id``, ``supplier``, optional ``sme``, one per scale criterion (unless an
evaluator panel supplies the scores), one per gate (yes/no), and the cost inputs: ``price``
or ``capex``, ``opex_per_year``, ``term_years``, ``exit_cost``. Other columns are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.scoring.inputs import TCO_COLUMNS, BidSet, CostInputs
from procurement.tables.read import Table, read_table
from procurement.tables.values import cell_problem, numeric_column, text_column, yes_no_column

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from procurement.rubric.model import Rubric

ID_COLUMNS = frozenset({"bid_id", "supplier", "evaluator", "criterion", "rationale"})


def read_bids(path: str | Path, rubric: Rubric, *, scores_from_panel: bool = False) -> BidSet:
    """Read and validate a bids file; raise :class:`InputError` listing every bad cell."""
    return validate_bids(read_table(path, text_columns=ID_COLUMNS), rubric,
                         scores_from_panel=scores_from_panel)


def validate_bids(table: Table, rubric: Rubric, *, scores_from_panel: bool = False) -> BidSet:
    required = ["bid_id", "supplier"]
    if not scores_from_panel:
        required += [c.id for c in rubric.scale_criteria]
    required += [g.id for g in rubric.gates]
    cost = rubric.cost
    if cost is not None:
        required += ["price"] if cost.basis == "price" else list(TCO_COLUMNS)
    table.require(required, N_("the table has a header but no bids"))

    problems: list[Problem] = []
    bid_ids, found = text_column(table, "bid_id")
    problems += found
    problems += _duplicate_ids(table, bid_ids)
    suppliers, found = text_column(table, "supplier")
    problems += found
    sme = np.zeros(len(bid_ids), dtype=bool)
    if "sme" in table.columns:
        sme, found = yes_no_column(table, "sme")
        problems += found

    scores: dict[str, NDArray[np.float64]] = {}
    if not scores_from_panel:
        for criterion in rubric.scale_criteria:
            assert criterion.scale is not None
            values, found = numeric_column(table, criterion.id)
            problems += found or _out_of_scale(table, criterion.id, values,
                                               criterion.scale.min, criterion.scale.max)
            scores[criterion.id] = values
    gates = {}
    for gate in rubric.gates:
        gates[gate.id], found = yes_no_column(table, gate.id)
        problems += found

    inputs = CostInputs()
    if cost is not None:
        inputs, found = _cost_inputs(table, cost.basis == "price")
        problems += found
    if problems:
        problems.sort(key=lambda p: (p.row or 0))
        raise InputError(problems)

    used = set(required) | {"sme"}
    extra = {name: column for name, column in table.columns.items() if name not in used}
    rows = table.rows.tolist()
    return BidSet(table.file, bid_ids, suppliers, sme, scores, gates, inputs, extra, rows)


def _duplicate_ids(table: Table, bid_ids: list[str]) -> list[Problem]:
    if len(set(bid_ids)) == len(bid_ids):
        return []  # the usual case, found without a row number per bid
    first_row: dict[str, int] = {}
    problems = []
    for position, bid_id in enumerate(bid_ids):
        if not bid_id:
            continue
        if bid_id in first_row:
            problems.append(cell_problem(table, position, "bid_id",
                                         N_("bid {bid_id} appears again (first in row {first})"),
                                         bid_id=bid_id, first=first_row[bid_id]))
        else:
            first_row[bid_id] = table.row_number(position)
    return problems


def _out_of_scale(table: Table, column: str, values: NDArray[np.float64], low: float,
                  high: float) -> list[Problem]:
    bad = np.flatnonzero((values < low) | (values > high))
    return [cell_problem(table, i, column, N_("{value} is outside the scale {low}–{high}"),
                         value=f"{values[i]:g}", low=f"{low:g}", high=f"{high:g}") for i in bad]


def _cost_inputs(table: Table, by_price: bool) -> tuple[CostInputs, list[Problem]]:
    problems: list[Problem] = []
    if by_price:
        price, found = numeric_column(table, "price")
        problems += found or _must_be(table, "price", price, positive=True)
        return CostInputs(price=price), problems
    columns = {}
    for name in TCO_COLUMNS:
        values, found = numeric_column(table, name)
        problems += found or _must_be(table, name, values, positive=name == "term_years")
        columns[name] = values
    term = columns["term_years"]
    fractional = np.flatnonzero(np.isfinite(term) & (term > 0) & (term != np.round(term)))
    problems += [cell_problem(table, i, "term_years",
                              N_("the term must be a whole number of years, not {value}"),
                              value=f"{term[i]:g}") for i in fractional]
    if not problems:
        zero = np.flatnonzero(columns["capex"] + columns["opex_per_year"] + columns["exit_cost"] <= 0)
        problems += [cell_problem(table, i, "capex",
                                  N_("the total cost of ownership is zero; a bid must cost something"))
                     for i in zero]
    return CostInputs(**columns), problems


def _must_be(table: Table, column: str, values: NDArray[np.float64], *,
             positive: bool) -> list[Problem]:
    if positive:
        bad = np.flatnonzero(values <= 0)
        rule = N_("must be greater than 0, not {value}")
    else:
        bad = np.flatnonzero(values < 0)
        rule = N_("must not be negative ({value})")
    return [cell_problem(table, i, column, rule, value=f"{values[i]:g}") for i in bad]
