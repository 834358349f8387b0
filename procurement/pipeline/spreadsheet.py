"""``pipeline.csv`` and the 采购意向 table as CSV: spreadsheet-safe text.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run
as a formula by Excel or LibreOffice (OWASP "CSV injection"); such text cells get a leading
apostrophe, which spreadsheets show as text. Files are UTF-8 with a byte-order mark so that
Excel reads Chinese correctly.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import IO, Any

from procurement.pipeline.entry import COLUMNS, PipelineEntry

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PIPELINE_COLUMNS = (*COLUMNS, "ocid", "notice_url")
INTENTION_COLUMNS = ("序号", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间", "备注")


def safe(value: Any) -> str:
    """The cell text of ``value``; text that a spreadsheet would run as a formula is defused."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    if value is None:
        return ""
    if type(value) is date:  # a day, YYYY-MM-DD, is never taken for a formula
        return date.isoformat(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value, "f")
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def writer(out: IO[str], header: tuple[str, ...]) -> Any:
    out.write("\ufeff")
    table = csv.writer(out, lineterminator="\r\n")
    table.writerow(header)
    return table


_VALUES = attrgetter(*COLUMNS)


def pipeline_row(entry: PipelineEntry, ocid: str, notice_url: str | None) -> list[str]:
    # Written 100,000 times: the common cells (text that needs nothing, no value, a day) are
    # made here, as safe() would make them, without a call for each.
    return [(value if not value.startswith(_FORMULA_START) else "'" + value)
            if (kind := type(value)) is str
            else "" if value is None
            else date.isoformat(value) if kind is date
            else safe(value)
            for value in (*_VALUES(entry), ocid, notice_url)]


def ten_thousands(value: Decimal | None) -> str:
    """预算金额 is stated in 万元 (10,000 yuan), to two decimals as the notices print it."""
    return "" if value is None else f"{value / 10000:.2f}"


def month(day: Any) -> str:
    """预计采购时间 is given to the month (财库〔2020〕10号 annex: 填写到月)."""
    return f"{day.year}年{day.month}月" if day else ""


def intention_period(first: date | None, last: date | None) -> str:
    """The months a 采购意向 covers, in the title's form (财库〔2020〕10号 annex: "××（单位名称）
    ××年×（至）×月政府采购意向"): 2027年3月, 2027年3（至）6月, 2027年11月（至）2028年2月."""
    if first is None or last is None:
        return ""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}年{first.month}月"
    if first.year == last.year:
        return f"{first.year}年{first.month}（至）{last.month}月"
    return f"{first.year}年{first.month}月（至）{last.year}年{last.month}月"
