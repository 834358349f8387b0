"""Design review: rate a procurement design against the 16 rows of ISO 37106 Table 3 before it
goes out (6.6.3 b). Fill in the form or upload a design (YAML); see each row's rating and
reason, what would move the rows that are not smart, and download the review."""

import json
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
import yaml

from procurement.design import (
    ProcurementDesign,
    design_from_data,
    markdown_report,
    parse_design,
    review,
    review_view,
)
from procurement.design.fields import FIELDS, FieldSpec, form_data
from procurement.design.report import design_line, headers, row_list, to_move
from procurement.design.review import LEVEL_NAMES
from procurement.services import design_reviews, procurements
from procurement.ui import context
from procurement.ui.context import lang, t
from procurement.ui.feedback import guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import choose, choose_many

DESIGN = "design_review_design"  # the last design reviewed on this page
UPLOADED = "design_review_uploaded"  # the upload already reviewed (not re-read on each run)

who = require_actor()
st.title(t("Design review"))
st.caption(t("Rate a procurement design against the 16 rows of ISO 37106 Table 3 before it "
             "goes out (6.6.3 b). A field left as “not stated” rates its row traditional."))


def widget(spec: FieldSpec) -> Any:
    """One field of the form. Choices are shown in the reader's language and kept as codes,
    so that switching language keeps them (see procurement.ui.widgets.choose)."""
    key, label = f"design_{spec.name}", (f"{spec.row}. " if spec.row else "") + t(spec.label)
    help_text = t("YAML field: {name}", name=spec.name)
    if spec.kind == "choice":
        return choose(label, [None, *spec.choices], key=key, help=help_text,
                      format_func=lambda v: t("not stated") if v is None
                      else t(spec.choices[v]))
    if spec.kind == "bool":
        return choose(label, [None, True, False], key=key, help=help_text,
                      format_func=lambda v: t("not stated") if v is None
                      else t("yes") if v else t("no"))
    if spec.kind in ("int", "float"):
        whole = spec.kind == "int"
        return st.number_input(label, min_value=0 if whole else 0.0, value=None,
                               step=1 if whole else 0.5, key=key, help=help_text)
    if spec.kind == "multi":
        return choose_many(label, list(spec.choices), key=key, help=help_text,
                           format_func=lambda v: t(spec.choices[v]))
    return st.text_input(label, key=key, help=help_text)


form_tab, upload_tab = st.tabs([t("Fill in the form"), t("Upload a design (YAML)")])
with form_tab, st.form("design_form"):
    columns = st.columns(2)
    values = {spec.name: None for spec in FIELDS}
    for spec in FIELDS:
        with columns[0 if spec.row <= 8 else 1]:
            values[spec.name] = widget(spec)
    if st.form_submit_button(t("Review the design"), type="primary", icon=":material/rule:"):
        st.session_state.pop(DESIGN, None)  # a refused design must not leave the last review up
        with guarded():
            st.session_state[DESIGN] = design_from_data(form_data(values), t("the form"))
with upload_tab:
    upload = st.file_uploader(t("A design file (YAML), as procure review reads it"),
                              type=["yaml", "yml"], key="design_upload")
    if upload is not None and st.session_state.get(UPLOADED) != upload.file_id:
        st.session_state.pop(DESIGN, None)
        with guarded():
            st.session_state[DESIGN] = parse_design(upload.getvalue(), upload.name)
            st.session_state[UPLOADED] = upload.file_id

design = st.session_state.get(DESIGN)
if not isinstance(design, ProcurementDesign):
    st.stop()
view = review_view(review(design), lang())
summary = view["summary"]
st.subheader(plain(design_line(view, lang())))
st.metric(t("Table 3 rating"), summary["text"])
st.caption(summary["detail"])

names = [t(LEVEL_NAMES[level]) for level in ("traditional", "transition", "smart")]
frame = pd.DataFrame([{"row": f"{r['row']}. {r['name']}", "level": r["level_name"],
                       "reason": r["reason"]} for r in view["rows"]])
base = alt.Chart(frame, title=t("Each row of Table 3, from traditional to smart"))
order = list(frame["row"])
cells = base.mark_rect().encode(
    x=alt.X("level:N", sort=names, scale=alt.Scale(domain=names), title=t("Rating"),
            axis=alt.Axis(orient="top", labelAngle=0)),
    y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=0)),
    color=alt.Color("level:N", scale=alt.Scale(domain=names, range=["#c0392b", "#b7791f",
                                                                    "#2e8b57"]), legend=None),
    tooltip=[alt.Tooltip("row:N", title=t("Table 3 row")),
             alt.Tooltip("level:N", title=t("Rating")),
             alt.Tooltip("reason:N", title=t("Reason"))])
labels = base.mark_text(color="white").encode(x=alt.X("level:N", sort=names), y=alt.Y(
    "row:N", sort=order), text="level:N")
st.altair_chart((cells + labels).properties(height=alt.Step(26)), width="stretch")

st.dataframe([dict(zip(headers(lang()), [r["row"], r["name"], r["level_name"], r["reason"]],
                       strict=True)) for r in view["rows"]], hide_index=True, width="stretch")
st.subheader(t("What would move the other rows"))
moves = to_move(view)
if not moves:
    st.success(t("Every row is smart."), icon=":material/check_circle:")
for move in moves:
    st.markdown(f"**{plain(move['reference'])}**{plain(row_list(move['rows'], lang()))}  \n"
                f"{plain(move['recommendation'])}")

stem = (design.reference or "design") + "-review"
left, middle, right = st.columns(3)
left.download_button(t("Review (JSON)"), file_name=f"{stem}.json", mime="application/json",
                     data=json.dumps(view, ensure_ascii=False, indent=2),
                     icon=":material/download:")
middle.download_button(t("Report (Markdown)"), file_name=f"{stem}.md", mime="text/markdown",
                       data=markdown_report(view, lang()), icon=":material/download:")
right.download_button(t("The design (YAML)"), file_name=f"{design.reference or 'design'}.yaml",
                      data=yaml.safe_dump(design.stated(), allow_unicode=True, sort_keys=False),
                      mime="application/x-yaml", icon=":material/download:")

if who.role in design_reviews.RECORDERS:
    st.subheader(t("Record in the city's portfolio"))
    st.caption(t("Keeps this review and the design as reviewed, for the city's Table 3 maturity "
                 "over time (City indicators)."))
    db = context.database()
    led = {p.id: p for p in procurements.list_procurements(db, who) if p.lead == who.username}
    with st.form("design_record"):
        chosen = choose(t("For procurement"), [None, *led], key="design_record_procurement",
                        format_func=lambda pid: t("none") if pid is None
                        else f"{led[pid].reference} · {led[pid].title}")
        if st.form_submit_button(t("Record this review"), icon=":material/bookmark_add:"):
            with guarded():
                kept = design_reviews.record(db, who, design, chosen)
                st.success(plain(t("Recorded as review {id} of {design}.", id=kept.id,
                                   design=kept.design_key)), icon=":material/check_circle:")
