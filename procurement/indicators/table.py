"""The indicators as CSV (``procure indicators --csv``, the City indicators page's download):
one row overall and one per group, the columns the JSON's fields. UTF-8 with a byte-order mark
and CRLF line ends, as the published pipeline.csv, so that Excel reads Chinese names."""

from __future__ import annotations

import csv
import io
from typing import Any

from procurement.indicators.names import INDICATORS

COLUMNS = ("grouping", "key", *(key for key, _label, _kind in INDICATORS), "suppliers")
OVERALL = "overall"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def indicator_rows(result: dict[str, Any]) -> list[list[str]]:
    """The header, the overall row and, with a grouping, a row per group."""
    rows = [list(COLUMNS)]
    groups = [(OVERALL, "", result["overall"])]
    groups += [(result["by"], str(g["key"]), g) for g in result.get("groups", [])]
    for grouping, key, figures in groups:
        rows.append([grouping, key, *(_cell(figures.get(c)) for c in COLUMNS[2:])])
    return rows


def indicators_csv(result: dict[str, Any]) -> str:
    """The CSV text (with its byte-order mark)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(indicator_rows(result))
    return "\ufeff" + out.getvalue()
