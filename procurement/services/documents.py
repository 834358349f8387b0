"""The Word documents of a procurement: clause pack, contract draft, evaluation report and
an assessment summary for every bidder. Each reads the record in one transaction, builds the
document's context and renders the shipped template of the language, or the city's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from procurement import labels
from procurement.atomic import output_folder, write_bytes
from procurement.documents import context as contexts
from procurement.documents.clauses import load_library
from procurement.documents.render import render_docx
from procurement.domain.views import DecisionView, ProcurementDetail
from procurement.i18n import N_, Lang, tr
from procurement.paths import shipped_dir
from procurement.scoring.result import Evaluation
from procurement.services import (
    access,
    award,
    bids,
    clock,
    integrity,
    moderation,
    procurements,
    scoring,
)
from procurement.services.actors import Actor
from procurement.services.errors import StateError
from procurement.services.reasons import letter_reasons
from procurement.services.results import evaluate_in, lots_of
from procurement.store import audit
from procurement.store import procurements as procurement_rows
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.vocabulary import DocumentKind, Outcome, Role

KINDS = ("clause-pack", "contract", "evaluation-report", "assessment-summary")
Properties = dict[str, object]  # core document properties set on the rendered file
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Document:
    name: str  # a file name
    content: bytes


@cache
def shipped_template(kind: str, lang: Lang) -> bytes:
    return (shipped_dir("templates") / f"{kind}.{lang}.docx").read_bytes()


def unavailable(db: Database, actor: Actor, procurement_id: int) -> dict[str, str | None]:
    """For each kind of document, why ``actor`` cannot have it now (a message id), or None:
    a page offers only what it can produce. The same rules as the documents themselves."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        record = access.may_read(session, actor, row, "evaluation")
        latest = repo.latest_decision(session, row.id)
    closed = N_("the evaluation record is for the lead and approvers until the contract is "
                "awarded")
    sealed = N_("price envelopes stay sealed until quality scoring is closed")
    undecided = N_("there is no award recommendation yet")
    decided = latest is not None and latest.outcome != "returned"
    return {
        "clause-pack": None,
        "evaluation-report": closed if not record else (
            None if row.status in access.PRICES_OPEN else sealed),
        "contract": closed if not record else (None if decided else undecided),
        "assessment-summary": closed if not record else (None if decided else undecided),
    }


def clause_pack(db: Database, actor: Actor, procurement_id: int, lang: Lang,
                template: bytes | None = None, template_name: str | None = None) -> Document:
    """The contract clauses for the tender documents (published: anyone signed in)."""
    detail = procurements.get_procurement(db, actor, procurement_id)
    with db.read() as session:
        terms = procurement_rows.to_domain(access.load(session, procurement_id)).terms
    context = contexts.clause_pack(detail, detail.rubric, terms,
                                   load_library(), lang, clock.today())
    return _render("clause-pack", detail, lang, context, template, template_name)


def contract(db: Database, actor: Actor, procurement_id: int, lang: Lang,
             template: bytes | None = None, template_name: str | None = None,
             lot: str | None = None, properties: Properties | None = None) -> Document:
    """The contract draft for the recommended bid."""
    detail, decision, evaluation = _decided(db, actor, procurement_id, lot)
    winner_ref = decision.winners[lot or next(iter(decision.winners))]
    reader = _reader(actor)
    bid = next(b for b in bids.list_bids(db, reader, procurement_id) if b.bid_ref == winner_ref)
    envelope = next(e for e in bids.read_envelopes(db, reader, procurement_id)
                    if e.bid_ref == winner_ref)
    ranked = next(b for b in evaluation.ranking if b.bid_id == winner_ref)
    with db.read() as session:
        terms = procurement_rows.to_domain(access.load(session, procurement_id)).terms
    context = contexts.contract(detail, detail.rubric, terms,
                                load_library(), bid, envelope, ranked, lang, clock.today())
    return _render("contract", detail, lang, context, template, template_name,
                   properties=properties)


def evaluation_report(db: Database, actor: Actor, procurement_id: int, lang: Lang,
                      template: bytes | None = None, template_name: str | None = None,
                      lot: str | None = None, properties: Properties | None = None
                      ) -> Document:
    """The evaluation report: methodology, panel, every score, moderation, ranking,
    sensitivity, flags and their resolution, recommendation, the integrity screening of the
    recommendation with the approver's notes, audit-chain status."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.may_read_evaluation(actor, row)
        access.may_open_envelopes_for_record(actor, row)
        latest = repo.latest_decision(session, row.id)
        evaluation = _frozen_or_current(session, row, latest, lot)
        screened = latest is not None and latest.outcome != Outcome.RETURNED
        chain = audit.verify(session)
    detail = procurements.get_procurement(db, actor, procurement_id)
    reader = _reader(actor)
    context = contexts.report(
        detail, detail.rubric, evaluation,
        scoring.panel_scores(db, reader, procurement_id),
        moderation.consensus_scores(db, reader, procurement_id),
        moderation.flag_resolutions(db, reader, procurement_id),
        award.decisions(db, reader, procurement_id), chain, lang, clock.today(),
        integrity.screen(db, reader, procurement_id) if screened else None)
    return _render("evaluation-report", detail, lang, context, template, template_name,
                   properties=properties)


def assessment_summaries(db: Database, actor: Actor, procurement_id: int, lang: Lang,
                         template: bytes | None = None, template_name: str | None = None,
                         lot: str | None = None, progress: Progress | None = None,
                         properties: Properties | None = None) -> list[Document]:
    """One assessment summary per bidder (Procurement Regulations 2024 reg. 31)."""
    detail, _, evaluation = _decided(db, actor, procurement_id, lot)
    reasons = letter_reasons(db, _reader(actor), procurement_id, lang)
    rubric = detail.rubric
    today = clock.today()
    documents = []
    for index, bid in enumerate(evaluation.ranking):
        context = contexts.summary(detail, rubric, evaluation, bid, reasons, lang, today)
        document = _render("assessment-summary", detail, lang, context, template, template_name,
                           suffix=bid.bid_id, properties=properties)
        documents.append(document)
        if progress is not None:
            progress(index + 1, len(evaluation.ranking))
    return documents


def missing_reasons(db: Database, actor: Actor, procurement_id: int, lang: Lang,
                    lot: str | None = None) -> list[tuple[str, str]]:
    """The (bid, criterion) of every ranked bid's scored criterion whose letter in ``lang``
    would have no reason: none released in that language and no consensus reason in it."""
    detail, _, evaluation = _decided(db, actor, procurement_id, lot)
    reasons = letter_reasons(db, _reader(actor), procurement_id, lang)
    return [(bid.bid_id, criterion.id) for bid in evaluation.ranking if bid.status == "ranked"
            for criterion in detail.rubric.scale_criteria
            if criterion.id in evaluation.weights and (bid.bid_id, criterion.id) not in reasons]


def _decided(db: Database, actor: Actor, procurement_id: int, lot: str | None
             ) -> tuple[ProcurementDetail, DecisionView, Evaluation]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.may_read_evaluation(actor, row)
        latest = repo.latest_decision(session, row.id)
        if latest is None or latest.outcome == "returned":
            raise StateError(N_("there is no award recommendation for procurement {reference} "
                                "yet"), reference=row.reference)
        evaluation = _frozen_or_current(session, row, latest, lot)
    decision = award.decision(db, _reader(actor), procurement_id)
    assert decision is not None
    return procurements.get_procurement(db, actor, procurement_id), decision, evaluation


def _frozen_or_current(session: Session, row: object, latest: object, lot: str | None
                       ) -> Evaluation:
    """The evaluation frozen into the recommendation, else the current one."""
    from procurement.store.rows import DecisionRow, ProcurementRow

    assert isinstance(row, ProcurementRow)
    lot = lot or lots_of(row)[0]
    if isinstance(latest, DecisionRow) and latest.outcome != "returned" and lot in latest.evaluation:
        return Evaluation.model_validate(latest.evaluation[lot])
    return evaluate_in(session, row, lot).evaluation


def _reader(actor: Actor) -> Actor:
    """Who reads the record for a document, once ``may_read_evaluation`` has allowed it: the
    lead and approvers as themselves; the command line's operator, or an observer after the
    award, with an approver's view of the record (the services check each read)."""
    if actor.role in ("lead", "approver") and not actor.operator:
        return actor
    return Actor(id=0, username=actor.username, display_name=actor.display_name,
                 role=Role.APPROVER, operator=True)


def _render(kind: str, detail: ProcurementDetail, lang: Lang, context: dict[str, object],
            template: bytes | None, template_name: str | None, suffix: str = "",
            properties: Properties | None = None) -> Document:
    name = template_name or f"templates/{kind}.{lang}.docx"
    content = render_docx(template if template is not None else shipped_template(kind, lang),
                          context, name, {**_properties(kind, detail, lang, suffix),
                                          **(properties or {})})
    stem = "-".join(p for p in (detail.reference, suffix, kind) if p)
    return Document(f"{_safe(stem)}.{lang}.docx", content)


def _properties(kind: str, detail: ProcurementDetail, lang: Lang, suffix: str) -> Properties:
    """What Word's File > Info shows: the document and procurement, the buyer as author,
    when it was made, and its language (zh-CN marks a Chinese document as East Asian)."""
    now = clock.now()
    title = " — ".join(p for p in (tr(labels.DOCUMENT_KINDS[DocumentKind(kind)], lang),
                                   detail.reference, suffix) if p)
    return {"title": title, "author": detail.buyer_name, "last_modified_by": detail.buyer_name,
            "created": now, "modified": now, "language": "zh-CN" if lang == "zh" else "en"}


def _safe(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem)


def save(documents: list[Document], folder: Path) -> list[Path]:
    output_folder(folder)
    paths = []
    for document in documents:
        path = folder / document.name
        write_bytes(path, document.content)
        paths.append(path)
    return paths
