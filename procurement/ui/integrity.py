"""The approver's integrity check on the award page: each flag of the recommendation with its
indicator, rule, source and the approver's note (typed text shown as plain text)."""

from __future__ import annotations

import streamlit as st

from procurement.services import integrity
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.ui.context import lang, t, tm
from procurement.ui.feedback import flash, guarded
from procurement.ui.text import plain


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
            st.markdown(tm("**{code}** · {subject}", code=flag.finding.code,
                           subject=flag.finding.subject))
            st.markdown(plain(flag.rule(lang())))
            if flag.detail(lang()):
                st.markdown(plain(flag.detail(lang())))
            st.caption(tm("Source: {source}", source=flag.finding.source))
            if flag.note is not None:
                st.markdown(tm(":material/check: Noted by **{who}**:", who=flag.noted_by or "?"))
                st.markdown(plain(flag.note))
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
        st.warning(t("Approval waits for a note on: {flags}", flags=", ".join(missing)),
                   icon=":material/flag:")
    return not missing
