"""The contract page's benefits tab (ISO 37106 clause 7): each expected benefit with its
owner, baseline, target and date, planned against realised on a chart, beside the score the
evaluation gave the winner for "confidence in delivering the expected business benefits"
(Table 3 row 8) — so the city learns which evaluations predicted delivery."""

from __future__ import annotations

from datetime import date

import streamlit as st

from procurement import formats
from procurement.domain.views import BenefitView, ContractView
from procurement.services import benefits, clock
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.ui.context import lang, t
from procurement.ui.contract_charts import benefit_chart
from procurement.ui.feedback import flash, guarded


def show_benefits(db: Database, who: Actor, contract: ContractView, *, lead: bool,
                  manager: bool) -> None:
    found = benefits.benefits(db, who, contract.id)
    left, right = st.columns(2)
    if found.confidence is not None:
        left.metric(found.confidence.criterion["zh" if lang() == "zh" else "en"],
                    t("{score} of {max}", score=f"{found.confidence.score:g}",
                      max=f"{found.confidence.scale_max:g}"),
                    help=t("The winning bid's score when the award was decided."))
    on_plan = [b for b in found.benefits if b.measurements and _on_plan(b)]
    measured = [b for b in found.benefits if b.measurements]
    if measured:
        right.metric(t("Benefits on plan at their latest measurement"),
                     t("{count} of {total}", count=len(on_plan), total=len(measured)))
    if not found.benefits:
        st.caption(t("No expected benefit recorded yet."))
    else:
        st.dataframe([_row(b) for b in found.benefits], hide_index=True, width="stretch")
        if measured:
            st.altair_chart(benefit_chart(found.benefits, contract.start_date, lang()),
                            width="stretch")
    if manager and found.benefits:
        _measure_form(db, who, contract, found.benefits)
    if lead:
        _add_form(db, who, contract)


def _on_plan(benefit: BenefitView) -> bool:
    """At or past the plan's line at the latest measurement, in the benefit's direction."""
    last = benefit.measurements[-1]
    upwards = benefit.terms["target"] > benefit.terms["baseline"]
    return last.value >= last.planned if upwards else last.value <= last.planned


def _row(benefit: BenefitView) -> dict[str, object]:
    terms, last = benefit.terms, (benefit.measurements[-1] if benefit.measurements else None)
    return {t("Benefit"): f"{benefit.number}. {terms['description']}",
            t("Owner"): terms["owner"], t("Unit"): terms["unit"] or "–",
            t("Baseline"): f"{terms['baseline']:g}", t("Target"): f"{terms['target']:g}",
            t("Due"): formats.day(date.fromisoformat(terms["due"]), lang()),
            t("Latest"): f"{last.value:g} ({formats.day(last.measured_on, lang())})"
            if last else "–",
            t("Planned by then"): f"{last.planned:.4g}" if last else "–",
            t("Of the planned change"): f"{last.realised:.0%}" if last else "–"}


def _measure_form(db: Database, who: Actor, contract: ContractView,
                  found: list[BenefitView]) -> None:
    st.subheader(t("Record a benefit measurement"))
    with st.form("benefit_measurement"):
        number = st.selectbox(t("Benefit"), [b.number for b in found],
                              format_func=lambda n: f"{n}. {found[n - 1].terms['description']}")
        day = st.date_input(t("Measured on"), value=clock.today(), format="YYYY-MM-DD")
        value = st.number_input(t("Measured value"), value=None, format="%g",
                                key="benefit_value")
        evidence = st.text_input(t("Evidence (where the figure comes from)"),
                                 key="benefit_evidence")
        if st.form_submit_button(t("Record the benefit measurement"), type="primary"):
            with guarded():
                if value is None or not isinstance(day, date):
                    st.error(t("Give the value measured."))
                else:
                    seen = benefits.measure_benefit(db, who, contract.id, int(number), day,
                                                    float(value), evidence)
                    flash(t("Benefit {number}: {share} of the planned change.", number=number,
                            share=f"{seen.realised:.0%}"))
                    st.rerun()


def _add_form(db: Database, who: Actor, contract: ContractView) -> None:
    with st.expander(t("Add an expected benefit")), st.form("benefit_add", clear_on_submit=True):
        description = st.text_input(t("What should change"))
        owner = st.text_input(t("Owner"))
        unit = st.text_input(t("Unit"))
        baseline = st.number_input(t("Baseline"), value=None, format="%g")
        target = st.number_input(t("Target"), value=None, format="%g")
        due = st.date_input(t("Due"), value=None, format="YYYY-MM-DD")
        if st.form_submit_button(t("Add the benefit")):
            with guarded():
                if baseline is None or target is None or not isinstance(due, date):
                    st.error(t("Give the baseline, the target and the date it is due."))
                else:
                    added = benefits.add_benefit(db, who, contract.id, {
                        "description": description, "owner": owner, "unit": unit,
                        "baseline": baseline, "target": target, "due": due.isoformat()})
                    flash(t("Benefit {number} added.", number=added.number))
                    st.rerun()
