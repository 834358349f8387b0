"""The city's procurement in numbers: the indicators of its own awards (single-bid rate,
bidders, SME share, supplier concentration, top supplier, price-only awards, new suppliers),
overall and per buyer, CPV division or year, with their definitions in docs/indicators.md;
and the portfolio's Table 3 maturity per year from the design reviews recorded."""

import json

import streamlit as st

from procurement import formats
from procurement.design.maturity import maturity_table
from procurement.indicators import names, table
from procurement.indicators.names import GROUPS, INDICATORS
from procurement.services import indicators
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.feedback import guarded
from procurement.ui.indicator_charts import charts
from procurement.ui.maturity_chart import maturity_chart
from procurement.ui.signin import require_actor

require_actor()
db = context.database()
lang = context.lang()
st.title(t("The city's procurement in numbers"))
st.caption(t("From the city's awarded procurements, as their OCDS award releases tell them. "
             "The definitions follow the Open Contracting Partnership and the EU Single "
             "Market Scoreboard."))


def shown(value: object, kind: str) -> str:
    return names.shown(value, kind, lang)


by = st.radio(t("Per"), list(GROUPS), format_func=lambda g: t(GROUPS[g]), horizontal=True,
              key="indicators_by")
result = None
with guarded():
    result = indicators.of_database(db, by)  # type: ignore[arg-type]
if result is not None and not result["overall"]["procedures"]:
    st.info(t("No award yet: the indicators are computed from the awarded procurements."))
elif result is not None:
    overall = result["overall"]
    columns = st.columns(3)
    for n, (key, label, kind) in enumerate(INDICATORS):
        columns[n % 3].metric(t(label), shown(overall[key], kind))
    new = overall["new_suppliers_by_year"]
    if new:
        st.caption(t("New suppliers by year: {years}",
                     years=formats.series((f"{y}: {c}" for y, c in new.items()), lang)))
    for title, chart in charts(result, lang):
        st.subheader(title)
        st.altair_chart(chart, width="stretch")
    st.dataframe([{t(GROUPS[by]): g["key"],
                   **{t(label): shown(g[key], kind) for key, label, kind in INDICATORS}}
                  for g in result["groups"]], hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.download_button(t("Indicators (CSV)"), data=table.csv_text(result),
                         file_name=f"indicators-by-{by}.csv", mime="text/csv",
                         icon=":material/download:", key="indicators_csv")
    right.download_button(t("Indicators (JSON)"),
                          data=json.dumps(result, ensure_ascii=False, indent=2),
                          file_name=f"indicators-by-{by}.json", mime="application/json",
                          icon=":material/download:", key="indicators_json")

st.subheader(t("Table 3 maturity of the city's designs"))
st.caption(t("Per year, the designs reviewed that year (each by its latest review): how many "
             "rate each row of ISO 37106 Table 3 smart. Record a review on the Design review "
             "page or with procure review --record."))
maturity = result["maturity"] if result is not None else None
if maturity is not None and not maturity["periods"]:
    st.info(t("No design review recorded yet."))
elif maturity is not None:
    st.altair_chart(maturity_chart(maturity, lang), width="stretch")
    headers, rows = maturity_table(maturity, lang)
    st.dataframe([dict(zip(headers, row, strict=True)) for row in rows], hide_index=True,
                 width="stretch")
