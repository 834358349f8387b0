"""Validate a table of reasons released to bidders: one row per bid and criterion.

Columns: ``bid_id, criterion, reason_en, reason_zh`` — at least one of the two reasons in
every row (a letter in a language without its reason names the gap). Each bid and criterion
once; the bid and the criterion must be the procurement's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.tables.bids import ID_COLUMNS
from procurement.tables.read import Table, read_table
from procurement.tables.values import cell_problem, optional_text_column, text_column

REASON_COLUMNS = ("bid_id", "criterion", "reason_en", "reason_zh")


@dataclass(frozen=True)
class ReleasedRow:
    bid_ref: str
    criterion: str
    en: str | None
    zh: str | None


def read_reasons(path: str | Path, criteria: set[str], bid_refs: set[str]) -> list[ReleasedRow]:
    return validate_reasons(read_table(path, text_columns=ID_COLUMNS), criteria, bid_refs)


def validate_reasons(table: Table, criteria: set[str], bid_refs: set[str]) -> list[ReleasedRow]:
    table.require(list(REASON_COLUMNS), N_("the table has a header but no reasons"))
    problems: list[Problem] = []
    bids, found = text_column(table, "bid_id")
    problems += found
    names, found = text_column(table, "criterion")
    problems += found
    english = optional_text_column(table, "reason_en")
    chinese = optional_text_column(table, "reason_zh")
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for i, (bid, criterion, en, zh) in enumerate(zip(bids, names, english, chinese, strict=True)):
        if bid and bid not in bid_refs:
            problems.append(cell_problem(table, i, "bid_id",
                                         N_("no bid {bid_id} in this procurement"), bid_id=bid))
        if criterion and criterion not in criteria:
            problems.append(cell_problem(table, i, "criterion",
                                         N_("{criterion} is not a scored criterion"),
                                         criterion=criterion))
        if not en and not zh:
            problems.append(cell_problem(table, i, "reason_en",
                                         N_("give the reason in English, in Chinese or in both")))
        key = (bid, criterion)
        if all(key) and key in seen:
            problems.append(cell_problem(table, i, "criterion",
                                         N_("bid {bid_id} and {criterion} are already in row "
                                            "{first}"), bid_id=bid, criterion=criterion,
                                         first=seen[key]))
        elif all(key):
            seen[key] = table.row_number(i)
        rows.append(ReleasedRow(bid, criterion, en or None, zh or None))
    if problems:
        problems.sort(key=lambda p: (p.row or 0))
        raise InputError(problems)
    return rows
