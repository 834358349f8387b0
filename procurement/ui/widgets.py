"""Widgets several pages share: the procurement picker, choices that survive a change of
language, status badges, flags, the methodology."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from procurement import formats, jurisdictions, labels
from procurement.domain.views import ProcurementSummary, ResolutionView
from procurement.labels import STATUSES as STATUS_NAMES
from procurement.rubric import Rubric
from procurement.rubric.methodology import methodology
from procurement.scoring.options import ScoringOptions
from procurement.scoring.result import Note
from procurement.services import procurements
from procurement.services.actors import Actor
from procurement.ui.context import (
    PROCUREMENT,
    database,
    lang,
    select_procurement,
    selected_procurement,
    t,
    tm,
)
from procurement.ui.text import Md, plain
from procurement.vocabulary import Jurisdiction, Status

T = TypeVar("T")

STATUS_ICONS = {
    Status.DRAFT: ":material/edit_note:", Status.OPEN: ":material/inbox:",
    Status.QUALITY_EVALUATION: ":material/fact_check:", Status.PRICE_OPENING: ":material/lock_open:",
    Status.MODERATION: ":material/balance:", Status.AWARD_RECOMMENDED: ":material/how_to_reg:",
    Status.STANDSTILL: ":material/hourglass_top:", Status.AWARDED: ":material/verified:",
    Status.CANCELLED: ":material/cancel:",
}


def status_label(status: str | Status) -> Md:
    """The status as icon and words (for markdown): never colour alone."""
    return Md(f"{STATUS_ICONS[Status(status)]} {plain(status_text(status))}")


def status_text(status: str | Status) -> str:
    """The status in words (for tables, which show no icons)."""
    return t(STATUS_NAMES[Status(status)])


def widget_key(key: str) -> str:
    """A widget's key in the reader's language. Streamlit keeps a select box's choice as its
    label, so a label that changes language would lose the choice: each language has its own
    widget, and :func:`choose` carries the choice (a code) from one to the other."""
    return f"{key}_{lang()}"


def choose(label: str, options: Sequence[T], *, key: str, format_func: Callable[[T], str] = str,
           default: T | None = None, store: str | None = None,
           widget: Callable[..., Any] | None = None, **kwargs: Any) -> T:
    """A select box (or ``widget``: st.radio, st.segmented_control's kin) whose choice
    survives a change of language and of page; ``store`` names where the choice is kept."""
    kept = store or f"_choice_{key}"
    options = list(options)
    current = st.session_state.get(kept, default)
    index = options.index(current) if current in options else (0 if options else None)
    if "index" in kwargs and current not in options:
        index = kwargs["index"]
    kwargs.pop("index", None)
    value: T = (widget or st.selectbox)(label, options, index=index, key=widget_key(key),
                                        format_func=format_func, **kwargs)
    st.session_state[kept] = value
    return value


def choose_many(label: str, options: Sequence[T], *, key: str,
                format_func: Callable[[T], str] = str, **kwargs: Any) -> list[T]:
    """A multiselect whose choices survive a change of language."""
    kept = f"_choice_{key}"
    options = list(options)
    chosen = [o for o in st.session_state.get(kept, []) if o in options]
    value: list[T] = st.multiselect(label, options, default=chosen, key=widget_key(key),
                                    format_func=format_func, placeholder=t("Choose options"),
                                    **kwargs)
    st.session_state[kept] = value
    return value


def form_round(name: str) -> int:
    """A counter in the keys of a form's widgets: after a successful save the next round gives
    fresh, empty widgets, while a refused save keeps everything the user typed."""
    value = st.session_state.get(f"_round_{name}", 0)
    return value if isinstance(value, int) else 0


def next_round(name: str) -> None:
    st.session_state[f"_round_{name}"] = form_round(name) + 1


def pick_procurement(who: Actor, statuses: Iterable[str] | None = None,
                     key: str = "picker") -> ProcurementSummary | None:
    """Choose one of the user's procurements, remembered across pages and named in the
    address (``?procurement=REFERENCE``), so that a link opens the same one."""
    wanted = set(statuses) if statuses is not None else None
    options = [p for p in procurements.list_procurements(database(), who)
               if wanted is None or p.status in wanted]
    if not options:
        st.info(t("No procurement is at this step for you."), icon=":material/info:")
        return None
    linked = st.query_params.get("procurement")
    match = next((p.id for p in options if p.reference == linked), None)
    if match is not None and match != selected_procurement():
        select_procurement(match)
        st.session_state.pop(widget_key(key), None)
    ids = [p.id for p in options]
    chosen = choose(t("Procurement"), ids, key=key, store=PROCUREMENT,
                    format_func=lambda i: _summary_label(next(p for p in options if p.id == i)))
    summary = next(p for p in options if p.id == chosen)
    if st.query_params.get("procurement") != summary.reference:
        st.query_params["procurement"] = summary.reference
    return summary


def step_text(step: tuple[str, dict[str, object]]) -> str:
    """A next-step hint (procurement.services.tasks.next_step) in the reader's language."""
    msgid, params = step
    return t(msgid, **{k: formats.day(v, lang()) if isinstance(v, date) else v
                       for k, v in params.items()})


def _summary_label(p: ProcurementSummary) -> str:
    return f"{p.reference} · {p.title} ({t(STATUS_NAMES[p.status])})"


def show_notes(notes: Iterable[Note], *, empty: str | None = None,
               resolutions: dict[tuple[str, str], ResolutionView] | None = None,
               bid: str | None = None) -> None:
    """Flags, reasons or warnings, each with its icon, name and explanation; a flag whose
    resolution is recorded says how it was resolved instead of what still has to be done."""
    shown = False
    for note in notes:
        shown = True
        name = t(labels.FLAGS[note.code]) if note.code in labels.FLAGS else note.code
        resolved = (resolutions or {}).get((bid or "", note.code))
        if resolved is not None:
            st.markdown(tm("{icon} **{name}** — resolved by {who} on {date}: {resolution}",
                           icon=Md(":material/task_alt:"), name=name,
                           who=resolved.decided_by_name or resolved.decided_by,
                           date=formats.day(resolved.decided_at.date(), lang()),
                           resolution=resolved.resolution))
            continue
        icon = labels.FLAG_ICONS.get(note.code, ":material/flag:")
        st.markdown(tm("{icon} **{name}** — {text}", icon=Md(icon), name=name,
                       text=note.text(lang())))
    if not shown and empty:
        st.caption(empty)


def show_methodology(rubric: Rubric, options: ScoringOptions | None = None,
                     jurisdiction: Jurisdiction | None = None) -> None:
    """The published methodology as bidders read it: criteria, weights, levels, sources.
    Everything in it is the rubric's text (a city's own rubric is a user's file), so all of it
    is shown as plain text."""
    view = methodology(rubric, lang())
    st.markdown(f"#### {plain(view['title'])}")
    st.markdown(plain(view["description"]))
    st.markdown(plain(view["weight_summary"]))
    if options:
        st.markdown(tm("**Method:** {method} · **price formula:** {formula} · **discount "
                       "rate:** {rate} % · **SME deduction:** {sme} %",
                       method=t(labels.METHODS[options.method]),
                       formula=t(labels.PRICE_FORMULAS[options.price_formula]),
                       rate=f"{options.discount_rate * 100:g}",
                       sme=f"{options.sme_deduction * 100:g}"))
        st.markdown(t("**After the award:** every bid is published (bidder, status, price)")
                    if options.publish_bids else
                    t("**After the award:** the bid statistics are published, not each bid"))
    if jurisdiction is not None:
        law = jurisdictions.get(jurisdiction)
        st.markdown(tm("**Law:** {law} · **standstill:** {rule}", law=t(law.law.text),
                       rule=law.standstill_rule.render(lang())))
    st.dataframe(
        [{t("Criterion"): c["name"], t("Kind"): t(labels.KINDS[c["kind"]]),
          t("Weight"): f"{c['weight'] * 100:.1f} %" if c["kind"] != "gate" else "–",
          t("Minimum"): "–" if c["threshold"] is None else f"{c['threshold']:g}",
          t("Sources"): "; ".join(f"{s['document']} {s['ref']}" for s in c["sources"])}
         for c in view["criteria"]], hide_index=True, width="stretch")
    for criterion in view["criteria"]:
        with st.expander(f"{plain(criterion['name'])} — {t(labels.KINDS[criterion['kind']])}"):
            if criterion["description"]:
                st.markdown(plain(criterion["description"]))
            for level in (criterion["scale"] or {}).get("levels", []):
                st.markdown(f"**{level['value']:g} · {plain(level['label'])}** — "
                            f"{plain(level['descriptor'])}")
            if criterion["evidence"]:
                st.markdown(t("**Evidence to look for:**"))
                st.markdown("\n".join(f"- {plain(prompt)}" for prompt in criterion["evidence"]))

