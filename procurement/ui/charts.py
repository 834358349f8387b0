"""Altair charts of an evaluation. Each chart also carries its numbers as text or tooltips,
so that nothing is shown by colour alone."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement import labels
from procurement.rubric import Rubric
from procurement.scoring.result import Evaluation, PanelCell
from procurement.ui.context import lang, t


def contributions(evaluation: Evaluation, rubric: Rubric) -> Any:
    """Each ranked bid's total as the weighted contribution of each criterion."""
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    rows = [{"bid": f"{b.rank}. {b.bid_id}", "criterion": names[c],
             "points": round(100 * evaluation.weights[c] * s, 2)}
            for b in evaluation.ranking if b.status == "ranked" for c, s in b.scores.items()]
    order = [f"{b.rank}. {b.bid_id}" for b in evaluation.ranking if b.status == "ranked"]
    return alt.Chart(pd.DataFrame(rows), title=t("Weighted contributions to each total")).mark_bar(
    ).encode(
        y=alt.Y("bid:N", sort=order, title=t("Bid")),
        x=alt.X("sum(points):Q", title=t("Points out of 100")),
        color=alt.Color("criterion:N", title=t("Criterion")),
        tooltip=[alt.Tooltip("bid:N", title=t("Bid")), alt.Tooltip("criterion:N", title=t("Criterion")),
                 alt.Tooltip("points:Q", title=t("Points"))],
    )


def tco_breakdown(evaluation: Evaluation) -> Any:
    """Capital cost, operating cost and exit cost (present values) per bid."""
    parts = {"capex": t("Capital cost"), "opex_pv": t("Operating cost (present value)"),
             "exit_pv": t("Exit cost (present value)")}
    rows = [{"bid": b.bid_id, "part": label, "amount": round(getattr(b.tco, part), 2)}
            for b in evaluation.ranking if b.tco is not None for part, label in parts.items()]
    if not rows:
        return None
    return alt.Chart(pd.DataFrame(rows), title=t("Total cost of ownership, including exit")
                     ).mark_bar().encode(
        y=alt.Y("bid:N", sort=[b.bid_id for b in evaluation.ranking], title=t("Bid")),
        x=alt.X("sum(amount):Q", title=t("Amount")),
        color=alt.Color("part:N", title=t("Part"), sort=list(parts.values())),
        tooltip=[alt.Tooltip("part:N", title=t("Part")),
                 alt.Tooltip("amount:Q", title=t("Amount"), format=",.2f")],
    )


def win_probability(evaluation: Evaluation) -> Any:
    sensitivity = evaluation.sensitivity
    if sensitivity is None or not sensitivity.win_probability:
        return None
    rows = [{"bid": bid, "share": p} for bid, p in sensitivity.win_probability.items()]
    base = alt.Chart(pd.DataFrame(rows), title=t("Share of weight draws in which each bid wins"))
    bars = base.mark_bar().encode(
        y=alt.Y("bid:N", sort="-x", title=t("Bid")),
        x=alt.X("share:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]),
                title=t("Win probability")))
    labels = base.mark_text(align="left", dx=3).encode(
        y=alt.Y("bid:N", sort="-x"), x="share:Q", text=alt.Text("share:Q", format=".1%"))
    return bars + labels


def spread_heatmap(cells: list[PanelCell], rubric: Rubric) -> Any:
    """How far the evaluators' scores spread, per bid and criterion, with the spread written
    in each cell and the level (review, disagreement) named."""
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    levels = {code: t(name) for code, name in labels.LEVELS.items()}
    rows: list[dict[str, Any]] = [
        {"bid": c.bid_id, "criterion": names[c.criterion], "spread": c.spread,
         "label": f"{c.spread * 100:.0f}%" + (" ✓" if c.consensus_source == "moderated" else ""),
         "level": levels[c.level]} for c in cells]
    base = alt.Chart(pd.DataFrame(rows), title=t("Spread of the evaluators' scores"))
    heat = base.mark_rect().encode(
        x=alt.X("criterion:N", title=t("Criterion")), y=alt.Y("bid:N", title=t("Bid")),
        color=alt.Color("spread:Q", scale=alt.Scale(scheme="orangered", domain=[0, 1]),
                        title=t("Spread")),
        tooltip=[alt.Tooltip("bid:N", title=t("Bid")), alt.Tooltip("criterion:N", title=t("Criterion")),
                 alt.Tooltip("level:N", title=t("Level")),
                 alt.Tooltip("spread:Q", title=t("Spread"), format=".0%")])
    text = base.mark_text().encode(x="criterion:N", y="bid:N", text="label:N")
    return heat + text
