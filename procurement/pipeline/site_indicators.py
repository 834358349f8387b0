"""The published site's indicators: ``indicators.html`` (the figures overall, per buyer, per
CPV division and per year, each indicator with its definition in one line and the source of
that definition; then the portfolio's ISO 37106 Table 3 maturity per year, when the figures
have it), and the same numbers as ``indicators.json`` and ``indicators.csv`` (the indicators'
table; the maturity is in the JSON).

The figures are given, computed by the caller from the city's award releases
(:func:`procurement.services.indicators.every_grouping`); this module only draws and writes
them. Every value is escaped (Jinja's autoescape): a buyer named ``<script>`` is shown as
text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from procurement.design.maturity import maturity_table
from procurement.i18n import N_, tr
from procurement.indicators import table
from procurement.indicators.names import DEFINITIONS, GROUPS, INDICATORS, NONE_KEY, shown
from procurement.pipeline import cpv
from procurement.pipeline.site import Frame, template
from procurement.pipeline.site_labels import both_html

PAGE, JSON, CSV = "indicators.html", "indicators.json", "indicators.csv"

_LABELS = {
    "intro": N_("How open the city's procurement is to competition, and who wins it: single "
                "bids, the number of bidders, the share of SMEs, the concentration of "
                "suppliers and the awards made on price alone."),
    "computed": N_("Computed from the city's award releases, as published in "
                   "release-package.json: each awarded procurement is one procedure."),
    "overall_caption": N_("Every awarded procurement of the city"),
    "indicator": N_("Indicator"),
    "overall": N_("Overall"),
    "definition": N_("What it measures"),
    "new_suppliers": N_("New suppliers by year"),
    "dash": N_("A dash (–) means there is nothing to count."),
    "csv": N_("Indicators (CSV)"),
    "json": N_("Indicators (JSON)"),
    "no_awards": N_("No award yet: the indicators are computed from the awarded procurements."),
    "not_stated": N_("not stated"),
    "maturity": N_("Table 3 maturity of the city's designs"),
    "maturity_intro": N_("Per year, the city's procurement designs reviewed that year against "
                         "ISO 37106 Table 3, each by its latest review: how many of them rate "
                         "each row of the table smart (2 / 3: two of the year's three designs)."),
}
_CAPTIONS = {"buyer": N_("Per buyer"), "cpv": N_("Per CPV division"), "year": N_("Per year")}


@cache
def _labels() -> dict[str, Markup]:
    return {key: both_html(msgid) for key, msgid in _LABELS.items()}


def two_lines(msgid: str) -> Markup:
    """A sentence in English, then in Chinese on a line of its own (marked as Chinese)."""
    return _lines(tr(msgid, "en"), tr(msgid, "zh"))


def _lines(english: str, chinese: str) -> Markup:
    if english == chinese:
        return escape(english)
    return Markup('{}<br><span lang="zh-CN">{}</span>').format(english, chinese)


def _key(by: str, key: str) -> Markup:
    """A group's name as the page shows it: a CPV division with its label."""
    if key == NONE_KEY:
        return _labels()["not_stated"]
    division = f"{key}000000"
    if by == "cpv" and division in cpv.labels():
        return Markup('{} <span class="muted">{}</span>').format(key, cpv.label(division))
    return escape(key)


def _values(figures: Mapping[str, Any]) -> list[str]:
    return [shown(figures.get(key), kind, "en") for key, _, kind in INDICATORS]


def page(figures: Mapping[str, Any], frame: Frame) -> str:
    """``indicators.html`` of ``figures`` (:func:`procurement.indicators.table.every_grouping`)."""
    overall = figures[table.OVERALL]
    names = {key: both_html(label) for key, label, _ in INDICATORS}
    overall_rows = [{"name": names[key], "value": value,
                     "definition": two_lines(DEFINITIONS[key][0]),
                     "source": DEFINITIONS[key][1][0], "url": DEFINITIONS[key][1][1]}
                    for (key, _, _), value in zip(INDICATORS, _values(overall), strict=True)]
    groupings = [{"id": f"by-{by}", "caption": both_html(_CAPTIONS[by]),
                  "heading": two_lines(GROUPS[by]),
                  "rows": [{"key": _key(by, str(group["key"])), "values": _values(group)}
                           for group in groups]}
                 for by, groups in table.groupings(figures).items() if groups]
    new = overall.get("new_suppliers_by_year") or {}
    return template(PAGE).render(
        I=_labels(), awarded=bool(overall.get("procedures")), overall=overall_rows,
        headings=[two_lines(label) for _, label, _ in INDICATORS], groupings=groupings,
        maturity=_maturity(figures.get("maturity")),
        new_suppliers=", ".join(f"{year}: {count}" for year, count in new.items()),
        csv_name=CSV, json_name=JSON, **frame.context(""))


def _maturity(view: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The maturity table, each Table 3 row named in both languages; none without reviews."""
    if not view or not view["periods"]:
        return None
    headers, english = maturity_table(dict(view), "en")
    _, chinese = maturity_table(dict(view), "zh")
    return {"id": "maturity", "caption": _labels()["maturity"],
            "heading": two_lines(N_("Table 3 row")), "periods": headers[1:],
            "rows": [{"key": _lines(en[0], zh[0]), "values": en[1:]}
                     for en, zh in zip(english, chinese, strict=True)]}


def write(folder: Path, figures: Mapping[str, Any], frame: Frame) -> None:
    """The page and the two data files, into the publication's ``folder``."""
    (folder / PAGE).write_text(page(figures, frame), encoding="utf-8")
    (folder / JSON).write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")
    (folder / CSV).write_bytes(table.csv_text(figures).encode("utf-8"))
