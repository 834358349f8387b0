"""Altair charts of a contract's performance: each KPI's measurements over the periods, with
its target as a rule, every point's rating in words in its tooltip and as its shape (never by
colour alone), one small chart per KPI with its own scale; and each benefit planned against
realised (a dashed plan, a solid line measured)."""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from procurement import labels
from procurement.contracts.benefits import Benefit
from procurement.domain.views import BenefitView
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


def benefit_chart(found: list[BenefitView], start: date, lang: Lang) -> Any:
    """Each benefit's plan — a straight line from the baseline at the contract's start to the
    target on its due date — and what was measured, a small chart per benefit."""
    plan_label, real_label = tr("Planned", lang), tr("Realised", lang)
    rows: list[dict[str, Any]] = []
    for benefit in found:
        terms = Benefit.model_validate(benefit.terms)
        name = f"{benefit.number}. {terms.description}"
        for day, value in ((start, terms.baseline), (terms.due, terms.target)):
            rows.append({"benefit": name, "day": day.isoformat(), "value": value,
                         "series": plan_label})
        for measured in benefit.measurements:
            rows.append({"benefit": name, "day": measured.measured_on.isoformat(),
                         "value": measured.value, "series": real_label})
    points = pd.DataFrame(rows)
    series = alt.StrokeDash("series:N", title=None,
                            scale=alt.Scale(domain=[plan_label, real_label],
                                            range=[[5, 4], [1, 0]]),
                            legend=alt.Legend(orient="bottom"))
    base = alt.Chart(points).encode(
        x=alt.X("day:T", title=tr("Date", lang)),
        y=alt.Y("value:Q", title=tr("Measured value", lang), scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("day:T", title=tr("Date", lang)),
                 alt.Tooltip("value:Q", title=tr("Measured value", lang))])
    lines = base.mark_line(color="#1F3864").encode(strokeDash=series)
    marks = base.mark_point(filled=True, size=50, color="#1F3864").encode(
        shape=alt.Shape("series:N", legend=None,
                        scale=alt.Scale(domain=[plan_label, real_label],
                                        range=["square", "circle"])))
    return (alt.layer(lines, marks, data=points)
            .properties(width=270, height=150)
            .facet(facet=alt.Facet("benefit:N", title=None, header=alt.Header(labelLimit=0)),
                   columns=2)
            .resolve_scale(y="independent"))
