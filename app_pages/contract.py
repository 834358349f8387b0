"""Contract: the contract an award made — its value, term and exit readiness, each KPI with
its target, every month's measurement rated (Procurement Regulations 2024 reg. 39) on a chart
and in a table, the service credits owed, the modifications; the lead or a contract manager
records a measurement or imports a file of them."""

import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from procurement import formats, labels
from procurement.services import clock, contracts, performance
from procurement.ui import context
from procurement.ui.context import lang, t, tm
from procurement.ui.contract_charts import kpi_chart
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.widgets import choose, pick_procurement
from procurement.vocabulary import Rating, Role, Status

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

    def money(value: float) -> str:
        return formats.money(value, contract.currency, lang())

    def day(value: date | None) -> str:
        return formats.day(value, lang()) if value else "–"

    left, right = st.columns(2)
    left.metric(t("Value"), money(contract.value))
    right.metric(t("Monthly charge"), money(contract.period_charge))
    st.markdown(tm("**{term}:** {start} – {end}", term=t("Term"), start=day(contract.start_date),
                   end=day(contract.end_date)))
    received = contract.exit_plan_received
    if received is None and contract.exit_plan_due < clock.today():
        st.warning(t("The exit plan was due on {date} and has not been received.",
                     date=day(contract.exit_plan_due)), icon=":material/warning:")
    tested = (f"{day(contract.data_return_tested)} — {contract.data_return_result}"
              if contract.data_return_tested else t("not yet"))
    # The data-return result is what a user typed: plain text in a Markdown caption.
    st.caption(tm("Exit plan due {due}; received {received}. Data-return test: {tested}.",
                  due=day(contract.exit_plan_due), received=day(received), tested=tested))

    record = performance.performance(db, who, contract.id)
    st.subheader(t("Key performance indicators"))
    latest = {m.kpi: m for m in record.measurements}
    st.dataframe([{t("KPI"): n, t("Measure"): k.measure,
                   t("Baseline"): "–" if k.baseline is None else f"{k.baseline:g}",
                   t("Target"): f"{k.target:g}", t("Direction"): t(labels.DIRECTIONS[k.direction]),
                   t("Latest"): f"{latest[n].value:g} ({latest[n].period.isoformat()[:7]})"
                   if n in latest else "–",
                   t("Rating"): t(labels.RATINGS[Rating(latest[n].rating)]) if n in latest else "–"}
                  for n, k in record.kpis.items()], hide_index=True, width="stretch")
    if record.measurements:
        st.altair_chart(kpi_chart(record, lang()), width="stretch")
        owed = [(p, c) for p, c in sorted(record.periods.items()) if c.total > 0]
        st.subheader(t("Service credits"))
        if owed:
            st.dataframe([{t("Period"): p.isoformat()[:7], t("Service credit"): money(c.total),
                           t("Capped"): t("yes") if c.capped else t("no")} for p, c in owed],
                         hide_index=True)
        else:
            st.caption(t("No service credit is owed."))
    else:
        st.caption(t("No measurement recorded yet."))

    if contract.modifications:
        st.subheader(t("Modifications"))
        st.dataframe([{t("Decided"): day(m.decided_on), t("Value"): money(m.value_change),
                       t("Rationale"): m.rationale,
                       t("Finding"): "; ".join(f"{t(f['msgid'], **f['params'])} ({t(f['source'])})"
                                               for f in m.findings) or "–"}
                      for m in contract.modifications], hide_index=True, width="stretch")

    manager = who.role == Role.CONTRACT_MANAGER or who.username == summary.lead
    if manager:
        st.subheader(t("Record a measurement"))
        with st.form("measurement"):
            number = st.selectbox(t("KPI"), list(record.kpis),
                                  format_func=lambda n: f"{n}. {record.kpis[n].measure}")
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
