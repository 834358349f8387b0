"""Documents: the clause pack, the contract draft, the evaluation report and an assessment
summary for every bidder, in either language, from the shipped templates or the city's own
Word template (rendered in the same sandbox); PDF copies when LibreOffice is installed.

A prepared file belongs to one procurement, kind, language, template and state of the
record (the audit log's newest entry): it is offered only while all of them are the same."""

import hashlib
import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from procurement.documents.pdf import libreoffice, to_pdf
from procurement.i18n import Lang, Term, language_names
from procurement.services import audit_log, documents, dossier, procurements
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.feedback import guarded
from procurement.ui.letters import reasons_editor
from procurement.ui.signin import require_actor
from procurement.ui.widgets import pick_procurement

who = require_actor()
db = context.database()
st.title(t("Documents"))

picked = pick_procurement(who)
if picked is None:
    st.stop()
summary = picked
names = language_names()
choice = st.segmented_control(t("Language of the documents"), list(names), key="documents_lang",
                            default=context.lang(), format_func=lambda code: names[code],
                            required=True)
lang: Lang = "zh" if choice == "zh" else "en"
own = st.file_uploader(t("Your own Word template (optional)"), type=["docx"],
                       key="documents_template",
                       help=t("It is rendered in the same sandbox; variables it needs must exist"))
template = own.getvalue() if own else None
template_name = own.name if own else None
pdf = libreoffice() is not None and st.checkbox(t("Also a PDF copy (LibreOffice)"),
                                                key="documents_pdf")
PREPARED = "_prepared_documents"
revision = audit_log.revision(db)


def prepared_key(kind: str) -> tuple[object, ...]:
    """What a prepared file depends on; a file made under another key is never offered."""
    digest = hashlib.sha256(template).hexdigest() if template else None
    return (summary.id, kind, lang, revision, digest, pdf)


def prepared(kind: str) -> tuple[bytes, str, str] | None:
    found = st.session_state.get(PREPARED, {}).get(kind)
    return found[1] if found and found[0] == prepared_key(kind) else None


def keep(kind: str, value: tuple[bytes, str, str]) -> None:
    st.session_state.setdefault(PREPARED, {})[kind] = (prepared_key(kind), value)


def with_pdf(document: documents.Document) -> tuple[bytes, str, str]:
    """The document, or a zip of it and its PDF copy."""
    if not pdf:
        return document.content, document.name, (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    with tempfile.TemporaryDirectory() as folder:
        paths = documents.save([document], Path(folder))
        paths += to_pdf(paths, Path(folder))
        return _zip(paths), Path(document.name).stem + ".zip", "application/zip"


def _zip(paths: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in paths:
            zipped.write(path, path.name)
    return buffer.getvalue()


SINGLE = {
    "clause-pack": (t("Clause pack"), t("The contract clauses for the tender documents."),
                    documents.clause_pack),
    "contract": (t("Contract draft"), t("For the recommended bid."), documents.contract),
    "evaluation-report": (t("Evaluation report"),
                          t("The whole record: methodology, panel, every score, moderation, "
                            "ranking, sensitivity, flags, decisions and the audit chain."),
                          documents.evaluation_report),
}
why_not = documents.unavailable(db, who, summary.id)
for kind, (label, help_text, make) in SINGLE.items():
    left, right = st.columns([3, 2])
    left.markdown(f"**{label}** — {help_text}")
    if why_not[kind]:
        right.caption(t("Not yet: {reason}.", reason=Term(why_not[kind] or "")))
    elif right.button(t("Prepare: {document}", document=label), key=f"make_{kind}",
                      icon=":material/description:"):
        with guarded(), st.spinner(t("Preparing…")):
            document = make(db, who, summary.id, lang, template, template_name)
            keep(kind, with_pdf(document))
    ready = prepared(kind)
    if ready:
        content, file_name, mime = ready
        right.download_button(t("Download {file}", file=file_name), data=content,
                              file_name=file_name, mime=mime, key=f"download_{kind}",
                              icon=":material/download:")

summaries_label = t("Assessment summaries")
if why_not["evaluation-report"] is None:  # the lead and approvers, once the prices are open
    with guarded():
        reasons_editor(db, who, procurements.get_procurement(db, who, summary.id))
summaries_help = t("One for every bidder, with its scores, reasons and the standstill date.")
st.markdown(f"**{summaries_label}** — {summaries_help}")
if why_not["assessment-summary"]:
    st.caption(t("Not yet: {reason}.", reason=Term(why_not["assessment-summary"] or "")))
elif st.button(t("Prepare: {document}", document=summaries_label), icon=":material/folder_zip:"):
    bar = st.progress(0.0, text=t("Preparing…"))

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=t("{done} of {total} summaries", done=done, total=total))

    with guarded():
        made = documents.assessment_summaries(db, who, summary.id, lang, template, template_name,
                                              progress=progress)
        with tempfile.TemporaryDirectory() as folder:
            paths = documents.save(made, Path(folder))
            if pdf:
                paths += to_pdf(paths, Path(folder))
            keep("summaries", (_zip(paths),
                               f"{summary.reference}-assessment-summaries.{lang}.zip",
                               "application/zip"))
ready_zip = prepared("summaries")
if ready_zip:
    content, file_name, mime = ready_zip
    st.download_button(t("Download {file}", file=file_name), data=content,
                       file_name=file_name, mime=mime, icon=":material/download:",
                       key="download_summaries")

st.divider()
dossier_label = t("Award dossier")
st.markdown(f"**{dossier_label}** — " + t(
    "The methodology, the evaluation report, every assessment summary and the contract draft "
    "in both languages, the audit log, and a manifest of their SHA-256 with the audit chain's "
    "head: `procure dossier verify` shows later that nothing in it has changed."))
DOSSIER_KEY = "_prepared_dossier"
if why_not["assessment-summary"]:
    st.caption(t("Not yet: {reason}.", reason=Term(why_not["assessment-summary"] or "")))
elif st.button(t("Prepare: {document}", document=dossier_label), icon=":material/verified:",
               key="make_dossier"):
    with guarded(), st.spinner(t("Preparing…")), tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{summary.reference}-dossier.zip"
        built = dossier.build(db, who, summary.id, target)
        # Making it is audited: it stays on offer until anything else is recorded.
        st.session_state[DOSSIER_KEY] = ((summary.id, audit_log.revision(db)),
                                         (target.read_bytes(), target.name, built.head_hash))
found = st.session_state.get(DOSSIER_KEY)
if found and found[0] == (summary.id, audit_log.revision(db)):
    content, file_name, head = found[1]
    st.caption(t("Audit chain head: {hash}", hash=head))
    st.download_button(t("Download {file}", file=file_name), data=content, file_name=file_name,
                       mime="application/zip", icon=":material/download:",
                       key="download_dossier")
