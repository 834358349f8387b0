"""Altair charts of a contract's performance: each KPI's measurements over the periods, with
its target as a rule, every point's rating in words in its tooltip and as its shape (never by
colour alone), one small chart per KPI with its own scale."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement import labels
from procurement.i18n import Lang, tr
from procurement.services.performance import Performance
from procurement.vocabulary import Rating

SHAPES = {Rating.GOOD: "circle", Rating.APPROACHING_TARGET: "diamond",
          Rating.REQUIRES_IMPROVEMENT: "triangle-down", Rating.INADEQUATE: "cross"}


def kpi_chart(found: Performance, lang: Lang) -> Any:
    """Every KPI's measurements and target, a small chart per KPI."""
    ratings = {r: tr(labels.RATINGS[r], lang) for r in Rating}
    measures = {n: f"{n}. {k.measure}" for n, k in found.kpis.items()}
    points = pd.DataFrame({
        "kpi": [measures[m.kpi] for m in found.measurements],
        "period": [m.period.isoformat()[:7] for m in found.measurements],
        "value": [m.value for m in found.measurements],
        "rating": [ratings[Rating(m.rating)] for m in found.measurements],
        "target": [found.kpis[m.kpi].target for m in found.measurements],
    })
    order = [ratings[r] for r in Rating]
    shape = alt.Shape("rating:N", title=tr("Rating", lang),
                      scale=alt.Scale(domain=order, range=[SHAPES[r] for r in Rating]),
                      legend=alt.Legend(orient="bottom", labelLimit=0))
    base = alt.Chart(points)
    line = base.mark_line(color="#4F81BD").encode(
        x=alt.X("period:O", title=tr("Period", lang)),
        y=alt.Y("value:Q", title=tr("Measured value", lang), scale=alt.Scale(zero=False)))
    marks = base.mark_point(filled=True, size=60, color="#1F3864").encode(
        x="period:O", y="value:Q", shape=shape,
        tooltip=[alt.Tooltip("period:O", title=tr("Period", lang)),
                 alt.Tooltip("value:Q", title=tr("Measured value", lang)),
                 alt.Tooltip("target:Q", title=tr("Target", lang)),
                 alt.Tooltip("rating:N", title=tr("Rating", lang))])
    target = base.mark_rule(strokeDash=[4, 3], color="#555555").encode(y="mean(target):Q")
    return (alt.layer(line, marks, target, data=points)
            .properties(width=320, height=140)
            .facet(facet=alt.Facet("kpi:N", title=None, header=alt.Header(labelLimit=0)),
                   columns=2)
            .resolve_scale(y="independent"))
