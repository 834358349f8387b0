"""The reasons released to bidders: per bid and criterion, what the letter to the bidder
says about its score, in English and Chinese, released by the lead. The evaluators'
rationales stay in the evaluation record; only these, or the consensus reason where the
panel moderated, reach a bidder (domain.reasons.letter_reason)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from procurement.domain.procurement import Action
from procurement.domain.reasons import letter_reason
from procurement.domain.views import ReleasedReasonView
from procurement.errors import ProcurementError
from procurement.i18n import N_, Lang
from procurement.services import access, clock, moderation
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, NotFound, PermissionDenied
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import ProcurementRow, ReleasedReasonRow
from procurement.tables.reasons import ReleasedRow, read_reasons


def release(db: Database, actor: Actor, procurement_id: int, bid_ref: str, criterion: str,
            en: str | None, zh: str | None, *,
            expected_version: int | None = None) -> ReleasedReasonView:
    """Release the reason for ``bid_ref``'s score on ``criterion`` (the lead). A released
    reason is replaced only by a caller who read it: ``expected_version`` is the version they
    saw (None for none); the one replaced stays in the audit log."""
    return release_all(db, actor, procurement_id,
                       [(ReleasedRow(bid_ref, criterion, en, zh), expected_version)])[0]


def release_all(db: Database, actor: Actor, procurement_id: int,
                items: list[tuple[ReleasedRow, int | None]]) -> list[ReleasedReasonView]:
    """Release several reasons in one transaction, each with the version its caller saw:
    one refused releases none."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RELEASE_REASONS)
        scored = _scored(row)
        views = []
        for released, expected_version in items:
            en, zh = (released.en or "").strip() or None, (released.zh or "").strip() or None
            if en is None and zh is None:
                raise ProcurementError(N_("give the reason in English, in Chinese or in both"))
            if released.criterion not in scored:
                raise NotFound(N_("{criterion} is not a scored criterion"),
                               criterion=released.criterion)
            bid = access.bid(session, row, released.bid_ref)
            cell = repo.released_cell(session, bid.id, released.criterion)
            if (cell.version if cell else None) != expected_version:
                raise ConflictError(N_("the released reason was changed since you read it; "
                                       "reload"))
            cell = _store(session, actor, row, bid.id,
                          ReleasedRow(released.bid_ref, released.criterion, en, zh), cell)
            views.append(_view(cell, released.bid_ref, actor.username))
        return views


def import_reasons(db: Database, actor: Actor, procurement_id: int, path: str | Path) -> int:
    """Release every reason in a CSV or XLSX file (bid_id, criterion, reason_en, reason_zh)
    in one transaction: a file with a bad row releases nothing. Returns how many."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RELEASE_REASONS)
        bids = {b.bid_ref: b.id for b in repo.bids(session, row.id)}
        rows = read_reasons(path, _scored(row), set(bids))
        for released in rows:
            bid_id = bids[released.bid_ref]
            _store(session, actor, row, bid_id, released,
                   repo.released_cell(session, bid_id, released.criterion))
        return len(rows)


def released_reasons(db: Database, actor: Actor, procurement_id: int
                     ) -> list[ReleasedReasonView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "resolutions"):
            raise PermissionDenied(N_("the released reasons are for the lead and approvers"))
        refs = {b.id: b.bid_ref for b in repo.bids(session, row.id)}
        rows = repo.released_reasons(session, row.id)
        names = repo.usernames(session, {r.released_by for r in rows})
        return [_view(r, refs[r.bid_id], names[r.released_by]) for r in rows]


@dataclass(frozen=True)
class LetterReason:
    """What the letters in each language say of one bid's score on one criterion (None:
    nothing to say yet, the letter shows "–")."""

    bid: str
    criterion: str
    en: str | None
    zh: str | None


def letter_reasons(db: Database, actor: Actor, procurement_id: int,
                   lang: Lang) -> dict[tuple[str, str], str]:
    """What each letter in ``lang`` says of each score (domain.reasons.letter_reason): the
    reason the lead released, else the consensus reason; never an evaluator's own note."""
    return _in_language(*_reason_sources(db, actor, procurement_id), lang)


def letter_table(db: Database, actor: Actor, procurement_id: int) -> list[LetterReason]:
    """Every bid received and scored criterion, in the rubric's order, with its letters'
    reasons in both languages: what the lead still has to release."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        criteria = [c.id for c in procurements.to_domain(row).rubric.scale_criteria]
        bid_refs = [b.bid_ref for b in repo.bids(session, row.id)]
    sources = _reason_sources(db, actor, procurement_id)
    english, chinese = _in_language(*sources, "en"), _in_language(*sources, "zh")
    return [LetterReason(bid, criterion, english.get((bid, criterion)),
                         chinese.get((bid, criterion)))
            for bid in bid_refs for criterion in criteria]


Cell = tuple[str, str]  # (bid, criterion)


def _reason_sources(db: Database, actor: Actor, procurement_id: int
                    ) -> tuple[dict[Cell, dict[str, str | None]], dict[Cell, str]]:
    """The released reasons (per language) and the consensus reasons, per cell."""
    released = {(r.bid_ref, r.criterion): {"en": r.en, "zh": r.zh}
                for r in released_reasons(db, actor, procurement_id)}
    moderated = {(c.bid_ref, c.criterion): c.reason
                 for c in moderation.consensus_scores(db, actor, procurement_id)}
    return released, moderated


def _in_language(released: dict[Cell, dict[str, str | None]], moderated: dict[Cell, str],
                 lang: Lang) -> dict[Cell, str]:
    chosen = {key: letter_reason(released.get(key), moderated.get(key), lang)
              for key in released.keys() | moderated.keys()}
    return {key: text for key, text in chosen.items() if text}


def _scored(row: ProcurementRow) -> set[str]:
    return {c.id for c in procurements.to_domain(row).rubric.scale_criteria}


def _store(session: Session, actor: Actor, row: ProcurementRow, bid_id: int,
           released: ReleasedRow, cell: ReleasedReasonRow | None) -> ReleasedReasonRow:
    before = None if cell is None else {"en": cell.reason_en, "zh": cell.reason_zh}
    now = clock.now()
    if cell is None:
        cell = ReleasedReasonRow(procurement_id=row.id, bid_id=bid_id,
                                 criterion=released.criterion, reason_en=released.en,
                                 reason_zh=released.zh, released_by=actor.id, released_at=now,
                                 version=1)
        session.add(cell)
    else:
        cell.reason_en, cell.reason_zh = released.en, released.zh
        cell.released_by, cell.released_at = actor.id, now
        cell.version += 1
    session.flush()
    audit.append(session, actor.username, "reason.release",
                 f"reason:{row.id}:{released.bid_ref}:{released.criterion}",
                 procurement_id=row.id, before=before,
                 after={"en": released.en, "zh": released.zh})
    return cell


def _view(cell: ReleasedReasonRow, bid_ref: str, by: str) -> ReleasedReasonView:
    return ReleasedReasonView(bid_ref=bid_ref, criterion=cell.criterion, en=cell.reason_en,
                              zh=cell.reason_zh, released_by=by, released_at=cell.released_at,
                              version=cell.version)
