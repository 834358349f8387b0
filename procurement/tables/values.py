"""Turn a table's cells into numbers, yes/no answers and text, with a problem for each bad
cell. Columns are pyarrow arrays; the work is vectorised, cell by cell only for bad cells."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from procurement.errors import Problem
from procurement.i18n import N_
from procurement.tables import arrow

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from procurement.tables.read import Table

YES = frozenset({"yes", "y", "true", "1", "pass", "passed", "是", "通过", "合格", "有"})
NO = frozenset({"no", "n", "false", "0", "fail", "failed", "否", "不通过", "不合格", "无"})
_DECIMAL_COMMA = r"^(-?\d+),(\d+)$"


def numeric_column(table: Table, column: str) -> tuple[NDArray[np.float64], list[Problem]]:
    """Return ``column`` as floats; empty and non-numeric cells become problems (and NaN)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = table.column(column)
    if pa.types.is_integer(array.type) or pa.types.is_floating(array.type):
        values = arrow.floats(array)
    elif pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        text = pc.utf8_trim_whitespace(array)
        if table.delimiter == ";":
            # A ";"-delimited file comes from a locale that writes decimals as "12,5".
            text = pc.replace_substring_regex(text, _DECIMAL_COMMA, r"\1.\2")
        try:
            values = arrow.floats(pc.cast(text, pa.float64()))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            values = np.array([_to_float(v) for v in text.to_pylist()], dtype=np.float64)
    elif pa.types.is_null(array.type):
        values = np.full(len(array), np.nan)
    else:  # booleans and dates are not numbers
        values = np.full(len(array), np.inf)
    if np.isfinite(values).all():
        return values, []
    problems = []
    for i in np.flatnonzero(~np.isfinite(values)):
        original = array[int(i)].as_py()
        if original is None or (isinstance(original, str) and not original.strip()):
            problems.append(cell_problem(table, i, column, N_("the value is empty")))
        else:
            problems.append(cell_problem(table, i, column, N_("'{value}' is not a number"),
                                         value=_shown(original)))
    return values, problems


def yes_no_column(table: Table, column: str) -> tuple[NDArray[np.bool_], list[Problem]]:
    """Return ``column`` as booleans from yes/no words in English or Chinese."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = table.column(column)
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        words = pc.utf8_lower(pc.utf8_trim_whitespace(array))
    else:  # true/false, 1/0 or 1.0/0.0 read as booleans or numbers
        words = arrow.from_strings([None if v is None else _shown(v).lower()
                                    for v in array.to_pylist()])
    # Judge each distinct word once, then every row by its word's index.
    index, distinct = arrow.codes(words)
    verdict = np.array([1 if w in YES else 0 if w in NO else -1 for w in distinct] + [-1])
    answers = verdict[index]  # index -1 (an empty cell) takes the final -1
    yes = answers == 1
    problems = []
    for i in np.flatnonzero(answers == -1):
        word = distinct[index[i]] if index[i] >= 0 else ""
        if not word:
            problems.append(cell_problem(table, i, column, N_("the value is empty (use yes or no)")))
        else:
            problems.append(cell_problem(table, i, column, N_("'{value}' is not a yes/no answer"),
                                         value=_shown(array[int(i)].as_py())))
    return yes, problems


def text_column(table: Table, column: str) -> tuple[list[str], list[Problem]]:
    """Return ``column`` as stripped text; empty cells become problems."""
    values = optional_text_column(table, column)
    problems = [cell_problem(table, i, column, N_("the value is empty"))
                for i, v in enumerate(values) if not v]
    return values, problems


def optional_text_column(table: Table, column: str) -> list[str]:
    """Return ``column`` as stripped text, empty cells as ""."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = table.column(column)
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        array = arrow.from_strings([None if v is None else _shown(v) for v in array.to_pylist()])
    return [v or "" for v in pc.utf8_trim_whitespace(array).to_pylist()]


def cell_problem(table: Table, position: int | np.integer[Any], column: str, rule: str,
                 **params: object) -> Problem:
    return Problem(table.file, rule, row=table.row_number(position), column=column,
                   params=dict(params))


def _to_float(text: str | None) -> float:
    if text is None:
        return np.nan
    try:
        value = float(text)
    except ValueError:
        return np.inf  # not a number: reported with the original text
    return value if np.isfinite(value) else np.inf


def _shown(value: object) -> str:
    # A whole number read as 1.0 is shown as the user typed it: 1.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
