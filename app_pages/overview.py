"""A procurement: its status and next step, the panel and declarations, the published
methodology, and cancellation."""

import streamlit as st

from procurement.rubric import Rubric
from procurement.services import award, lifecycle, panel, procurements, users
from procurement.services.panel import COI_NAMES
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.feedback import flash, guarded
from procurement.ui.widgets import pick_procurement, show_methodology, status_label

who = context.require_actor()
db = context.database()
st.title(t("Procurement"))

# The lead's next step in each status: (button label, service).
NEXT = {
    "draft": (t("Open the tender for bids"), lifecycle.open_for_bids),
    "open": (t("Close the tender and start quality evaluation"),
             lifecycle.start_quality_evaluation),
    "quality_evaluation": (t("Close quality evaluation"), lifecycle.close_quality_evaluation),
    "price_opening": (t("Open the price envelopes and start moderation"),
                      lifecycle.start_moderation),
}

summary = pick_procurement(who)
if summary is not None:
    with guarded():
        detail = procurements.get_procurement(db, who, summary.id)
        st.markdown(f"### {detail.reference} · {detail.title}")
        st.markdown(t("**Status:** {status} · **buyer:** {buyer} · **lead:** {lead} · "
                      "**bids:** {bids}", status=status_label(detail.status),
                      buyer=detail.buyer_name, lead=detail.lead, bids=detail.bid_count))
        if detail.description:
            st.markdown(detail.description)
        if detail.standstill_end:
            st.info(t("Standstill until {date}.", date=detail.standstill_end.isoformat()),
                    icon=":material/hourglass_top:")
        if detail.cancel_reason:
            st.warning(t("Cancelled: {reason}", reason=detail.cancel_reason),
                       icon=":material/cancel:")
        is_lead = who.username == detail.lead
        if is_lead and detail.status in NEXT:
            label, step = NEXT[detail.status]
            if st.button(label, type="primary", icon=":material/arrow_forward:"):
                with guarded():
                    step(db, who, detail.id)
                    flash(t("Done: {step}", step=label))
                    st.rerun()

        st.subheader(t("Evaluation panel"))
        st.dataframe([{t("Evaluator"): m.display_name, t("Criteria"): ", ".join(m.criteria),
                       t("Conflict of interest"): t(COI_NAMES[m.coi]),
                       t("Reason"): m.coi_reason or "", t("Scored"): f"{m.scored}/{m.to_score}",
                       t("Submitted"): t("yes") if m.submitted_at else t("no")}
                      for m in detail.panel], hide_index=True, width="stretch")
        if is_lead and detail.status in ("draft", "open"):
            seated = {m.username for m in detail.panel}
            candidates = [u.username for u in users.list_users(db)
                          if u.role == "evaluator" and u.username not in seated]
            with st.form("assign"):
                chosen = st.multiselect(t("Add evaluators"), candidates)
                if st.form_submit_button(t("Add to the panel")):
                    with guarded():
                        for username in chosen:
                            panel.assign_evaluator(db, who, detail.id, username)
                        st.rerun()

        st.subheader(t("Published methodology"))
        show_methodology(Rubric.model_validate(detail.rubric), detail.options)

        if is_lead and detail.status not in ("awarded", "cancelled"):
            with st.expander(t("Cancel this procurement")), st.form("cancel"):
                reason = st.text_area(t("Reason for cancelling"))
                if st.form_submit_button(t("Cancel the procurement"), icon=":material/cancel:"):
                    with guarded():
                        award.cancel(db, who, detail.id, reason)
                        st.rerun()
