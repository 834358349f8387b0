"""Award: the lead recommends, an approver who is not the lead confirms (four eyes), the
standstill period runs, then the lead awards."""

import streamlit as st

from procurement.documents.context import winners_text
from procurement.services import award, procurements
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.evaluations import current_result
from procurement.ui.feedback import flash, guarded
from procurement.ui.widgets import pick_procurement, status_label

who = context.require_actor()
db = context.database()
st.title(t("Award"))

summary = pick_procurement(who, statuses=("moderation", "award_recommended", "standstill",
                                          "awarded"))
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    is_lead = who.username == detail.lead
    st.markdown(t("**Status:** {status}", status=status_label(detail.status)))
    decision = award.decision(db, who, detail.id) if (
        is_lead or who.role == "approver" or detail.status == "awarded") else None

    if decision is not None:
        st.subheader(t("Recommendation"))
        st.markdown(t("Recommended by **{who}** on {date}: {winners}", who=decision.recommended_by,
                      date=decision.recommended_at.date().isoformat(),
                      winners=winners_text(decision.winners)))
        if decision.note:
            st.markdown(f"> {decision.note}")
        if decision.approved_by and decision.approved_at:
            st.markdown(t("Approved by **{who}** on {date}.", who=decision.approved_by,
                          date=decision.approved_at.date().isoformat()))
        if decision.outcome == "returned":
            st.warning(t("Returned to moderation: {reason}", reason=decision.note or ""),
                       icon=":material/undo:")
    if detail.standstill_end:
        st.info(t("The standstill period ends on {date}; the contract may be awarded after "
                  "that day.", date=detail.standstill_end.isoformat()),
                icon=":material/hourglass_top:")

    if is_lead and detail.status == "moderation":
        st.subheader(t("Recommend the award"))
        evaluation = current_result(who, detail.id).evaluation
        first = [b.bid_id for b in evaluation.ranking if b.rank == 1]
        with st.form("recommend"):
            winner = st.selectbox(t("Winner (choose when bids tie for first place)"), first) \
                if len(first) > 1 else None
            note = st.text_area(t("Why this bid offers the best long-term value"))
            if st.form_submit_button(t("Recommend"), type="primary", icon=":material/send:"):
                with guarded():
                    lots = {str(lot["id"]) for lot in detail.lots} or {"all"}
                    award.recommend(db, who, detail.id, note=note,
                                    winners={lot: winner for lot in lots} if winner else None)
                    flash(t("Award recommended; an approver must now confirm it."))
                    st.rerun()
    if who.role == "approver" and detail.status == "award_recommended":
        st.subheader(t("Approve"))
        left, right = st.columns(2)
        if left.button(t("Approve the recommendation"), type="primary", icon=":material/verified:"):
            with guarded():
                award.approve(db, who, detail.id)
                flash(t("Approved: the standstill period has started."))
                st.rerun()
        with right.form("return"):
            reason = st.text_area(t("Or send it back, with the reason"))
            if st.form_submit_button(t("Return to moderation"), icon=":material/undo:"):
                with guarded():
                    award.return_recommendation(db, who, detail.id, reason)
                    st.rerun()
    if is_lead and detail.status == "standstill" and st.button(
            t("Award the contract"), type="primary", icon=":material/verified:"):
        with guarded():
            award.award(db, who, detail.id)
            st.rerun()
