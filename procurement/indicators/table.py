"""The indicators as a table: one row per (grouping, key), the overall figures first, for
``procure indicators --csv`` and the published site's ``indicators.csv``.

Columns: ``grouping`` (``overall``, ``buyer``, ``cpv``, ``year``), ``key`` (empty on the
overall row), then each figure under its JSON name, as the JSON gives it: rates 0-1, counts,
the HHI 0-10,000; an empty cell where the JSON has ``null``. ``new_suppliers_by_year``, a
year → count object, is in the JSON only. UTF-8 with a byte-order mark and CRLF line ends,
as ``pipeline.csv``; a key that a spreadsheet would run as a formula (a buyer's name
starting with ``=``) gets a leading apostrophe, as there (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from typing import Any

from procurement.indicators.names import GROUPS, INDICATORS

FIGURES = (*(key for key, _, _ in INDICATORS), "suppliers")
COLUMNS = ("grouping", "key", *FIGURES)
OVERALL = "overall"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def every_grouping(overall: Mapping[str, Any], groups: Mapping[str, list[dict[str, Any]]]
                   ) -> dict[str, Any]:
    """The published ``indicators.json``: ``{"overall": …, "by_buyer": […], "by_cpv": […],
    "by_year": […]}``, each list as ``procure indicators --by`` gives its ``groups``."""
    return {OVERALL: dict(overall), **{f"by_{by}": list(groups.get(by, [])) for by in GROUPS}}


def groupings(result: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The groups of ``result`` by grouping: one (``by``, ``groups``), as ``procure
    indicators --by`` gives it, or every one (``by_buyer``, …), as :func:`every_grouping`."""
    if "groups" in result:
        return {result["by"]: result["groups"]}
    return {by: result[f"by_{by}"] for by in GROUPS if f"by_{by}" in result}


def rows(result: Mapping[str, Any]) -> Iterator[list[str]]:
    """The table's rows, without its header: the overall row, then each group's."""
    yield [OVERALL, "", *_figures(result[OVERALL])]
    for by, groups in groupings(result).items():
        for group in groups:
            yield [by, _text(str(group["key"])), *_figures(group)]


def csv_text(result: Mapping[str, Any]) -> str:
    """The whole file, byte-order mark and header included."""
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel reads the file as UTF-8 (Chinese names above all)
    table = csv.writer(out, lineterminator="\r\n")
    table.writerow(COLUMNS)
    table.writerows(rows(result))
    return out.getvalue()


def _figures(values: Mapping[str, Any]) -> list[str]:
    return [_number(values.get(key)) for key in FIGURES]


def _number(value: Any) -> str:
    # As the JSON writes it (repr of a float, an int as it is), so the two files agree.
    return "" if value is None else repr(value)


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
