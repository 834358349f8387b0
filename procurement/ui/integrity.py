"""The integrity flags on the award page: the lead's preview before recommending (read-only,
no notes), the approver's check (each flag with its indicator, rule, source and the
approver's note), and the record once approved (flags and notes, read-only). Typed text is
shown as plain text."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from procurement import formats
from procurement.integrity import IntegrityFlag
from procurement.scoring.result import Evaluation
from procurement.services import integrity
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.ui.context import lang, t, tm
from procurement.ui.feedback import flash, guarded
from procurement.ui.text import plain


def _card(flag: IntegrityFlag) -> None:
    """One flag: its code, bid or lot and indicator; the rule, the figures, the source; the
    approver's note with who wrote it and when."""
    st.markdown(tm("**{code}** · {subject} · {indicator}", code=flag.finding.code,
                   subject=flag.finding.subject, indicator=flag.indicator(lang())))
    st.markdown(plain(flag.rule(lang())))
    if flag.detail(lang()):
        st.markdown(plain(flag.detail(lang())))
    st.caption(tm("Source: {source}", source=flag.finding.source))
    if flag.note is not None:
        st.markdown(tm(":material/check: Noted by **{who}** on {date}:",
                       who=flag.noted_by_name or flag.noted_by or "?",
                       date=formats.day(flag.noted_at.date(), lang()) if flag.noted_at
                       else "?"))
        st.markdown(plain(flag.note))


def integrity_preview(db: Database, who: Actor, procurement_id: int,
                      evaluations: Mapping[str, Evaluation],
                      winners: Mapping[str, str] | None) -> None:
    """The lead's preview: the flags the recommendation would raise, to be explained in it
    (the approver notes them once it is made)."""
    flags = integrity.preview(db, who, procurement_id, evaluations, winners)
    title = t("Integrity flags the recommendation will raise")
    st.markdown(f"#### {title}")
    _read_only(flags, t("No integrity flag: the recommendation raises none."), t(
        "The approver must record a note on each of these before approving: explain them in "
        "your reasons below, so that the approver can check them."))


def integrity_record(db: Database, who: Actor, procurement_id: int) -> None:
    """Once approved: the recommendation's flags with the approver's notes, read-only."""
    flags = integrity.screen(db, who, procurement_id)
    st.subheader(t("Integrity check"))
    _read_only(flags, t("No integrity flag on the recommendation."), t(
        "The integrity flags of the approved recommendation, each with the note the approver "
        "recorded before approving."))


def _read_only(flags: list[IntegrityFlag], empty: str, caption: str) -> None:
    if not flags:
        st.success(empty, icon=":material/verified:")
        return
    st.caption(caption)
    for flag in flags:
        with st.container(border=True):
            _card(flag)


def integrity_check(db: Database, who: Actor, procurement_id: int, *, can_note: bool) -> bool:
    """Show the flags (with a note form each when ``can_note``); True when every flag has a
    note, so that the approval may go ahead."""
    flags = integrity.screen(db, who, procurement_id)
    st.subheader(t("Integrity check"))
    if not flags:
        st.success(t("No integrity flag on the recommendation."), icon=":material/verified:")
        return True
    st.caption(t("Before approving, record what you checked about each flag (four eyes: the "
                 "approver, not the lead)."))
    for number, flag in enumerate(flags):
        with st.container(border=True):
            _card(flag)
            if not can_note:
                continue
            with st.form(f"integrity_{number}"):
                text = st.text_area(t("Your note on this flag (required)"), value=flag.note or "",
                                    key=f"integrity_note_{flag.key}")
                if st.form_submit_button(t("Record the note"), icon=":material/edit_note:"):
                    with guarded():
                        integrity.note(db, who, procurement_id, flag.finding.code,
                                       flag.finding.subject, text)
                        flash(t("Note recorded on {flag}.", flag=flag.key))
                        st.rerun()
    missing = [f.key for f in flags if f.note is None]
    if missing:
        st.warning(t("Approval waits for a note on: {flags}",
                     flags=formats.series(missing, lang())),
                   icon=":material/flag:")
    return not missing
