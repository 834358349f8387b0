"""The reasons the letters to bidders give, on the Documents page: every bid and scored
criterion with its reason in English and in Chinese (released by the lead, or the consensus
reason), the evaluators' own notes beside them for reference, and what is still missing."""

from __future__ import annotations

import streamlit as st

from procurement.domain.procurement import ALLOWED, Action
from procurement.domain.views import ProcurementDetail
from procurement.services import reasons, scoring
from procurement.services.actors import Actor
from procurement.store.db import Database
from procurement.tables.reasons import ReleasedRow
from procurement.ui.context import lang, t
from procurement.ui.feedback import flash, guarded

_EN, _ZH = "en", "zh"


def reasons_editor(db: Database, who: Actor, detail: ProcurementDetail) -> None:
    """The table of reasons; the lead edits and releases it while the status allows."""
    table = reasons.letter_table(db, who, detail.id)
    if not table:
        return
    names = {c.id: c.name.get(lang()) for c in detail.rubric.criteria}
    released = {(r.bid_ref, r.criterion): r for r in reasons.released_reasons(db, who, detail.id)}
    notes: dict[tuple[str, str], list[str]] = {}
    for score in scoring.panel_scores(db, who, detail.id):
        notes.setdefault((score.bid_ref, score.criterion), []).append(score.rationale)
    missing = sum((r.en is None) + (r.zh is None) for r in table)
    label = t("Reasons the letters give ({count} missing)", count=missing) if missing \
        else t("Reasons the letters give (all given)")
    with st.expander(label, icon=":material/rate_review:", expanded=bool(missing)):
        st.caption(t("A letter gives, per criterion, the reason released here in its language, "
                     "else the consensus reason; never an evaluator's own note. A missing "
                     "reason shows as – in the letter."))
        rows = [{"bid": r.bid, "criterion": names.get(r.criterion, r.criterion),
                 _EN: r.en or "", _ZH: r.zh or "",
                 "notes": " | ".join(notes.get((r.bid, r.criterion), []))} for r in table]
        editable = who.username == detail.lead and detail.status in ALLOWED[Action.RELEASE_REASONS]
        edited = st.data_editor(
            rows, key=f"reasons_{detail.id}", hide_index=True, width="stretch",
            disabled=["bid", "criterion", "notes"] if editable else True,
            column_config={"bid": t("Bid"),
                           "criterion": st.column_config.TextColumn(t("Criterion"), width="medium"),
                           _EN: st.column_config.TextColumn(t("English"), width="large"),
                           _ZH: st.column_config.TextColumn(t("Chinese"), width="large"),
                           "notes": st.column_config.TextColumn(
                               t("Evaluators' notes (internal)"), width="medium")})
        if not editable:
            return
        changed = [(cell, row) for cell, original, row in zip(table, rows, edited, strict=True)
                   if (row[_EN] or "") != original[_EN] or (row[_ZH] or "") != original[_ZH]]
        if st.button(t("Release the changed reasons"), disabled=not changed,
                     icon=":material/send:", key="release_reasons"):
            with guarded():
                reasons.release_all(db, who, detail.id, [
                    (ReleasedRow(cell.bid, cell.criterion, row[_EN], row[_ZH]),
                     seen.version if (seen := released.get((cell.bid, cell.criterion))) else None)
                    for cell, row in changed])
                flash(t("Released {count} reasons.", count=len(changed)))
                st.rerun()
