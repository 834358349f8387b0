"""Audit log: every change, filterable, with a button that verifies the hash chain and a
CSV download for the evaluation report."""

import tempfile
from pathlib import Path

import streamlit as st

from procurement.services import audit_log
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.feedback import guarded
from procurement.ui.widgets import pick_procurement

who = context.require_actor()
db = context.database()
st.title(t("Audit log"))

if st.button(t("Verify the chain"), icon=":material/verified_user:"):
    report = audit_log.verify_chain(db)
    if report.ok:
        st.success(t("The chain is intact: {count} entries, newest hash {hash}.",
                     count=report.entries, hash=report.head_hash), icon=":material/check_circle:")
    else:
        assert report.problem is not None
        msgid, params = report.problem
        st.error(t("The chain is broken at entry {seq}: {problem}", seq=report.first_bad,
                   problem=t(msgid, **params)), icon=":material/gpp_bad:")

summary = pick_procurement(who)
if summary is not None:
    with guarded():
        entries = audit_log.procurement_log(db, who, summary.id)
        search = st.text_input(t("Filter (user, action or entity contains…)"), key="audit_filter")
        actions = sorted({e.action for e in entries})
        chosen = st.multiselect(t("Actions"), actions, key="audit_actions")
        shown = [e for e in entries
                 if (not chosen or e.action in chosen)
                 and (not search or search.lower() in f"{e.actor} {e.action} {e.entity}".lower())]
        st.caption(t("{shown} of {total} entries", shown=len(shown), total=len(entries)))
        st.dataframe([{t("No."): e.seq, t("Time (UTC)"): e.at[:19].replace("T", " "),
                       t("User"): e.actor, t("Action"): e.action, t("Entity"): e.entity,
                       t("Before"): e.before or "", t("After"): e.after or "",
                       t("Hash"): e.hash[:12]} for e in shown],
                     hide_index=True, width="stretch")

        def csv_bytes(procurement_id: int = summary.id) -> bytes:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "audit.csv"
                audit_log.export_log(db, path, who, procurement_id)
                return path.read_bytes()

        st.download_button(t("Download the log (CSV)"), data=csv_bytes,
                           file_name=f"{summary.reference}-audit.csv", mime="text/csv",
                           icon=":material/download:")
