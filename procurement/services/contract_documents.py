"""The documents of a running contract, for a period of whole months: the contract
performance notice (UK9, Procurement Regulations 2024 reg. 39) and the acceptance report
(履约验收 验收书, Government Procurement Law art. 41). The procurement's lead or a contract
manager makes them: each is loaded (the contract, its measurements rated, the procurement),
rendered from the shipped template of the language (or the city's own), and its making
recorded in the audit log (nothing is recorded when the input is refused)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from procurement import jurisdictions, labels
from procurement.contracts.assessment import KpiAssessment, Span, assess
from procurement.contracts.credits import PeriodCredits
from procurement.documents import contract_context as contexts
from procurement.documents.contract_context import Member
from procurement.documents.render import render_docx
from procurement.domain.views import ContractView
from procurement.errors import OptionError, ProcurementError
from procurement.i18n import N_, Lang, tr
from procurement.services import clock, contracts, performance, procurements
from procurement.services.actors import Actor
from procurement.services.documents import Document, shipped_template
from procurement.store import audit
from procurement.store.db import Database
from procurement.store.rows import BidRow
from procurement.tables.measurements import month
from procurement.vocabulary import DocumentKind

NOTICE, ACCEPTANCE = DocumentKind.PERFORMANCE_NOTICE, DocumentKind.ACCEPTANCE
_MEMBER = re.compile(r"^\s*(?P<name>[^(（]+?)\s*[(（](?P<role>[^)）]+)[)）]\s*$")


def issued(db: Database, actor: Actor, view: ContractView) -> tuple[DocumentKind, ...]:
    """The documents the contract's law asks for, first the one it is reported by."""
    detail = procurements.get_procurement(db, actor, view.procurement_id)
    law = jurisdictions.get(detail.jurisdiction).contract_documents
    return tuple(DocumentKind(kind) for kind in law.issued)


def span(first: str, last: str | None = None, options: tuple[str, str] = ("from", "to")
         ) -> Span:
    """The months ``first`` to ``last`` (``2026-10``), checked; ``options`` name them in
    errors."""
    start = month(first)
    if start is None:
        raise OptionError(options[0], N_("{value} is not a month (write it 2026-03)"),
                          value=first)
    end = month(last) if last else start
    if end is None:
        raise OptionError(options[1], N_("{value} is not a month (write it 2026-03)"),
                          value=last)
    if end < start:
        raise OptionError("to", N_("the period ends ({last}) before it starts ({first})"),
                          first=first, last=last)
    return Span(start, end)


def months(period: Span) -> str:
    """``2026-10``, or ``2025-11 to 2026-10``."""
    first, last = period.first.isoformat()[:7], period.last.isoformat()[:7]
    return first if first == last else f"{first} – {last}"


def member(text: str) -> Member:
    """``Name (role)`` (full-width brackets too) as a member of the acceptance team."""
    found = _MEMBER.match(text)
    if not found:
        raise OptionError("member", N_("{value}: give each member as Name (role)"), value=text)
    return Member(found["name"], found["role"].strip())


def performance_notice(db: Database, actor: Actor, contract_id: int, period: Span, lang: Lang,
                       template: bytes | None = None, template_name: str | None = None
                       ) -> Document:
    """The contract performance notice for ``period``: each KPI rated (the worst month of
    the period), the service credits owed."""
    view, supplier_id, kpis, credits = _load(db, actor, contract_id, period)
    detail = procurements.get_procurement(db, actor, view.procurement_id)
    context = contexts.performance_notice(detail, view, supplier_id, kpis, credits, period,
                                          lang, clock.today())
    return _made(db, actor, view, NOTICE, period, lang, context, template, template_name,
                 detail.buyer_name, {})


def acceptance_report(db: Database, actor: Actor, contract_id: int, period: Span,
                      members: list[Member], accepted_on: date, lang: Lang,
                      template: bytes | None = None, template_name: str | None = None
                      ) -> Document:
    """The acceptance report for ``period``: each KPI and each milestone due in it against
    its requirement, with its evidence and result, and the team's signature lines."""
    if not members:
        raise OptionError("member", N_("an acceptance report names the members of the "
                                       "acceptance team, who sign it"))
    if accepted_on < period.end:
        raise OptionError("accepted_on", N_("the acceptance on {date} is before the end of the "
                                            "period accepted ({end})"),
                          date=accepted_on.isoformat(), end=period.end.isoformat())
    view, supplier_id, kpis, _ = _load(db, actor, contract_id, period)
    detail = procurements.get_procurement(db, actor, view.procurement_id)
    context = contexts.acceptance(detail, view, supplier_id, kpis, period, members,
                                  accepted_on, lang, clock.today())
    return _made(db, actor, view, ACCEPTANCE, period, lang, context, template, template_name,
                 detail.buyer_name, {"members": [f"{m.name} ({m.role})" for m in members],
                                     "accepted_on": accepted_on.isoformat()})


def _load(db: Database, actor: Actor, contract_id: int, period: Span
          ) -> tuple[ContractView, str, list[KpiAssessment], dict[date, PeriodCredits]]:
    with db.read() as session:
        row = contracts.load_contract(session, contract_id)
        contracts.may_manage(session, actor, row)
        bid = session.get(BidRow, row.bid_id)
        supplier_id = bid.supplier_identifier if bid is not None else ""
        first, last = row.start_date.replace(day=1), row.end_date.replace(day=1)
    if period.first < first or period.last > last:
        raise ProcurementError(N_("the period {period} is outside the contract's term ({start} "
                                  "to {end})"), period=months(period),
                               start=first.isoformat()[:7], end=last.isoformat()[:7])
    view = contracts.contract(db, actor, contract_id)
    found = performance.performance(db, actor, contract_id)
    kpis = assess(found.kpis, [(m.kpi, m.period, m.value, m.credit_percent, m.evidence)
                               for m in found.measurements], period)
    if not any(k.measured for k in kpis):
        raise ProcurementError(N_("the contract has no KPI measurement in {period}"),
                               period=months(period))
    return view, supplier_id, kpis, dict(found.periods)


def _made(db: Database, actor: Actor, view: ContractView, kind: DocumentKind, period: Span,
          lang: Lang, context: dict[str, object], template: bytes | None,
          template_name: str | None, buyer: str, extra: dict[str, object]) -> Document:
    """Render, then record in the audit log what was made (nothing if rendering failed)."""
    months = period.first.isoformat()[:7] + (
        f"_{period.last.isoformat()[:7]}" if period.months > 1 else "")
    now = clock.now()
    title = " — ".join((tr(labels.DOCUMENT_KINDS[kind], lang), view.reference, months))
    content = render_docx(template if template is not None else shipped_template(kind, lang),
                          context, template_name or f"templates/{kind}.{lang}.docx",
                          {"title": title, "author": buyer, "last_modified_by": buyer,
                           "created": now, "modified": now,
                           "language": "zh-CN" if lang == "zh" else "en"})
    stem = "-".join((contexts.contract_id(view), kind.value, months))
    name = f"{re.sub(r'[^A-Za-z0-9._-]+', '_', stem)}.{lang}.docx"
    action = "contract.performance_notice" if kind == NOTICE else "contract.acceptance"
    with db.write() as session:
        audit.append(session, actor.username, action, f"contract:{view.id}",
                     procurement_id=view.procurement_id,
                     after={"from": period.first.isoformat()[:7],
                            "to": period.last.isoformat()[:7], "lang": lang, "file": name,
                            "sha256": hashlib.sha256(content).hexdigest(), **extra})
    return Document(name, content)
