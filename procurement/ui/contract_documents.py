"""The documents of a running contract on its page: the contract performance notice and the
acceptance report for a period of whole months chosen by the user, each prepared on request
(making one is audited) and then offered for download. The document the contract's law asks
for comes first. Names and roles typed here reach the document as plain data.

    from procurement.ui.contract_documents import contract_document_buttons
    contract_document_buttons(db, who, view, lang())
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from dateutil.relativedelta import relativedelta

from procurement import labels
from procurement.domain.views import ContractView
from procurement.errors import OptionError
from procurement.i18n import N_, Lang, tr
from procurement.services import audit_log, clock, contract_documents
from procurement.services.actors import Actor
from procurement.services.documents import Document
from procurement.store.db import Database
from procurement.ui.feedback import guarded
from procurement.vocabulary import DocumentKind

_KEY = "_prepared_contract_documents"
_PERIOD = N_("Period")
_TEAM = N_("Acceptance team, one member a line: Name (role)")
_ACCEPTED_ON = N_("Accepted on")
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HELP = {DocumentKind.PERFORMANCE_NOTICE: N_(
             "Each KPI rated for the period (a period of several months by its worst month) "
             "and the service credits owed (UK9, Procurement Regulations 2024 reg. 39)."),
         DocumentKind.ACCEPTANCE: N_(
             "Each KPI and milestone due in the period against its requirement, with its "
             "evidence and result, and signature lines for the acceptance team (Government "
             "Procurement Law art. 41).")}


def months_of(view: ContractView, today: date) -> list[str]:
    """The months that can be reported: from the start to the last full month (at most the
    end), newest last."""
    last = min(view.end_date, today.replace(day=1) - relativedelta(days=1)).replace(day=1)
    found, month = [], view.start_date.replace(day=1)
    while month <= last:
        found.append(month.isoformat()[:7])
        month += relativedelta(months=1)
    return found


def contract_document_buttons(db: Database, who: Actor, view: ContractView,
                              lang: Lang) -> None:
    """The period, then for each document a button to prepare it and, once prepared, one
    to download it."""
    months = months_of(view, clock.today())
    if not months:
        st.caption(tr(N_("No month of the contract has ended yet."), lang))
        return
    first, last = st.select_slider(
        tr(_PERIOD, lang), options=months,
        value=(months[max(0, len(months) - 12)], months[-1]), key=f"doc_period_{view.id}")
    with guarded():
        issued = contract_documents.issued(db, who, view)
    order = [*issued, *(k for k in (DocumentKind.PERFORMANCE_NOTICE, DocumentKind.ACCEPTANCE)
                        if k not in issued)]
    for kind in order:
        label = tr(labels.DOCUMENT_KINDS[kind], lang)
        st.markdown(f"**{label}** — {tr(_HELP[kind], lang)}")
        inputs: tuple[object, ...] = ()
        if kind == DocumentKind.ACCEPTANCE:
            team = st.text_area(tr(_TEAM, lang),
                                key=f"doc_team_{view.id}")
            day = st.date_input(tr(_ACCEPTED_ON, lang), value=clock.today(),
                                key=f"doc_accepted_{view.id}", format="YYYY-MM-DD")
            inputs = (tuple(line.strip() for line in team.splitlines() if line.strip()), day)
        key = (view.id, view.version, kind, lang, first, last, inputs)
        if st.button(tr(N_("Prepare: {document}"), lang, document=label),
                     key=f"doc_make_{kind}_{view.id}", icon=":material/description:"):
            with guarded(), st.spinner(tr(N_("Preparing…"), lang)):
                document = _make(db, who, view, kind, first, last, inputs, lang)
                # Making it is audited: it stays on offer until anything else is recorded.
                st.session_state.setdefault(_KEY, {})[kind] = (
                    (key, audit_log.revision(db)), (document.content, document.name))
        found = st.session_state.get(_KEY, {}).get(kind)
        if found and found[0] == (key, audit_log.revision(db)):
            content, name = found[1]
            st.download_button(tr(N_("Download {file}"), lang, file=name), data=content,
                               file_name=name, mime=_DOCX, icon=":material/download:",
                               key=f"doc_download_{kind}_{view.id}")


_FIELDS = {"member": _TEAM, "accepted_on": _ACCEPTED_ON, "from": _PERIOD, "to": _PERIOD,
           "period": _PERIOD}


def _make(db: Database, who: Actor, view: ContractView, kind: DocumentKind, first: str,
          last: str, inputs: tuple[object, ...], lang: Lang) -> Document:
    """The document; an option refused is named by its field on the page."""
    try:
        return _made(db, who, view, kind, first, last, inputs, lang)
    except OptionError as exc:
        raise exc.named(tr(_FIELDS.get(exc.option, _PERIOD), lang)) from None


def _made(db: Database, who: Actor, view: ContractView, kind: DocumentKind, first: str,
          last: str, inputs: tuple[object, ...], lang: Lang) -> Document:
    period = contract_documents.span(first, last)
    if kind == DocumentKind.PERFORMANCE_NOTICE:
        return contract_documents.performance_notice(db, who, view.id, period, lang)
    members, day = inputs
    assert isinstance(members, tuple) and isinstance(day, date)
    return contract_documents.acceptance_report(
        db, who, view.id, period, [contract_documents.member(str(m)) for m in members], day,
        lang)
