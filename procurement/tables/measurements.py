"""Validate a table of KPI measurements: one row per KPI and period.

Columns: ``kpi`` (the KPI's number in the contract), ``period`` (the month, ``2026-03``),
``value`` (a number, in the KPI's unit) and, optionally, ``evidence`` (how it was measured:
the report, the survey). Every bad cell is named with its row and column; a KPI and period
given twice is refused; a period outside the contract's term is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.tables.read import Table, read_table
from procurement.tables.values import cell_problem, numeric_column, optional_text_column, text_column

MEASUREMENT_COLUMNS = ("kpi", "period", "value")
TEXT_COLUMNS = frozenset({"kpi", "period", "evidence"})
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-01)?$")


@dataclass(frozen=True)
class Measured:
    kpi: int
    period: date  # the first day of the month
    value: float
    evidence: str


def month(text: str) -> date | None:
    """``2026-03`` (or ``2026-03-01``) as the first day of that month, else None."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        return None
    return date(int(found.group(1)), int(found.group(2)), 1)


Rule = tuple[str, dict[str, object]]  # a message id and its parameters


def unknown_kpi(value: str, number: int | None, kpis: set[int]) -> Rule | None:
    """Why ``value`` (read as ``number``) is not one of the contract's KPIs, or None."""
    if number is not None and number in kpis:
        return None
    return (N_("{value} is not a KPI of this contract (its KPIs are {kpis})"),
            {"value": value, "kpis": ", ".join(map(str, sorted(kpis)))})


def outside_term(value: str, period: date, first: date, last: date) -> Rule | None:
    """Why the month ``period`` cannot be measured in a term from ``first`` to ``last``."""
    if first <= period <= last:
        return None
    return (N_("{value} is outside the contract's term ({first} to {last})"),
            {"value": value, "first": first.isoformat()[:7], "last": last.isoformat()[:7]})


def read_measurements(path: str | Path, kpis: set[int], first: date, last: date
                      ) -> list[Measured]:
    return validate_measurements(read_table(path, text_columns=TEXT_COLUMNS), kpis, first, last)


def validate_measurements(table: Table, kpis: set[int], first: date, last: date
                          ) -> list[Measured]:
    table.require(list(MEASUREMENT_COLUMNS), N_("the table has a header but no measurements"))
    problems: list[Problem] = []
    numbers, found = text_column(table, "kpi")
    problems += found
    periods, found = text_column(table, "period")
    problems += found
    values, found = numeric_column(table, "value")
    problems += found
    evidence = optional_text_column(table, "evidence") if "evidence" in table.columns \
        else [""] * len(table)
    seen: dict[tuple[int, date], int] = {}
    rows = []
    for i, (number_text, period_text) in enumerate(zip(numbers, periods, strict=True)):
        number = int(number_text) if number_text.isdigit() else None
        if number_text and (broken := unknown_kpi(number_text, number, kpis)):
            problems.append(cell_problem(table, i, "kpi", broken[0], **broken[1]))
        period = month(period_text) if period_text else None
        if period_text and period is None:
            problems.append(cell_problem(table, i, "period", N_(
                "{value} is not a month (write it 2026-03)"), value=period_text))
        elif period is not None and (broken := outside_term(period_text, period, first, last)):
            problems.append(cell_problem(table, i, "period", broken[0], **broken[1]))
        if number is not None and period is not None:
            key = (number, period)
            if key in seen:
                problems.append(cell_problem(table, i, "period", N_(
                    "KPI {kpi} already has a measurement for {period} in row {first}"),
                    kpi=number, period=period.isoformat()[:7], first=seen[key]))
            else:
                seen[key] = table.row_number(i)
            if np.isfinite(values[i]):
                rows.append(Measured(number, period, float(values[i]), evidence[i]))
    if problems:
        problems.sort(key=lambda p: (p.row or 0))
        raise InputError(problems)
    return rows
