"""Contract: the contract an award made — its value and term, then in tabs its performance
(each KPI rated per month, Procurement Regulations 2024 reg. 39, and the service credits
owed), the benefits it is to realise beside the evaluation's confidence in them, its
milestones and payments, its changes, exit readiness, and the contract performance notice
and acceptance report for a period. The lead or a contract manager
records what happens; only the lead changes the contract."""

from datetime import date

import streamlit as st

from procurement import formats
from procurement.services import clock, contracts
from procurement.ui import context
from procurement.ui.context import lang, t, tm
from procurement.ui.contract_benefits import show_benefits
from procurement.ui.contract_documents import contract_document_buttons
from procurement.ui.contract_performance import show_performance
from procurement.ui.contract_record import show_changes, show_exit, show_milestones_and_payments
from procurement.ui.feedback import guarded
from procurement.ui.signin import require_actor
from procurement.ui.widgets import choose, pick_procurement
from procurement.vocabulary import Role, Status

who = require_actor()
db = context.database()
st.title(t("Contract"))

summary = pick_procurement(who, statuses=(Status.AWARDED,), key="contract_picker")
if summary is None:
    st.stop()
with guarded():
    found = contracts.contracts_of(db, who, summary.id)
    if not found:
        st.info(t("No contract yet: a contract is opened when the award is made."))
        st.stop()
    chosen = choose(t("Contract"), [c.id for c in found], key="contract_choice",
                    format_func=lambda i: next(f"{c.lot} · {c.supplier}" for c in found
                                               if c.id == i))
    contract = next(c for c in found if c.id == chosen)

    def day(value: date | None) -> str:
        return formats.day(value, lang()) if value else "–"

    left, right = st.columns(2)
    left.metric(t("Value"), formats.money(contract.value, contract.currency, lang()))
    right.metric(t("Monthly charge"), formats.money(contract.period_charge, contract.currency,
                                                    lang()))
    st.markdown(tm("**{term}:** {start} – {end}", term=t("Term"), start=day(contract.start_date),
                   end=day(contract.end_date)))
    if contract.exit_plan_received is None and contract.exit_plan_due < clock.today():
        st.warning(t("The exit plan was due on {date} and has not been received.",
                     date=day(contract.exit_plan_due)), icon=":material/warning:")
    lead = who.username == summary.lead
    manager = who.role == Role.CONTRACT_MANAGER or lead
    performance_tab, benefits_tab, dates_tab, changes_tab, exit_tab, documents_tab = st.tabs([
        t("Key performance indicators"), t("Benefits"), t("Milestones and payments"),
        t("Changes"), t("Exit readiness"), t("Notices and acceptance")])
    with performance_tab:
        show_performance(db, who, contract, manager)
    with benefits_tab:
        show_benefits(db, who, contract, lead=lead, manager=manager)
    with dates_tab:
        show_milestones_and_payments(db, who, contract, manager)
    with changes_tab:
        show_changes(db, who, contract, lead)
    with exit_tab:
        show_exit(db, who, contract, manager)
    with documents_tab:
        if manager:
            contract_document_buttons(db, who, contract, lang())
        else:
            st.caption(t("The procurement's lead or a contract manager prepares the contract "
                         "performance notice and the acceptance report."))
