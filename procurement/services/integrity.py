"""Integrity screening before the approver signs: the recommendation's bids screened for the
Cardinal red flags and the bid-rigging screens (procurement.integrity), and the approver's
note on each flag. Four eyes: an approver who is neither the lead nor the recommender notes
the flags; award.approve refuses while a flag has no note. Before recommending, the lead
previews the flags the recommendation would raise (``preview``), to explain them in it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from procurement.domain.procurement import Step, allowed, refused
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.integrity import Finding, IntegrityBid, IntegrityFlag, IntegritySettings
from procurement.integrity import screen as run_screen
from procurement.rubric.model import Rubric
from procurement.scoring.result import Evaluation
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import NotFound, PermissionDenied, StateError
from procurement.services.results import evaluate_in, lots_of
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import DecisionRow, IntegrityNoteRow, ProcurementRow
from procurement.vocabulary import Outcome, Role, Status


def bids_of(decision: DecisionRow) -> list[IntegrityBid]:
    """The recommendation's bids, from the evaluation frozen with it."""
    return _bids({lot: evaluation.get("ranking", [])
                  for lot, evaluation in decision.evaluation.items()}, decision.winners)


# What the screening reads of a ranked bid: the fields of the evaluation frozen with a
# recommendation (RankedBid as JSON).
_READ = {"ranking": {"__all__": {"bid_id", "supplier", "cost", "status", "sme"}}}


def bids_before(evaluations: Mapping[str, Evaluation],
                winners: Mapping[str, str] | None = None) -> list[IntegrityBid]:
    """The bids as a recommendation made now would freeze them: each lot's evaluation with
    its winner (the bid named for a tied first place, else the one ranked first; none while
    a tie is undecided)."""
    rankings, chosen = {}, {}
    for lot, evaluation in evaluations.items():
        rankings[lot] = evaluation.model_dump(mode="json", include=_READ)["ranking"]
        first = [b.bid_id for b in evaluation.ranking if b.rank == 1]
        named = (winners or {}).get(lot)
        chosen[lot] = named if named in first else first[0] if len(first) == 1 else None
    return _bids(rankings, chosen)


def _bids(rankings: Mapping[str, Iterable[Mapping[str, Any]]],
          winners: Mapping[str, str | None]) -> list[IntegrityBid]:
    found = []
    for lot, ranking in rankings.items():
        winner = winners.get(lot)
        for b in ranking:
            found.append(IntegrityBid(
                bid_ref=b["bid_id"], supplier=b["supplier"], cost=b.get("cost"),
                valid=b["status"] == "ranked", lot=lot, sme=bool(b.get("sme")),
                winner=b["bid_id"] == winner))
    return found


def findings(row: ProcurementRow, decision: DecisionRow,
             settings: IntegritySettings | None = None) -> list[Finding]:
    return screened(row, bids_of(decision), settings)


def screened(row: ProcurementRow, bids: list[IntegrityBid],
             settings: IntegritySettings | None = None) -> list[Finding]:
    """Every screen over these bids of the procurement (R036 asks whether its award
    criterion is price only)."""
    return run_screen(bids, settings,
                      price_only=is_price_only(procurements.to_domain(row).rubric))


def is_price_only(rubric: Rubric) -> bool:
    """Whether the award criterion is price only: the cost is the one weighted criterion."""
    cost = rubric.cost
    return cost is not None and all(c.id == cost.id for c in rubric.weighted if c.weight > 0)


def _flags(session: Session, row: ProcurementRow, decision: DecisionRow) -> list[IntegrityFlag]:
    notes = {(n.code, n.subject): n for n in repo.integrity_notes(session, decision.id)}
    people = {n.noted_by for n in notes.values()}
    names, full = repo.usernames(session, people), repo.display_names(session, people)
    return [_noted(finding, notes.get((finding.code, finding.subject)), names, full)
            for finding in findings(row, decision)]


def _noted(finding: Finding, note: IntegrityNoteRow | None, names: Mapping[int, str],
           full: Mapping[int, str]) -> IntegrityFlag:
    if note is None:
        return IntegrityFlag(finding)
    return IntegrityFlag(finding, note.note, names.get(note.noted_by),
                         full.get(note.noted_by), note.noted_at, note.version)


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


def preview(db: Database, actor: Actor, procurement_id: int,
            evaluations: Mapping[str, Evaluation] | None = None,
            winners: Mapping[str, str] | None = None) -> list[IntegrityFlag]:
    """The integrity flags the lead's recommendation would raise if made now, without notes
    (the approver notes them once it is made): for the lead, while the award may be
    recommended. ``evaluations``: each lot's current evaluation, when the caller has it
    already (the award page); else it is computed here. ``winners``: the bid chosen for a
    lot whose first place is tied."""
    with db.read() as session:
        row = access.lead_of(session, actor, procurement_id)
        procurement = procurements.to_domain(row)
        if not allowed(procurement, Step.RECOMMEND):
            raise refused(procurement)
        if evaluations is None:
            evaluations = {lot: evaluate_in(session, row, lot).evaluation
                           for lot in lots_of(row)}
        return [IntegrityFlag(f) for f in screened(row, bids_before(evaluations, winners))]


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
        finding = next((f for f in findings(row, decision)
                        if (f.code, f.subject) == (code, subject)), None)
        if finding is None:
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
        return IntegrityFlag(finding, existing.note, actor.username, actor.display_name,
                             existing.noted_at, existing.version)
