"""Award: the lead recommends, an approver who is not the lead confirms (four eyes) or
returns it, the standstill period runs, then the lead awards. Every recommendation stays on
the record with its approval or return, in order."""

from datetime import timedelta

import streamlit as st

from procurement import formats, jurisdictions
from procurement.documents.context import winners_text
from procurement.domain.views import DecisionView
from procurement.services import award, clock, procurements, tasks
from procurement.ui import context
from procurement.ui.context import lang, t, tm
from procurement.ui.evaluations import current_result
from procurement.ui.feedback import flash, guarded
from procurement.ui.integrity import integrity_check, integrity_preview, integrity_record
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import (
    form_round,
    next_round,
    pick_procurement,
    status_label,
    step_text,
)
from procurement.vocabulary import Status

who = require_actor()
db = context.database()
st.title(t("Award"))

summary = pick_procurement(who, statuses=(Status.MODERATION, Status.AWARD_RECOMMENDED, Status.STANDSTILL,
                                          Status.AWARDED))
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    is_lead = who.username == detail.lead
    st.markdown(tm("**Status:** {status}", status=status_label(detail.status)))
    step = tasks.next_step(detail.status, who.role, is_lead=is_lead,
                           standstill_end=detail.standstill_end)
    st.info(tm("**Next step:** {hint}", hint=step_text(step)), icon=":material/arrow_forward:")
    history = award.decisions(db, who, detail.id) if (
        is_lead or who.role == "approver" or detail.status == Status.AWARDED) else []

    def winners(decision: DecisionView) -> str:
        """The recommended bids with their suppliers (from the evaluation frozen with them)."""
        suppliers = {b["bid_id"]: b["supplier"] for lot in decision.evaluation.values()
                     for b in lot.get("ranking", [])}
        named = {lot: f"{bid} ({suppliers[bid]})" if bid in suppliers else bid
                 for lot, bid in decision.winners.items()}
        return winners_text(named)

    if history:
        st.subheader(t("Recommendations"))
    for number, decision in enumerate(history, start=1):
        with st.container(border=True):
            st.markdown(tm("**{number}.** Recommended by **{who}** on {date}: {winners}",
                           number=number, who=decision.recommended_by_name,
                           date=formats.day(decision.recommended_at.date(), lang()),
                           winners=winners(decision)))
            if decision.note:
                st.markdown("> " + plain(decision.note))
            if decision.approved_by_name and decision.approved_at:
                st.markdown(tm(":material/verified: Approved by **{who}** on {date}.",
                               who=decision.approved_by_name,
                               date=formats.day(decision.approved_at.date(), lang())))
            if decision.outcome == "returned":
                st.warning(tm("Returned to moderation by **{who}** on {date}: {reason}",
                              who=decision.returned_by_name or "?",
                              date=formats.day(decision.returned_at.date(), lang())
                              if decision.returned_at else "?",
                              reason=decision.return_reason or ""), icon=":material/undo:")
    if detail.standstill_end:
        law = jurisdictions.get(detail.jurisdiction)
        st.info(t("The standstill period ends on {date}; the contract may be awarded from {next}.",
                  date=formats.day(detail.standstill_end, lang()),
                  next=formats.day(detail.standstill_end + timedelta(days=1), lang()))
                + " " + law.standstill_rule.render(lang()), icon=":material/hourglass_top:")

    if history and detail.status in (Status.STANDSTILL, Status.AWARDED):
        integrity_record(db, who, detail.id)  # the approved recommendation's, with the notes

    if is_lead and detail.status == Status.MODERATION:
        st.subheader(t("Recommend the award"))
        lots = [str(lot["id"]) for lot in detail.lots] or ["all"]
        evaluations = {lot: current_result(who, detail.id, lot).evaluation for lot in lots}
        evaluation = evaluations[lots[0]]
        first = [b.bid_id for b in evaluation.ranking if b.rank == 1]
        if evaluation.winner is not None and len(first) == 1:
            st.markdown(tm("You recommend **{bid}** ({supplier}), ranked first with {total} "
                           "of 100 points.", bid=evaluation.winner.bid_id,
                           supplier=evaluation.winner.supplier,
                           total=formats.number(evaluation.winner.total, lang())))
        # Outside the form, so that the preview below follows the winner chosen.
        winner = st.selectbox(t("Winner (choose when bids tie for first place)"), first) \
            if len(first) > 1 else None
        chosen = {lot: winner for lot in lots} if winner else None
        integrity_preview(db, who, detail.id, evaluations, chosen)
        with st.form("recommend"):
            note = st.text_area(t("Why this bid offers the best long-term value (required)"))
            if st.form_submit_button(t("Recommend"), type="primary", icon=":material/send:"):
                with guarded():
                    award.recommend(db, who, detail.id, note=note, winners=chosen)
                    flash(t("Award recommended; an approver must now confirm it."))
                    st.rerun()
    if who.role == "approver" and detail.status == Status.AWARD_RECOMMENDED:
        latest = history[-1] if history else None
        own = latest is not None and latest.recommended_by == who.username
        noted = integrity_check(db, who, detail.id, can_note=not own)
        st.subheader(t("Approve"))
        left, right = st.columns(2)
        if left.button(t("Approve the recommendation"), type="primary", icon=":material/verified:",
                       disabled=not noted,
                       help=None if noted else t("Record a note on each integrity flag first.")):
            with guarded():
                award.approve(db, who, detail.id)
                flash(t("Approved: the standstill period has started."))
                st.rerun()
        with right.form("return"):
            reason = st.text_area(t("Or send it back, with the reason (required)"),
                                  key=f"return_reason_{form_round('return')}")
            if st.form_submit_button(t("Return to moderation"), icon=":material/undo:"):
                with guarded():
                    award.return_recommendation(db, who, detail.id, reason)
                    next_round("return")
                    flash(t("Returned to moderation, with your reason."))
                    st.rerun()
    if is_lead and detail.status == Status.STANDSTILL:
        over = detail.standstill_end is not None and clock.today() > detail.standstill_end
        if st.button(t("Award the contract"), type="primary", icon=":material/verified:",
                     disabled=not over, help=None if over else t(
                         "Possible from {date}, the day after the standstill period ends.",
                         date=formats.day(detail.standstill_end + timedelta(days=1), lang())
                         if detail.standstill_end else "?")):
            with guarded():
                award.award(db, who, detail.id)
                flash(t("The contract is awarded. The documents and the award notice can now be "
                        "produced."))
                st.rerun()
