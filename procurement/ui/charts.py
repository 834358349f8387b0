"""Altair charts of an evaluation. Each chart also carries its numbers as text or tooltips,
so that nothing is shown by colour alone; every label is shown whole (no truncation), in the
reader's language, and a disqualified bid is named as such."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement import formats, labels
from procurement.rubric import Rubric
from procurement.scoring.result import Evaluation, PanelCell, RankedBid
from procurement.ui.context import lang, t

# Vega-Lite cuts labels at 180 px by default ("Interoperabi…"); a limit of 0 means never.


def _bid_label(bid: RankedBid) -> str:
    if bid.status == "ranked":
        return f"{bid.rank}. {bid.bid_id}"
    return f"{bid.bid_id} ({t('disqualified')})"


def _legend(count: int) -> alt.Legend:
    """A legend below the chart, in columns, showing every entry."""
    return alt.Legend(orient="bottom", direction="vertical", columns=min(2, max(1, count)),
                      labelLimit=0, symbolLimit=0, titleOrient="top")


def contributions(evaluation: Evaluation, rubric: Rubric) -> Any:
    """Each ranked bid's total as the weighted contribution of each criterion."""
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    ranked = [b for b in evaluation.ranking if b.status == "ranked"]
    position = {c: i for i, c in enumerate(evaluation.weights)}
    rows = [{"bid": _bid_label(b), "criterion": names[c], "position": position[c],
             "points": round(100 * evaluation.weights[c] * s, 2)}
            for b in ranked for c, s in b.scores.items()]
    order = [_bid_label(b) for b in ranked]
    criteria = [names[c] for c in evaluation.weights]
    return alt.Chart(pd.DataFrame(rows), title=t("Weighted contributions to each total")).mark_bar(
    ).encode(
        y=alt.Y("bid:N", sort=order, title=t("Bid"), axis=alt.Axis(labelLimit=0)),
        x=alt.X("sum(points):Q", title=t("Points out of 100")),
        color=alt.Color("criterion:N", title=t("Criterion"), sort=criteria,
                        scale=alt.Scale(domain=criteria), legend=_legend(len(criteria))),
        order=alt.Order("position:Q"),  # stacked in the rubric's order, as the legend lists
        tooltip=[alt.Tooltip("bid:N", title=t("Bid")), alt.Tooltip("criterion:N", title=t("Criterion")),
                 alt.Tooltip("points:Q", title=t("Points"), format=".2f")],
    ).properties(height=alt.Step(30))


def tco_breakdown(evaluation: Evaluation, currency: str | None = None) -> Any:
    """Capital cost, operating cost and exit cost (present values) per bid, in the
    procurement's currency."""
    parts = {"capex": t("Capital cost"), "opex_pv": t("Operating cost (present value)"),
             "exit_pv": t("Exit cost (present value)")}
    rows = [{"bid": _bid_label(b), "part": label, "amount": round(getattr(b.tco, part), 2),
             "shown": formats.money(getattr(b.tco, part), currency, lang())}
            for b in evaluation.ranking if b.tco is not None for part, label in parts.items()]
    if not rows:
        return None
    unit = f" ({currency})" if currency else ""
    return alt.Chart(pd.DataFrame(rows), title=t("Total cost of ownership, including exit")
                     ).mark_bar().encode(
        y=alt.Y("bid:N", sort=[_bid_label(b) for b in evaluation.ranking], title=t("Bid"),
                axis=alt.Axis(labelLimit=0)),
        x=alt.X("sum(amount):Q", title=t("Amount") + unit, axis=alt.Axis(format=",.0f")),
        color=alt.Color("part:N", title=t("Part"), sort=list(parts.values()),
                        scale=alt.Scale(domain=list(parts.values())), legend=_legend(len(parts))),
        tooltip=[alt.Tooltip("bid:N", title=t("Bid")), alt.Tooltip("part:N", title=t("Part")),
                 alt.Tooltip("shown:N", title=t("Amount"))],
    ).properties(height=alt.Step(30))


def win_probability(evaluation: Evaluation) -> Any:
    sensitivity = evaluation.sensitivity
    if sensitivity is None or not sensitivity.win_probability:
        return None
    rows = [{"bid": bid, "share": p} for bid, p in sensitivity.win_probability.items()]
    base = alt.Chart(pd.DataFrame(rows), title=t("Share of weight draws in which each bid wins"))
    bars = base.mark_bar().encode(
        y=alt.Y("bid:N", sort="-x", title=t("Bid"), axis=alt.Axis(labelLimit=0)),
        x=alt.X("share:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]),
                title=t("Win probability")))
    text = base.mark_text(align="left", dx=3).encode(
        y=alt.Y("bid:N", sort="-x"), x="share:Q", text=alt.Text("share:Q", format=".1%"))
    return (bars + text).properties(height=alt.Step(30))


def spread_heatmap(cells: list[PanelCell], rubric: Rubric) -> Any:
    """How far the evaluators' scores spread, per bid and criterion, with the spread written
    in each cell and the level (review, disagreement) named."""
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    levels = {code: t(name) for code, name in labels.LEVELS.items()}
    rows: list[dict[str, Any]] = [
        {"bid": c.bid_id, "criterion": names[c.criterion], "spread": c.spread,
         "label": f"{c.spread * 100:.0f}%" + (" ✓" if c.consensus_source == "moderated" else ""),
         "level": levels[c.level]} for c in cells]
    criteria = [names[c.id] for c in rubric.scale_criteria]
    base = alt.Chart(pd.DataFrame(rows), title=t("Spread of the evaluators' scores"))
    # Criteria down the side: their names are long and stay whole and horizontal there.
    heat = base.mark_rect().encode(
        y=alt.Y("criterion:N", title=t("Criterion"), sort=criteria, axis=alt.Axis(labelLimit=0)),
        x=alt.X("bid:N", title=t("Bid"), axis=alt.Axis(labelAngle=0, orient="top", labelLimit=0)),
        color=alt.Color("spread:Q", scale=alt.Scale(scheme="orangered", domain=[0, 1]),
                        title=t("Spread")),
        tooltip=[alt.Tooltip("bid:N", title=t("Bid")), alt.Tooltip("criterion:N", title=t("Criterion")),
                 alt.Tooltip("level:N", title=t("Level")),
                 alt.Tooltip("spread:Q", title=t("Spread"), format=".0%")])
    text = base.mark_text().encode(y=alt.Y("criterion:N", sort=criteria), x="bid:N",
                                   text="label:N")
    return (heat + text).properties(height=alt.Step(30))
