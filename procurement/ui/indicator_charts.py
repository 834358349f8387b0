"""Altair charts of the procurement indicators per buyer, CPV division or year: the single-bid
rate, the SME share (by count and by value) and the supplier concentration (HHI), one bar per
group with its value in words in the tooltip."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement.i18n import N_, Lang, tr
from procurement.indicators.names import GROUPS, INDICATORS

CHARTED = ("single_bid_rate", "sme_share_count", "sme_share_value", "hhi")
_LABELS = {key: label for key, label, _ in INDICATORS}
# The HHI's thresholds of the U.S. merger guidelines (2023): above 1,000 moderately, above
# 1,800 highly concentrated; drawn as rules on the HHI chart.
HHI_THRESHOLDS = (1000, 1800)


def frame(result: dict[str, Any], key: str) -> pd.DataFrame:
    """One row per group with a value of ``key``."""
    rows = [{"group": str(g["key"]), "value": g[key]} for g in result.get("groups", [])
            if g.get(key) is not None]
    return pd.DataFrame(rows, columns=["group", "value"])


def indicator_chart(result: dict[str, Any], key: str, lang: Lang) -> Any:
    """A bar per group of the indicator ``key`` (a rate in per cent, or the HHI)."""
    data = frame(result, key)
    rate = key != "hhi"
    title = tr(_LABELS[key], lang)
    group = tr(GROUPS.get(result.get("by", ""), N_("Group")), lang)
    axis = alt.Axis(format="%") if rate else alt.Axis(format=",d")
    scale = alt.Scale(domain=[0, 1]) if rate else alt.Scale(domain=[0, 10_000])
    bars = alt.Chart(data).mark_bar(color="#4F81BD").encode(
        x=alt.X("value:Q", title=title, axis=axis, scale=scale),
        y=alt.Y("group:N", title=group, sort=None, axis=alt.Axis(labelLimit=240)),
        tooltip=[alt.Tooltip("group:N", title=group),
                 alt.Tooltip("value:Q", title=title, format=".1%" if rate else ",.0f")])
    if rate:
        return bars.properties(height=alt.Step(18))
    rules = alt.Chart(pd.DataFrame({"value": list(HHI_THRESHOLDS)})).mark_rule(
        strokeDash=[4, 3], color="#555555").encode(x="value:Q")
    return alt.layer(bars, rules).properties(height=alt.Step(18))


def charts(result: dict[str, Any], lang: Lang) -> list[tuple[str, Any]]:
    """Each charted indicator's title and chart."""
    return [(tr(_LABELS[key], lang), indicator_chart(result, key, lang)) for key in CHARTED]
