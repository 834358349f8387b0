"""A procurement: its status and next step, the panel and declarations, the published
methodology, the contract terms, and cancellation."""

import streamlit as st

from procurement.domain.procurement import ALLOWED, Action
from procurement.domain.terms import REPORTING, parse_kpis, parse_list
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import award, lifecycle, panel, procurements, tasks, users
from procurement.services.panel import COI_NAMES
from procurement.ui import context
from procurement.ui.context import lang, t, tm
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import pick_procurement, show_methodology, status_label, step_text
from procurement.vocabulary import Status

who = require_actor()
db = context.database()
st.title(t("Procurement"))

# The lead's next step in each status: (button label, service).
NEXT = {
    Status.DRAFT: (t("Open the tender for bids"), lifecycle.open_for_bids),
    Status.OPEN: (t("Close the tender and start quality evaluation"),
             lifecycle.start_quality_evaluation),
    Status.QUALITY_EVALUATION: (t("Close quality evaluation"), lifecycle.close_quality_evaluation),
    Status.PRICE_OPENING: (t("Open the price envelopes and start moderation"),
                      lifecycle.start_moderation),
}

summary = pick_procurement(who)
if summary is not None:
    with guarded():
        detail = procurements.get_procurement(db, who, summary.id)
        rubric = detail.rubric
        names = {c.id: c.name.get(lang()) for c in rubric.criteria}
        st.markdown(f"### {plain(detail.reference)} · {plain(detail.title)}")
        st.markdown(tm("**Status:** {status} · **buyer:** {buyer} · **lead:** {lead} · "
                       "**bids:** {bids}", status=status_label(detail.status),
                       buyer=detail.buyer_name, lead=detail.lead_name, bids=detail.bid_count))
        if detail.description:
            st.markdown(plain(detail.description))
        is_lead = who.username == detail.lead
        seat = next((m for m in detail.panel if m.username == who.username), None)
        hint = tasks.next_step(detail.status, who.role, is_lead=is_lead,
                               coi=seat.coi if seat else None,
                               submitted=bool(seat and seat.submitted_at),
                               standstill_end=detail.standstill_end)
        st.info(tm("**Next step:** {hint}", hint=step_text(hint)),
                icon=":material/arrow_forward:")
        if detail.cancel_reason:
            st.warning(tm("Cancelled: {reason}", reason=detail.cancel_reason),
                       icon=":material/cancel:")
        if is_lead and detail.status in NEXT:
            label, step = NEXT[detail.status]
            if st.button(label, type="primary", icon=":material/arrow_forward:"):
                with guarded():
                    step(db, who, detail.id)
                    flash(t("Done: {step}", step=label))
                    st.rerun()

        st.subheader(t("Evaluation panel"))
        st.dataframe([{t("Evaluator"): m.display_name,
                       t("Criteria"): ", ".join(names.get(c, c) for c in m.criteria),
                       t("Conflict of interest"): t(COI_NAMES[m.coi]),
                       t("Reason"): m.coi_reason or "", t("Scored"): f"{m.scored}/{m.to_score}",
                       t("Submitted"): t("yes") if m.submitted_at else t("no")}
                      for m in detail.panel], hide_index=True, width="stretch")
        if is_lead and detail.status in ALLOWED[Action.CHANGE_PANEL]:
            seated = {m.username for m in detail.panel}
            candidates = {u.username: u.display_name for u in users.list_users(db)
                          if u.role == "evaluator" and u.username not in seated}
            with st.form("assign", clear_on_submit=True):
                chosen = st.multiselect(t("Add evaluators"), list(candidates),
                                        format_func=lambda u: f"{candidates[u]} ({u})",
                                        placeholder=t("Choose options"))
                if st.form_submit_button(t("Add to the panel")):
                    with guarded():
                        for username in chosen:
                            panel.assign_evaluator(db, who, detail.id, username)
                        flash(t("Added to the panel: {names}",
                                names=", ".join(candidates[u] for u in chosen)))
                        st.rerun()

        st.subheader(t("Published methodology"))
        show_methodology(rubric, detail.options, detail.jurisdiction)

        st.subheader(t("Contract terms"))
        terms = detail.contract_terms
        editable = is_lead and detail.status in ALLOWED[Action.CHANGE_METHODOLOGY]
        st.caption(t("Published with the tender in the clause pack; fixed once the tender opens."))
        with st.form("terms"):
            columns = st.columns(3)
            fixed = not editable
            values: dict[str, object] = {
                "initial_term_years": columns[0].number_input(
                    t("Initial term (years)"), 1, 10, terms.initial_term_years, disabled=fixed),
                "max_term_years": columns[1].number_input(
                    t("Maximum term (years)"), 1, 15, terms.max_term_years, disabled=fixed),
                "break_after_months": columns[2].number_input(
                    t("Break for convenience after (months)"), 0, 120, terms.break_after_months,
                    disabled=fixed),
                "exit_plan_months": columns[0].number_input(
                    t("Exit plan due within (months)"), 1, 24, terms.exit_plan_months,
                    disabled=fixed),
                "data_return_days": columns[1].number_input(
                    t("Data returned within (days)"), 1, 365, terms.data_return_days,
                    disabled=fixed),
                "payment_days": columns[2].number_input(
                    t("The city pays within (days)"), 1, 60, terms.payment_days, disabled=fixed),
                "sme_subcontract_target_percent": columns[0].number_input(
                    t("SME subcontracting target (%)"), 0, 100,
                    terms.sme_subcontract_target_percent, disabled=fixed),
                "service_credit_cap_percent": columns[1].number_input(
                    t("Service credits cap (percentage of monthly charges)"), 0.0, 100.0,
                    terms.service_credit_cap_percent, disabled=fixed),
                "gain_share_percent": columns[2].number_input(
                    t("City's share of innovation gains (%)"), 0.0, 100.0,
                    terms.gain_share_percent, disabled=fixed),
            }
            values["kpi_reporting"] = st.selectbox(
                t("KPI reporting"), ["monthly", "quarterly"],
                index=["monthly", "quarterly"].index(terms.kpi_reporting),
                format_func=lambda code: t(REPORTING[code]), disabled=fixed,
                key=f"terms_reporting_{lang()}")
            standards = st.text_input(t("Open standards required (separated by ;)"),
                                      "; ".join(terms.open_standards), disabled=fixed)
            formats_text = st.text_input(t("Open data formats (separated by ;)"),
                                         "; ".join(terms.data_formats), disabled=fixed)
            kpis = st.text_area(
                t("Outcome KPIs, one per line as measure: baseline -> target"),
                "\n".join(f"{k.measure}: {k.baseline} -> {k.target}" if k.baseline
                          else f"{k.measure}: {k.target}" for k in terms.kpis), disabled=fixed)
            values["involves_ai"] = st.checkbox(t("The service involves algorithms or AI"),
                                                terms.involves_ai, disabled=fixed)
            if st.form_submit_button(t("Save the contract terms"), disabled=fixed):
                with guarded():
                    try:
                        parsed = [k.model_dump() for k in parse_kpis(kpis)]
                    except ValueError as exc:
                        raise ProcurementError(N_("cannot read the KPI '{entry}': write measure: "
                                                  "baseline -> target"), entry=str(exc)) from exc
                    procurements.update_contract_terms(
                        db, who, detail.id, **values, kpis=parsed,
                        open_standards=parse_list(standards),
                        data_formats=parse_list(formats_text))
                    flash(t("Contract terms saved."))
                    st.rerun()

        if is_lead and not detail.status.final:
            with st.expander(t("Cancel this procurement")), st.form("cancel"):
                st.caption(t("Cancelling ends the procurement for every bidder; it cannot be "
                             "undone. The reason is recorded and shown to everyone."))
                reason = st.text_area(t("Reason for cancelling"))
                sure = st.checkbox(t("Yes, cancel {reference}", reference=detail.reference))
                if st.form_submit_button(t("Cancel the procurement"), icon=":material/cancel:"):
                    with guarded():
                        if not sure:
                            raise ProcurementError(N_("tick the box to confirm the cancellation"))
                        award.cancel(db, who, detail.id, reason)
                        flash(t("Procurement {reference} was cancelled.",
                                reference=detail.reference))
                        st.rerun()
