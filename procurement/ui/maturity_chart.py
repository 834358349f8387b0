"""The portfolio's Table 3 maturity over time as an Altair chart: a cell per Table 3 row and
year of review, coloured by the share of that year's designs rating the row smart, with
"smart of designs" written in it (``procurement.design.maturity``)."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement.design.table3 import load_table3
from procurement.i18n import N_, Lang, tr


def maturity_frame(view: dict[str, Any], lang: Lang) -> pd.DataFrame:
    """One row per (Table 3 row, period): its name, the share smart and the cell's text."""
    table = load_table3()
    rows = [{"row": f"{r['row']}. {table.row(r['row']).name.get(lang)}",
             "period": p["period"], "share": r["smart"] / p["designs"],
             "text": f"{r['smart']} / {p['designs']}"}
            for p in view["periods"] for r in p["rows"]]
    return pd.DataFrame(rows, columns=["row", "period", "share", "text"])


def maturity_chart(view: dict[str, Any], lang: Lang) -> Any:
    """The heat map of the rows smart per year."""
    data = maturity_frame(view, lang)
    share = tr(N_("Designs rating the row smart"), lang)
    row, year = tr(N_("Table 3 row"), lang), tr(N_("Year reviewed"), lang)
    base = alt.Chart(data)
    cells = base.mark_rect().encode(
        x=alt.X("period:O", title=year, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=0)),
        color=alt.Color("share:Q", title=share, legend=alt.Legend(format="%"),
                        scale=alt.Scale(domain=[0, 1], scheme="greens")),
        tooltip=[alt.Tooltip("row:N", title=row), alt.Tooltip("period:O", title=year),
                 alt.Tooltip("text:N", title=share), alt.Tooltip("share:Q", title=share,
                                                                  format=".0%")])
    labels = base.mark_text().encode(
        x=alt.X("period:O"), y=alt.Y("row:N", sort=None), text="text:N",
        color=alt.condition(alt.datum.share > 0.6, alt.value("white"), alt.value("#222222")))
    return (cells + labels).properties(height=alt.Step(24))
