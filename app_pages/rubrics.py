"""Rubrics: browse the shipped ones with their level descriptors and sources; clone one and
edit weights, minimum scores and which criteria count, with live validation (weights, the
综合评分法 price-weight bounds); download it or use it for a new procurement.

The tab, the rubric chosen and the copy's edits survive a change of language: the editor's
columns are keyed by code, only their labels change."""

import copy

import streamlit as st
import yaml

from procurement import labels
from procurement.errors import ProcurementError
from procurement.rubric import Rubric, list_rubrics, load_rubric, parse_rubric, rubric_from_data
from procurement.ui.context import lang, t
from procurement.ui.feedback import guarded
from procurement.ui.nav import PAGES
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import choose, show_methodology, widget_key

DRAFT = "rubric_draft"  # the edited copy, used by the new-procurement page
TAB = "_rubrics_tab"

who = require_actor()
st.title(t("Rubrics"))

infos = list_rubrics()
titles = {i.id: (i.title_zh if lang() == "zh" else i.title_en) for i in infos}
tabs = {"browse": t("Browse"), "edit": t("Clone and edit")}


def _remember_tab() -> None:
    label = st.session_state.get(widget_key("rubrics_tabs"))
    st.session_state[TAB] = next((code for code, name in tabs.items() if name == label), "browse")


browse, edit = st.tabs(list(tabs.values()), key=widget_key("rubrics_tabs"),
                       default=tabs[st.session_state.get(TAB, "browse")], on_change=_remember_tab)

if browse.open:
    with browse:
        chosen = choose(t("Rubric"), list(titles), format_func=lambda i: f"{titles[i]} ({i})",
                        key="rubric_browse")
        show_methodology(load_rubric(chosen))

if edit.open:
    with edit:
        source = choose(t("Start from"), list(titles), key="rubric_source",
                        format_func=lambda i: f"{titles[i]} ({i})")
        upload = st.file_uploader(t("…or upload your own rubric (YAML)"), type=["yaml", "yml"],
                                  key="rubric_upload")
        base: Rubric | None = None
        with guarded():
            base = parse_rubric(upload.getvalue(), upload.name) if upload else load_rubric(source)
        if base is not None:
            rows = [{"id": c.id, "name": c.name.get(lang()), "kind": t(labels.KINDS[c.kind]),
                     "counts": True, "weight": c.weight, "minimum": c.threshold}
                    for c in base.criteria]
            edited = st.data_editor(
                rows, key=f"rubric_editor_{base.id}", hide_index=True, width="stretch",
                disabled=["id", "name", "kind"], placeholder="–",
                column_config={
                    "id": st.column_config.TextColumn(t("Id")),
                    "name": st.column_config.TextColumn(t("Criterion")),
                    "kind": st.column_config.TextColumn(t("Kind")),
                    "weight": st.column_config.NumberColumn(t("Weight (points)"), min_value=0.0,
                                                            step=1.0, format="%g"),
                    "minimum": st.column_config.NumberColumn(
                        t("Minimum score"), min_value=0.0, step=0.5, format="%g",
                        help=t("For scored criteria only; leave empty for no minimum")),
                    "counts": st.column_config.CheckboxColumn(
                        t("Counts"), help=t("Clear to leave a criterion out of this copy")),
                })
            # The copy's id follows the rubric it starts from.
            new_id = st.text_input(t("Id of the copy"), value=f"{base.id}-copy",
                                   key=f"rubric_copy_id_{base.id}")
            data = copy.deepcopy(base.model_dump(mode="json"))
            data["id"] = new_id
            kept = []
            for criterion, row in zip(data["criteria"], edited, strict=True):
                if not row["counts"]:
                    continue
                if criterion["kind"] != "gate":
                    criterion["weight"] = float(row["weight"] or 0)
                if criterion["kind"] == "scale":
                    minimum = row["minimum"]
                    criterion["threshold"] = None if minimum is None or minimum != minimum \
                        else minimum
                kept.append(criterion)
            data["criteria"] = kept
            clone: Rubric | None
            try:
                clone = rubric_from_data(data, new_id)
            except ProcurementError as exc:
                clone = None
                st.error("\n".join(f"- {plain(line)}" for line in exc.lines(lang())),
                         icon=":material/error:")
            if clone is not None:
                shares = clone.weights()
                st.success(plain(t("Valid. Weights as published shares: {shares}", shares=", ".join(
                    f"{c.name.get(lang())} {shares[c.id] * 100:.1f} %" for c in clone.weighted))),
                    icon=":material/check_circle:")
                with st.expander(t("The copy as bidders will read it")):
                    show_methodology(clone)
                left, right = st.columns(2)
                left.download_button(
                    t("Download the rubric (YAML)"), file_name=f"{clone.id}.yaml",
                    data=yaml.safe_dump(clone.model_dump(mode="json"), allow_unicode=True,
                                        sort_keys=False), mime="application/x-yaml",
                    icon=":material/download:")
                if who.role == "lead" and right.button(t("Use for a new procurement"),
                                                       icon=":material/add_circle:"):
                    st.session_state[DRAFT] = clone.model_dump(mode="json")
                    st.switch_page(PAGES["new_procurement"][0])
