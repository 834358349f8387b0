"""Audit log: every change, filterable, with a button that verifies the hash chain and a
CSV download for the evaluation report. An entry about a record the reader may not see yet
(scores during scoring, for the audit office) shows who did what and when, not the content."""

import tempfile
from pathlib import Path

import streamlit as st

from procurement import labels
from procurement.services import audit_log
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.feedback import guarded
from procurement.ui.signin import require_actor
from procurement.ui.widgets import choose_many, pick_procurement

who = require_actor()
db = context.database()
st.title(t("Audit log"))


def action_name(action: str) -> str:
    return t(labels.AUDIT_ACTIONS[action]) if action in labels.AUDIT_ACTIONS else action


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
        actions = sorted({e.action for e in entries}, key=action_name)
        chosen = choose_many(t("Actions"), actions, key="audit_actions", format_func=action_name)
        shown = [e for e in entries
                 if (not chosen or e.action in chosen)
                 and (not search or search.lower() in
                      f"{e.actor} {e.action} {action_name(e.action)} {e.entity}".lower())]
        withheld = sum(1 for e in entries if e.withheld)
        st.caption(t("{shown} of {total} entries", shown=len(shown), total=len(entries)))
        if withheld:
            st.info(t("The content of {count} entries is withheld from you until you may read "
                      "the records they describe (scores and bids until the award, for "
                      "instance); their hashes are shown, so the chain still verifies.",
                      count=withheld), icon=":material/visibility_off:")
        hidden = t("(withheld)")
        st.dataframe([{t("No."): e.seq, t("Time (UTC)"): e.at[:19].replace("T", " "),
                       t("User"): e.actor, t("Action"): action_name(e.action),
                       t("Entity"): e.entity,
                       t("Before"): hidden if e.withheld else e.before or "",
                       t("After"): hidden if e.withheld else e.after or "",
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
