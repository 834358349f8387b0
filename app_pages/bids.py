"""Bids: import a CSV/XLSX with a column-mapping step and a preview that shows every row's
errors; correct bids in a data editor; the price envelopes stay hidden until quality
scoring is closed."""

import streamlit as st

from procurement import formats
from procurement.errors import InputError
from procurement.scoring.inputs import TCO_COLUMNS
from procurement.services import bids, procurements
from procurement.services.access import PRICES_OPEN
from procurement.services.bids import ANSWER_PREFIX, OPTIONAL_COLUMNS
from procurement.store.db import Database
from procurement.tables.bids import ID_COLUMNS, validate_bids
from procurement.tables.read import Table, read_table_bytes
from procurement.ui import context
from procurement.ui.context import lang, t, tm
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import pick_procurement
from procurement.vocabulary import Status

NONE = "—"


def _cell(value: object) -> object:
    """A preview cell: an empty one shows as empty, never as "None"."""
    return "" if value is None else value


who = require_actor()
db: Database = context.database()
st.title(t("Bids"))

summary = pick_procurement(who)
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    rubric = detail.rubric
    cost = rubric.cost
    targets = ["bid_id", "supplier", "sme", *(g.id for g in rubric.gates)]
    if cost is not None:
        targets += ["price"] if cost.basis == "price" else list(TCO_COLUMNS)
    optional = ["sme", *OPTIONAL_COLUMNS]

    if detail.status == Status.OPEN and who.username == detail.lead:
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
                st.error(plain(line), icon=":material/error:")
            preview = [{t("Row"): int(row),
                        t("Errors"): str(len(problems_by_row.get(int(row), []))) if
                        problems_by_row.get(int(row)) else "✓", **{name: _cell(mapped.column(name)[i].as_py())
                                   for name in mapped.names}}
                       for i, row in enumerate(mapped.rows)]
            st.dataframe(preview, hide_index=True, width="stretch")
            bad = sum(len(lines) for lines in problems_by_row.values()) + len(general)
            if bad:
                st.warning(t("{count} problem(s) in {rows} row(s): correct the file or the "
                             "mapping; nothing is imported until every row is valid.",
                             count=bad, rows=sum(1 for lines in problems_by_row.values() if lines)),
                           icon=":material/warning:")
                # Every problem whole, row by row (a table cell would cut them short).
                for row_number in sorted(r for r in problems_by_row if r is not None):
                    st.markdown(tm("**Row {row}**", row=row_number) + "\n" + "\n".join(
                        f"- {plain(line)}" for line in problems_by_row[row_number]))
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
        # Column keys stay the same in both languages (only their labels change), so that a
        # change of language keeps the edits not yet saved.
        rows = [{"bid": b.bid_ref, "supplier": b.supplier_name,
                 "identifier": b.supplier_identifier, "sme": b.sme,
                 **{g: bool(b.gates.get(g)) for g in gate_ids}, "lot": b.lot or ""}
                for b in received]
        editable = detail.status == Status.OPEN and who.username == detail.lead
        config = {"bid": st.column_config.TextColumn(t("Bid")),
                  "supplier": st.column_config.TextColumn(t("Supplier")),
                  "identifier": st.column_config.TextColumn(t("Identifier")),
                  "sme": st.column_config.CheckboxColumn(t("SME")),
                  "lot": st.column_config.TextColumn(t("Lot")),
                  **{g.id: st.column_config.CheckboxColumn(g.name.get(lang()))
                     for g in rubric.gates}}
        edited = st.data_editor(rows, key=f"bids_editor_{detail.id}", hide_index=True,
                                width="stretch", column_config=config, placeholder="–",
                                disabled=not editable or ["bid", "lot"])
        if editable and edited != rows and st.button(t("Save corrections"), icon=":material/save:"):
            with guarded():
                for before, after in zip(rows, edited, strict=True):
                    if before != after:
                        bids.update_bid(db, who, detail.id, str(before["bid"]),
                                        supplier_name=str(after["supplier"] or ""),
                                        supplier_identifier=str(after["identifier"] or ""),
                                        sme=bool(after["sme"]),
                                        gates={g: bool(after[g]) for g in gate_ids})
                flash(t("Corrections saved."))
                st.rerun()

    st.subheader(t("Price envelopes"))
    if detail.status in PRICES_OPEN:
        currency = detail.contract_terms.currency
        envelopes = bids.read_envelopes(db, who, detail.id)
        fields = {"price": t("Price"), "capex": t("Capital cost"),
                  "opex_per_year": t("Operating cost per year"), "exit_cost": t("Exit cost")}
        shown = [f for f in fields if any(getattr(e, f) is not None for e in envelopes)]
        st.dataframe([{t("Bid"): e.bid_ref,
                       **{fields[f]: formats.money(getattr(e, f), currency, lang()) for f in shown},
                       **({t("Term (years)"): formats.number(e.term_years, lang(), 0)}
                          if any(x.term_years is not None for x in envelopes) else {})}
                      for e in envelopes], hide_index=True, width="stretch")
    else:
        st.info(t("Sealed until quality scoring is closed (two-envelope procedure)."),
                icon=":material/lock:")
