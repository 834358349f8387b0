"""The contract page's performance tab: each KPI with its target and latest rating, a chart
of every month rated (Procurement Regulations 2024 reg. 39), the service credits owed, and —
for the lead or a contract manager — a measurement form and a file import."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from procurement import formats, labels
from procurement.contracts.kpis import ContractKpi
from procurement.domain.views import ContractView
from procurement.services import performance
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.ui.context import lang, t
from procurement.ui.contract_charts import kpi_chart
from procurement.ui.feedback import flash, guarded
from procurement.vocabulary import Rating


def show_performance(db: Database, who: Actor, contract: ContractView, manager: bool) -> None:
    record = performance.performance(db, who, contract.id)
    latest = {m.kpi: m for m in record.measurements}
    # The bid's commitment stays beside the terms the lead refined from it.
    committed = {k.number: k.committed for k in contract.kpis}
    st.dataframe([{t("KPI"): n, t("Measure"): k.measure,
                   t("Baseline"): "–" if k.baseline is None else f"{k.baseline:g}",
                   t("Target"): f"{k.target:g}",
                   t("The bid's commitment"): _commitment(committed.get(n, {})),
                   t("Direction"): t(labels.DIRECTIONS[k.direction]),
                   t("Latest"): f"{latest[n].value:g} ({latest[n].period.isoformat()[:7]})"
                   if n in latest else "–",
                   t("Rating"): t(labels.RATINGS[Rating(latest[n].rating)]) if n in latest else "–"}
                  for n, k in record.kpis.items()], hide_index=True, width="stretch")
    if record.measurements:
        st.altair_chart(kpi_chart(record, lang()), width="stretch")
        owed = [(p, c) for p, c in sorted(record.periods.items()) if c.total > 0]
        st.subheader(t("Service credits"))
        if owed:
            st.dataframe([{t("Period"): p.isoformat()[:7],
                           t("Service credit"): formats.money(c.total, contract.currency, lang()),
                           t("Capped"): t("yes") if c.capped else t("no")} for p, c in owed],
                         hide_index=True)
        else:
            st.caption(t("No service credit is owed."))
    else:
        st.caption(t("No measurement recorded yet."))
    if manager:
        _record_form(db, who, contract, record.kpis)


def _commitment(kpi: dict[str, str]) -> str:
    if not kpi:
        return "–"
    return f"{kpi['baseline']} → {kpi['target']}" if kpi.get("baseline") else kpi["target"]


def _record_form(db: Database, who: Actor, contract: ContractView,
                 kpis: dict[int, ContractKpi]) -> None:
    st.subheader(t("Record a measurement"))
    with st.form("measurement"):
        number = st.selectbox(t("KPI"), list(kpis),
                              format_func=lambda n: f"{n}. {kpis[n].measure}")
        period = st.text_input(t("Month (YYYY-MM)"))
        value = st.number_input(t("Measured value"), value=None, format="%g")
        evidence = st.text_input(t("Evidence (how it was measured)"))
        if st.form_submit_button(t("Record the measurement"), type="primary"):
            with guarded():
                if value is None:
                    st.error(t("Give the value measured."))
                else:
                    seen = performance.record(db, who, contract.id, int(number), period,
                                              float(value), evidence)
                    flash(t("Recorded KPI {kpi} for {period}: {rating}.", kpi=seen.kpi,
                            period=seen.period.isoformat()[:7],
                            rating=t(labels.RATINGS[Rating(seen.rating)])))
                    st.rerun()
    upload = st.file_uploader(t("Import measurements (CSV or XLSX: kpi, period, value, "
                                "evidence)"), type=["csv", "xlsx"], key="measurements_file")
    if upload is not None and st.button(t("Import the measurements"), key="import_kpis"):
        with guarded(), tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / upload.name
            path.write_bytes(upload.getvalue())
            count = performance.import_measurements(db, who, contract.id, path)
            flash(t("Imported {count} measurements.", count=count))
            st.rerun()
