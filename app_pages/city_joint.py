"""Joint procurement: planned procurements of different buyers whose needs overlap (the same
CPV group, tender dates close together, similar titles), found across the whole pipeline.
The lead accepts one (a joint pipeline entry for all its buyers) or dismisses it with a
reason; everyone signed in can read them."""

import streamlit as st

from procurement import formats
from procurement.labels import CPV_LEVELS
from procurement.pipeline.joint import Opportunity
from procurement.services import joint, pipeline_store
from procurement.ui import context
from procurement.ui.context import lang, t
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain

who = require_actor()
db = context.database()
may_decide = who.role in pipeline_store.EDITORS
st.title(t("Joint procurement"))
st.caption(t("Entries of different buyers in the pipeline whose needs overlap, which could "
             "be bought together: the same CPV group, tender dates close together and similar "
             "titles."))

# A number of months needs no full-width box.
months = int(st.number_input(t("Tender dates at most this many months apart"), min_value=0,
                             max_value=120, value=6, step=1, key="joint_window", width=320))
findings = joint.find_in_db(db, months)


def _value(opportunity: Opportunity) -> str:
    return "; ".join(formats.money(float(amount), currency, lang())
                     for currency, amount in opportunity.combined_value.items()) or formats.NONE


def _reasons(opportunity: Opportunity) -> None:
    st.dataframe(
        [{t("Entries"): " + ".join(r.entries),
          t("Matched on"): f"{t(CPV_LEVELS[r.cpv_level])} {r.cpv_prefix}",
          t("Tender dates"): " / ".join(formats.day(d, lang()) for d in r.tender_dates),
          t("Similarity"): round(r.similarity)} for r in opportunity.reasons],
        hide_index=True, width="stretch")


def _decide(opportunity: Opportunity) -> None:
    with st.form(f"joint_{opportunity.id}"):
        reason = st.text_input(t("Reason for dismissing"), key=f"joint_reason_{opportunity.id}")
        buttons = st.container(horizontal=True)  # side by side, at the start of the form
        accepted = buttons.form_submit_button(t("Accept: add a joint entry"), type="primary")
        dismissed = buttons.form_submit_button(t("Dismiss"))
    if accepted:
        with guarded():
            made = joint.accept(db, who, opportunity.id, window_months=months)
            flash(t("Joint pipeline entry {entry} added.", entry=made.id))
            st.rerun()
    if dismissed:
        with guarded():
            joint.dismiss(db, who, opportunity.id, reason, window_months=months)
            flash(t("Opportunity {id} dismissed.", id=opportunity.id))
            st.rerun()


opened = findings.open()
if not opened:
    st.info(t("No joint procurement opportunity found."))
for opportunity in opened:
    st.subheader(t("Opportunity {id}", id=opportunity.id))
    # Buyers' names are typed by users: shown as text.
    st.markdown(plain(t("{buyers} — combined value {value}",
                        buyers=formats.series(opportunity.buyers, lang()),
                        value=_value(opportunity))))
    _reasons(opportunity)
    if may_decide:
        _decide(opportunity)

decided = [o for o in findings.opportunities if o.id in findings.decided]
if decided:
    with st.expander(t("Decided ({count})", count=len(decided))):
        for opportunity in decided:
            decision = findings.decided[opportunity.id]
            what = (t("Accepted: joint entry {entry}", entry=decision.joint_entry)
                    if decision.decision == joint.ACCEPTED else
                    t("Dismissed: {reason}", reason=decision.reason))
            buyers = formats.series(opportunity.buyers, lang())
            st.markdown(plain(f"{opportunity.id} · {buyers} — {what}"))
