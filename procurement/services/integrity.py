"""Integrity screening before the approver signs: the recommendation's bids screened for the
Cardinal red flags and the bid-rigging screens (procurement.integrity), and the approver's
note on each flag. Four eyes: an approver who is neither the lead nor the recommender notes
the flags; award.approve refuses while a flag has no note."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from procurement.errors import ProcurementError
from procurement.i18n import N_, Lang, tr
from procurement.integrity import Finding, IntegrityBid, IntegritySettings
from procurement.integrity import screen as run_screen
from procurement.rubric.model import Rubric
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import NotFound, PermissionDenied, StateError
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import DecisionRow, IntegrityNoteRow, ProcurementRow
from procurement.vocabulary import Outcome, Role, Status


class IntegrityFlag:
    """One flag with the approver's note, if any (rendered in a language on demand)."""

    def __init__(self, finding: Finding, note: IntegrityNoteRow | None,
                 noted_by: str | None) -> None:
        self.finding, self.noted_by = finding, noted_by
        self.note = note.note if note else None
        self.noted_at = note.noted_at if note else None
        self.version = note.version if note else None

    @property
    def key(self) -> str:
        return f"{self.finding.code}/{self.finding.subject}"

    def rule(self, lang: Lang) -> str:
        return tr(self.finding.rule, lang, **self.finding.params)

    def detail(self, lang: Lang) -> str:
        return tr(self.finding.detail, lang, **self.finding.params) if self.finding.detail else ""

    def as_json(self, lang: Lang) -> dict[str, Any]:
        f = self.finding
        return {"code": f.code, "subject": f.subject, "lot": f.lot, "bids": list(f.bids),
                "rule": self.rule(lang), "detail": self.detail(lang), "source": f.source,
                "note": self.note, "noted_by": self.noted_by,
                "noted_at": self.noted_at.isoformat() if self.noted_at else None}


def bids_of(decision: DecisionRow) -> list[IntegrityBid]:
    """The recommendation's bids, from the evaluation frozen with it."""
    found = []
    for lot, evaluation in decision.evaluation.items():
        winner = decision.winners.get(lot)
        for b in evaluation.get("ranking", []):
            found.append(IntegrityBid(
                bid_ref=b["bid_id"], supplier=b["supplier"], cost=b.get("cost"),
                valid=b["status"] == "ranked", lot=lot, sme=bool(b.get("sme")),
                winner=b["bid_id"] == winner))
    return found


def findings(row: ProcurementRow, decision: DecisionRow,
             settings: IntegritySettings | None = None) -> list[Finding]:
    return run_screen(bids_of(decision), settings,
                      price_only=is_price_only(procurements.to_domain(row).rubric))


def is_price_only(rubric: Rubric) -> bool:
    """Whether the award criterion is price only: the cost is the one weighted criterion."""
    cost = rubric.cost
    return cost is not None and all(c.id == cost.id for c in rubric.weighted if c.weight > 0)


def _flags(session: Session, row: ProcurementRow, decision: DecisionRow) -> list[IntegrityFlag]:
    notes = {(n.code, n.subject): n for n in repo.integrity_notes(session, decision.id)}
    names = repo.usernames(session, {n.noted_by for n in notes.values()})
    out = []
    for finding in findings(row, decision):
        note = notes.get((finding.code, finding.subject))
        out.append(IntegrityFlag(finding, note, names.get(note.noted_by) if note else None))
    return out


def unnoted(session: Session, row: ProcurementRow, decision: DecisionRow) -> list[str]:
    """The flags of this recommendation without the approver's note (CODE/SUBJECT)."""
    return [f.key for f in _flags(session, row, decision) if f.note is None]


def screen(db: Database, actor: Actor, procurement_id: int) -> list[IntegrityFlag]:
    """The latest recommendation's integrity flags with their notes (the lead and approvers,
    and everyone once awarded)."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "decision"):
            raise PermissionDenied(N_("the recommendation is visible once the contract is awarded"))
        decision = repo.latest_decision(session, row.id)
        if decision is None:
            raise StateError(N_("the integrity screening runs on a recommendation: there is "
                                "none yet"))
        return _flags(session, row, decision)


def note(db: Database, actor: Actor, procurement_id: int, code: str, subject: str,
         text: str) -> IntegrityFlag:
    """Record (or replace) the approver's note on one flag of the pending recommendation."""
    if not text.strip():
        raise ProcurementError(N_("write what you checked about this integrity flag"))
    with db.write() as session:
        row = access.load(session, procurement_id, lock=True)
        access.require_role(actor, Role.APPROVER)
        decision = repo.latest_decision(session, row.id)
        if row.status != Status.AWARD_RECOMMENDED or decision is None or \
                decision.outcome != Outcome.PENDING:
            raise StateError(N_("integrity flags are noted while a recommendation awaits "
                                "approval"))
        if actor.id in (row.lead_id, decision.recommended_by):
            raise PermissionDenied(N_("the integrity flags are noted by an approver who is "
                                      "neither the lead nor the recommender"))
        flag = next((f for f in _flags(session, row, decision)
                     if (f.finding.code, f.finding.subject) == (code, subject)), None)
        if flag is None:
            raise NotFound(N_("no integrity flag {code} on {subject}"), code=code,
                           subject=subject)
        existing = next((n for n in repo.integrity_notes(session, decision.id)
                         if (n.code, n.subject) == (code, subject)), None)
        before = existing.note if existing else None
        if existing is None:
            existing = IntegrityNoteRow(procurement_id=row.id, decision_id=decision.id,
                                        code=code, subject=subject, note=text.strip(),
                                        noted_by=actor.id, noted_at=clock.now(), version=1)
            session.add(existing)
        else:
            existing.note, existing.noted_by = text.strip(), actor.id
            existing.noted_at, existing.version = clock.now(), existing.version + 1
        session.flush()
        audit.append(session, actor.username, "integrity.note", f"procurement:{row.id}",
                     procurement_id=row.id, before=None if before is None else {"note": before},
                     after={"code": code, "subject": subject, "note": existing.note})
        return IntegrityFlag(flag.finding, existing, actor.username)
