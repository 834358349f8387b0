"""The contract page's record tabs: the milestones (start, exit plan, break, annual reviews,
end) and the payments made; the changes — what the contract buys, a KPI refined before the
start (with its reason, the bid's commitment beside it), a modification checked against the
law's limits; and exit readiness (the exit plan received, a data-return test)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from procurement import formats, labels
from procurement.contracts.exit import exit_cost_excess
from procurement.domain.views import ContractView
from procurement.services import clock, contracts, payments
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.ui.context import lang, t
from procurement.ui.feedback import flash, guarded
from procurement.vocabulary import ContractKind, Milestone


def money(contract: ContractView, value: float) -> str:
    return formats.money(value, contract.currency, lang())


def day(value: date | None) -> str:
    return formats.day(value, lang()) if value else "–"


def show_milestones_and_payments(db: Database, who: Actor, contract: ContractView,
                                 manager: bool) -> None:
    st.dataframe([{t("Milestone"): t(labels.MILESTONES[Milestone(m.kind)])
                   + (f" {m.number}" if m.number else ""),
                   t("Due"): day(m.due), t("Met"): day(m.met)} for m in contract.milestones],
                 hide_index=True, width="stretch")
    if manager:
        with st.expander(t("Record a contract review")), st.form("review", clear_on_submit=True):
            held = st.date_input(t("Held on"), value=clock.today(), format="YYYY-MM-DD")
            summary = st.text_area(t("What the review found"), key="review_summary")
            if st.form_submit_button(t("Record the review")):
                with guarded():
                    if isinstance(held, date):
                        contracts.record_review(db, who, contract.id, held, summary)
                        flash(t("Review recorded."))
                        st.rerun()
    st.subheader(t("Payments"))
    if contract.payments:
        st.dataframe([{t("Paid on"): day(p.paid_on), t("Amount"): money(contract, p.amount),
                       t("Description"): p.description, t("Recorded by"): p.recorded_by}
                      for p in contract.payments], hide_index=True, width="stretch")
        paid = sum(p.amount for p in contract.payments)
        changed = sum(m.value_change for m in contract.modifications)
        st.caption(t("Paid {paid} of {value} (the contract's value with its modifications).",
                     paid=money(contract, paid), value=money(contract, contract.value + changed)))
    else:
        st.caption(t("No payment recorded yet."))
    if manager:
        with st.form("payment", clear_on_submit=True):
            paid_on = st.date_input(t("Paid on"), value=clock.today(), format="YYYY-MM-DD")
            amount = st.number_input(t("Amount"), value=None, min_value=0.0, format="%.2f",
                                     key="payment_amount")
            description = st.text_input(t("Description (e.g. the invoice it pays)"),
                                        key="payment_description")
            if st.form_submit_button(t("Record the payment")):
                with guarded():
                    if amount is None or not isinstance(paid_on, date):
                        st.error(t("Give the date and the amount paid."))
                    else:
                        payments.record_payment(db, who, contract.id, paid_on, float(amount),
                                                description)
                        flash(t("Payment recorded."))
                        st.rerun()


def show_changes(db: Database, who: Actor, contract: ContractView, lead: bool) -> None:
    st.markdown(t("The contract is for **{kind}**.",
                  kind=t(labels.CONTRACT_KINDS[ContractKind(contract.kind)])))
    if contract.modifications:
        st.dataframe([{t("Decided"): day(m.decided_on), t("Value"): money(contract, m.value_change),
                       t("Rationale"): m.rationale,
                       t("Finding"): "; ".join(f"{t(f['msgid'], **f['params'])} ({t(f['source'])})"
                                               for f in m.findings) or "–"}
                      for m in contract.modifications], hide_index=True, width="stretch")
    else:
        st.caption(t("No modification recorded."))
    if not lead:
        return
    kinds = list(ContractKind)
    with st.form("contract_kind"):
        chosen = st.radio(t("What the contract buys"), kinds, index=kinds.index(
            ContractKind(contract.kind)), format_func=lambda k: t(labels.CONTRACT_KINDS[k]),
            horizontal=True)
        if st.form_submit_button(t("Save the kind")):
            with guarded():
                contracts.set_kind(db, who, contract.id, ContractKind(chosen),
                                   expected_version=contract.version)
                flash(t("Saved."))
                st.rerun()
    st.subheader(t("Record a modification"))
    with st.form("modification", clear_on_submit=True):
        change = st.number_input(t("Change to the value (negative for a reduction)"),
                                 value=None, format="%.2f", key="modification_value")
        rationale = st.text_area(t("Rationale"), key="modification_rationale")
        decided = st.date_input(t("Decided on"), value=clock.today(), format="YYYY-MM-DD")
        if st.form_submit_button(t("Record the modification")):
            with guarded():
                if change is None or not isinstance(decided, date):
                    st.error(t("Give the change to the value and the date it was decided."))
                else:
                    done = contracts.modify(db, who, contract.id, float(change), rationale,
                                            decided)
                    flash(t("Modification recorded.") + "".join(
                        f" {t(f['msgid'], **f['params'])}" for f in done.findings))
                    st.rerun()
    if clock.today() < contract.start_date:
        _refine_form(db, who, contract)


def _refine_form(db: Database, who: Actor, contract: ContractView) -> None:
    st.subheader(t("Refine a KPI before the contract starts"))
    numbers = [k.number for k in contract.kpis]
    with st.form("refine"):
        number = st.selectbox(t("KPI"), numbers, format_func=lambda n: (
            f"{n}. {contract.kpis[numbers.index(n)].terms['measure']}"))
        target = st.number_input(t("Target"), value=None, format="%g")
        method = st.text_input(t("Measurement method"))
        reason = st.text_input(t("Reason for the change"))
        if st.form_submit_button(t("Refine the KPI")):
            with guarded():
                kpi = contract.kpis[numbers.index(number)]
                changes = {k: v for k, v in (("target", target), ("method", method.strip()))
                           if v not in (None, "")}
                contracts.refine_kpi(db, who, contract.id, int(number), changes, reason,
                                     expected_version=kpi.version)
                flash(t("KPI {kpi} refined.", kpi=number))
                st.rerun()


def show_exit(db: Database, who: Actor, contract: ContractView, manager: bool) -> None:
    received = contract.exit_plan_received  # overdue: the page warns above the tabs
    st.dataframe([
        {t("Exit readiness"): t("Exit plan"), t("Due"): day(contract.exit_plan_due),
         t("Done"): day(received), t("Result"): "–"},
        {t("Exit readiness"): t("Data-return test"), t("Due"): "–",
         t("Done"): day(contract.data_return_tested),
         t("Result"): contract.data_return_result or "–"},
        {t("Exit readiness"): t("Exit cost in the bid (the contract's cap)"), t("Due"): "–",
         t("Done"): "–", t("Result"): money(contract, contract.exit_cost)
         if contract.exit_cost is not None else "–"},
        {t("Exit readiness"): t("Exit cost by the latest exit plan"), t("Due"): "–",
         t("Done"): "–", t("Result"): money(contract, contract.exit_cost_estimate)
         if contract.exit_cost_estimate is not None else "–"}],
        hide_index=True, width="stretch")
    excess = exit_cost_excess(contract.exit_cost, contract.exit_cost_estimate)
    if excess is not None:
        st.warning(t("Leaving now would cost {excess} more than the bid's exit cost, which the "
                     "evaluation counted in the total cost of ownership and the contract caps "
                     "exit charges at: ask the supplier to revise the exit plan.",
                     excess=money(contract, excess)), icon=":material/warning:")
    if not manager:
        return
    with st.form("exit"):
        plan = st.date_input(t("Exit plan received on"), value=None, format="YYYY-MM-DD")
        tested = st.date_input(t("Data-return test done on"), value=None, format="YYYY-MM-DD")
        result = st.text_input(t("What the data-return test showed"))
        estimate = st.number_input(t("Exit cost by the latest exit plan"), value=None,
                                   min_value=0.0, format="%.2f", key="exit_cost_estimate")
        if st.form_submit_button(t("Record exit readiness")):
            with guarded():
                contracts.record_exit(db, who, contract.id,
                                      plan_received=plan if isinstance(plan, date) else None,
                                      data_return_tested=tested if isinstance(tested, date)
                                      else None, result=result,
                                      exit_cost_estimate=estimate)
                flash(t("Exit readiness recorded."))
                st.rerun()
