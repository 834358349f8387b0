"""Bids: import a CSV/XLSX with a column-mapping step and a preview that shows every row's
errors; correct bids in a data editor; the price envelopes stay hidden until quality
scoring is closed."""

import streamlit as st

from procurement.errors import InputError
from procurement.rubric import Rubric
from procurement.services import bids, procurements
from procurement.services.access import PRICES_OPEN
from procurement.services.bids import ANSWER_PREFIX, OPTIONAL_COLUMNS
from procurement.store.db import Database
from procurement.tables.bids import ID_COLUMNS, TCO_COLUMNS, validate_bids
from procurement.tables.read import Table, read_table_bytes
from procurement.ui import context
from procurement.ui.context import lang, t
from procurement.ui.feedback import flash, guarded
from procurement.ui.widgets import pick_procurement

NONE = "—"

who = context.require_actor()
db: Database = context.database()
st.title(t("Bids"))

summary = pick_procurement(who)
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    rubric = Rubric.model_validate(detail.rubric)
    cost = rubric.cost
    targets = ["bid_id", "supplier", "sme", *(g.id for g in rubric.gates)]
    if cost is not None:
        targets += ["price"] if cost.basis == "price" else list(TCO_COLUMNS)
    optional = ["sme", *OPTIONAL_COLUMNS]

    if detail.status == "open" and who.username == detail.lead:
        st.subheader(t("Import bids"))
        # A new key after each import empties the uploader, so a file is not imported twice.
        round_ = st.session_state.setdefault("bids_upload_round", 0)
        upload = st.file_uploader(t("Bids table (CSV or XLSX)"), type=["csv", "xlsx", "txt"],
                                  key=f"bids_upload_{round_}")
        if upload is not None:
            table = read_table_bytes(upload.getvalue(), upload.name,
                                     text_columns=ID_COLUMNS | set(OPTIONAL_COLUMNS),
                                     workbook=upload.name.lower().endswith(".xlsx"))
            st.markdown(t("**Map the file's columns** (matched by name where possible)"))
            columns = st.columns(3)
            mapping = {}
            for i, target in enumerate(targets + list(OPTIONAL_COLUMNS)):
                if target in mapping:
                    continue
                choices = [NONE, *table.names]
                mapping[target] = columns[i % 3].selectbox(
                    target + ("" if target not in optional else t(" (optional)")), choices,
                    index=choices.index(target) if target in table.names else 0,
                    key=f"map_{target}")
            answers = [n for n in table.names if n.startswith(ANSWER_PREFIX)]
            mapped = Table(upload.name, {target: table.column(source)
                                         for target, source in mapping.items() if source != NONE}
                           | {name: table.column(name) for name in answers},
                           table.rows, table.delimiter)
            problems_by_row: dict[int | None, list[str]] = {}
            try:
                validate_bids(mapped, rubric, scores_from_panel=True)
            except InputError as exc:
                for problem in exc.problems:
                    problems_by_row.setdefault(problem.row, []).append(problem.render(lang()))
            general = problems_by_row.pop(None, []) + problems_by_row.pop(1, [])
            for line in general:
                st.error(line, icon=":material/error:")
            preview = [{t("Row"): int(row), t("Errors"): " · ".join(problems_by_row.get(int(row), []))
                        or "✓", **{name: mapped.column(name)[i].as_py() for name in mapped.names}}
                       for i, row in enumerate(mapped.rows)]
            st.dataframe(preview, hide_index=True, width="stretch")
            bad = sum(1 for p in preview if p[t("Errors")] != "✓") + len(general)
            if bad:
                st.warning(t("{count} problem(s): correct the file or the mapping; nothing is "
                             "imported until every row is valid.", count=bad),
                           icon=":material/warning:")
            elif st.button(t("Import {count} bids", count=len(preview)), type="primary",
                           icon=":material/upload:"):
                with guarded():
                    records = [{name: mapped.column(name)[i].as_py() for name in mapped.names}
                               for i in range(len(mapped))]
                    count = bids.add_bids(db, who, detail.id, records)
                    st.session_state["bids_upload_round"] = round_ + 1
                    flash(t("Imported {count} bids.", count=count))
                    st.rerun()

    st.subheader(t("Received bids"))
    received = bids.list_bids(db, who, detail.id)
    if not received:
        st.caption(t("No bids yet."))
    else:
        gate_ids = [g.id for g in rubric.gates]
        rows = [{"bid": b.bid_ref, t("Supplier"): b.supplier_name,
                 t("Identifier"): b.supplier_identifier, t("SME"): b.sme,
                 **{g: bool(b.gates.get(g)) for g in gate_ids}, t("Lot"): b.lot or ""}
                for b in received]
        editable = detail.status == "open" and who.username == detail.lead
        edited = st.data_editor(rows, key=f"bids_editor_{detail.id}", hide_index=True,
                                width="stretch", disabled=not editable or ["bid", t("Lot")])
        if editable and edited != rows and st.button(t("Save corrections"), icon=":material/save:"):
            with guarded():
                for before, after in zip(rows, edited, strict=True):
                    if before != after:
                        bids.update_bid(db, who, detail.id, str(before["bid"]),
                                        supplier_name=str(after[t("Supplier")]),
                                        supplier_identifier=str(after[t("Identifier")]),
                                        sme=bool(after[t("SME")]),
                                        gates={g: bool(after[g]) for g in gate_ids})
                st.rerun()

    st.subheader(t("Price envelopes"))
    if detail.status in PRICES_OPEN:
        st.dataframe([e.model_dump() for e in bids.read_envelopes(db, who, detail.id)],
                     hide_index=True, width="stretch")
    else:
        st.info(t("Sealed until quality scoring is closed (two-envelope procedure)."),
                icon=":material/lock:")
