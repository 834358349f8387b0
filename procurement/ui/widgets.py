"""Widgets several pages share: the procurement picker, status badges, flags, methodology."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from procurement import labels
from procurement.i18n import LANGS
from procurement.rubric import Rubric
from procurement.rubric.view import rubric_view
from procurement.scoring.result import Note
from procurement.services import procurements
from procurement.services.access import STATUS_NAMES
from procurement.services.actors import Actor
from procurement.services.views import ProcurementSummary
from procurement.ui.context import (
    database,
    lang,
    select_procurement,
    selected_procurement,
    t,
)

STATUS_ICONS = {
    "draft": ":material/edit_note:", "open": ":material/inbox:",
    "quality_evaluation": ":material/fact_check:", "price_opening": ":material/lock_open:",
    "moderation": ":material/balance:", "award_recommended": ":material/how_to_reg:",
    "standstill": ":material/hourglass_top:", "awarded": ":material/verified:",
    "cancelled": ":material/cancel:",
}


def status_label(status: str) -> str:
    """The status as icon and words (for markdown): never colour alone."""
    return f"{STATUS_ICONS.get(status, '')} {status_text(status)}"


def status_text(status: str) -> str:
    """The status in words (for tables, which show no icons)."""
    return t(STATUS_NAMES[status])


def pick_procurement(who: Actor, statuses: Iterable[str] | None = None,
                     key: str = "picker") -> ProcurementSummary | None:
    """Choose one of the user's procurements (remembered across pages)."""
    wanted = set(statuses) if statuses is not None else None
    options = [p for p in procurements.list_procurements(database(), who)
               if wanted is None or p.status in wanted]
    if not options:
        st.info(t("No procurement is at this step for you."), icon=":material/info:")
        return None
    ids = [p.id for p in options]
    current = selected_procurement()
    chosen = st.selectbox(
        t("Procurement"), ids, index=ids.index(current) if current in ids else 0, key=key,
        format_func=lambda i: _summary_label(next(p for p in options if p.id == i)))
    select_procurement(chosen)
    return next(p for p in options if p.id == chosen)


def _summary_label(p: ProcurementSummary) -> str:
    return f"{p.reference} · {p.title} ({t(STATUS_NAMES[p.status])})"


def show_notes(notes: Iterable[Note], *, empty: str | None = None) -> None:
    """Flags, reasons or warnings, each with its icon, name and explanation."""
    shown = False
    for note in notes:
        shown = True
        icon = labels.FLAG_ICONS.get(note.code, ":material/flag:")
        name = t(labels.FLAGS[note.code]) if note.code in labels.FLAGS else note.code
        st.markdown(f"{icon} **{name}** — {note.text(lang())}")
    if not shown and empty:
        st.caption(empty)


def show_methodology(rubric: Rubric, options: dict[str, Any] | None = None) -> None:
    """The published methodology as bidders read it: criteria, weights, levels, sources."""
    view = rubric_view(rubric, lang())
    st.markdown(f"#### {view['title']}")
    st.markdown(view["description"])
    if options:
        st.markdown(t("**Method:** {method} · **price formula:** {formula} · **discount rate:** "
                      "{rate} % · **SME deduction:** {sme} %",
                      method=t(labels.METHODS[options["method"]]),
                      formula=t(labels.PRICE_FORMULAS[options["price_formula"]]),
                      rate=f"{options['discount_rate'] * 100:g}",
                      sme=f"{options['sme_deduction'] * 100:g}"))
    st.dataframe(
        [{t("Criterion"): c["name"], t("Kind"): t(labels.KINDS[c["kind"]]),
          t("Weight"): f"{c['weight'] * 100:.1f} %" if c["kind"] != "gate" else "–",
          t("Minimum"): "–" if c["threshold"] is None else f"{c['threshold']:g}",
          t("Sources"): "; ".join(f"{s['document']} {s['ref']}" for s in c["sources"])}
         for c in view["criteria"]], hide_index=True, width="stretch")
    for criterion in view["criteria"]:
        with st.expander(f"{criterion['name']} — {t(labels.KINDS[criterion['kind']])}"):
            if criterion["description"]:
                st.markdown(criterion["description"])
            for level in (criterion["scale"] or {}).get("levels", []):
                st.markdown(f"**{level['value']:g} · {level['label']}** — {level['descriptor']}")
            if criterion["evidence"]:
                st.markdown(t("**Evidence to look for:**"))
                st.markdown("\n".join(f"- {prompt}" for prompt in criterion["evidence"]))


def language_names() -> dict[str, str]:
    return {"en": "English", "zh": "中文"} if set(LANGS) == {"en", "zh"} else {}
