"""Altair charts of the procurement indicators per buyer, CPV division or year: the single-bid
rate, the SME share (by count and by value) and the supplier concentration (HHI), one bar per
group with its value written beside it and in words in the tooltip."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from procurement import formats
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


def shown(value: float, rate: bool, lang: Lang) -> str:
    """A bar's value as the page's figures show it (a rate in per cent, the HHI whole)."""
    return formats.number(100 * value, lang, 1) + " %" if rate else formats.number(value, lang, 0)


def indicator_chart(result: dict[str, Any], key: str, lang: Lang) -> Any:
    """A bar per group of the indicator ``key`` (a rate in per cent, or the HHI), its value
    written beside it (inside the bar near the scale's end): a rate of 0 is seen as one."""
    data = frame(result, key)
    rate = key != "hhi"
    data["shown"] = [shown(float(value), rate, lang) for value in data["value"]]
    title = tr(_LABELS[key], lang)
    group = tr(GROUPS.get(result.get("by", ""), N_("Group")), lang)
    axis = alt.Axis(format="%") if rate else alt.Axis(format=",d")
    top = 1 if rate else 10_000
    x = alt.X("value:Q", title=title, axis=axis, scale=alt.Scale(domain=[0, top]))
    # The axis title level above the group labels: set upright beside a chart of one bar (a
    # city of one buyer), it ran over them.
    y = alt.Y("group:N", title=group, sort=None, axis=alt.Axis(
        labelLimit=240, titleAngle=0, titleAlign="right", titleBaseline="bottom", titleX=0,
        titleY=-4))
    bars = alt.Chart(data).mark_bar(color="#4F81BD").encode(
        x=x, y=y, tooltip=[alt.Tooltip("group:N", title=group),
                           alt.Tooltip("value:Q", title=title, format=".1%" if rate else ",.0f")])
    values = alt.Chart(data).encode(x=x, y=y, text="shown:N")
    near_end = alt.datum.value > 0.85 * top
    layers = [bars,
              values.transform_filter(~near_end).mark_text(align="left", dx=4, color="#333333"),
              values.transform_filter(near_end).mark_text(align="right", dx=-4, color="white")]
    if not rate:
        layers.append(alt.Chart(pd.DataFrame({"value": list(HHI_THRESHOLDS)})).mark_rule(
            strokeDash=[4, 3], color="#555555").encode(x="value:Q"))
    return alt.layer(*layers).properties(height=alt.Step(18))


def charts(result: dict[str, Any], lang: Lang) -> list[tuple[str, Any]]:
    """Each charted indicator's title and chart."""
    return [(tr(_LABELS[key], lang), indicator_chart(result, key, lang)) for key in CHARTED]
