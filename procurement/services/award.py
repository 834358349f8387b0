"""Recommendation, four-eyes approval, standstill and award, or cancellation.

The recommendation freezes the evaluation (ranking, flags, sensitivity) into the record; an
approver who is not the lead confirms it, which starts the standstill period (8 working days
by default, UK Procurement Act 2023 s.51); after it ends the lead awards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from procurement.domain.procurement import Facts, Step, allowed, refused
from procurement.domain.views import DecisionView
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import access, clock, contracts, integrity
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied, StateError
from procurement.services.lifecycle import step
from procurement.services.results import ProcurementResult, evaluate_in
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import DecisionRow, ProcurementRow
from procurement.vocabulary import FlagCode, Outcome, Role


def recommend(db: Database, actor: Actor, procurement_id: int, *, note: str = "",
              winners: dict[str, str] | None = None) -> DecisionView:
    """Recommend the award: every lot's winner, with the evaluation frozen as it stands.

    Refused while the panel disagrees on an unmoderated score, while a red flag on a ranked
    bid has no recorded resolution, or while a lot has no qualified bid. ``winners`` names
    the winner of a lot whose first place is tied (one of the tied bids)."""
    if not note.strip():
        raise ProcurementError(N_("state why the recommended bid offers the best long-term "
                                  "value"))
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        procurement = procurements.to_domain(row)
        if not allowed(procurement, Step.RECOMMEND):
            raise refused(procurement)
        results = [evaluate_in(session, row, lot) for lot in procurement.lot_ids]
        resolved = {(r.bid_id, r.code) for r in repo.resolutions(session, row.id)}
        bid_ids = {b.bid_ref: b.id for b in repo.bids(session, row.id)}
        not_ready = tuple(problem for result in results
                          for problem in _not_ready(result, resolved, bid_ids))
        chosen = {} if not_ready else {
            r.lot: _winner(r, (winners or {}).get(r.lot)) for r in results}
        step(session, actor, row, Step.RECOMMEND, Facts(not_ready=not_ready))
        decision = DecisionRow(
            procurement_id=row.id,
            evaluation={r.lot: r.evaluation.model_dump(mode="json") for r in results},
            winners=chosen, recommended_by=actor.id, recommended_at=clock.now(),
            outcome=Outcome.PENDING, note=note.strip())
        session.add(decision)
        audit.append(session, actor.username, "award.recommend", f"procurement:{row.id}",
                     procurement_id=row.id, after={"winners": chosen, "note": decision.note,
                                                   "evaluation": decision.evaluation})
        return _view(session, decision)


def approve(db: Database, actor: Actor, procurement_id: int) -> DecisionView:
    """Confirm the recommendation (an approver who is neither the lead nor the recommender)
    and start the standstill period. Refused while an integrity flag has no note."""
    with db.write() as session:
        row, decision = _pending(session, actor, procurement_id)
        missing = integrity.unnoted(session, row, decision)
        if missing:
            raise StateError(N_("record a note on each integrity flag before approving: "
                                "{flags}"), flags=", ".join(missing))
        decision.approved_by, decision.approved_at = actor.id, clock.now()
        decision.outcome = Outcome.APPROVED
        moved = step(session, actor, row, Step.APPROVE, Facts(today=clock.today()))
        audit.append(session, actor.username, "award.approve", f"procurement:{row.id}",
                     procurement_id=row.id, after={"standstill_end": moved.standstill_end})
        return _view(session, decision)


def return_recommendation(db: Database, actor: Actor, procurement_id: int,
                          reason: str) -> DecisionView:
    """Send the recommendation back to moderation, with the approver's reason (the
    recommendation's own note stays beside it)."""
    if not reason.strip():
        raise ProcurementError(N_("state why the recommendation goes back"))
    with db.write() as session:
        row, decision = _pending(session, actor, procurement_id)
        step(session, actor, row, Step.RETURN, Facts(reason=reason))
        decision.outcome, decision.return_reason = Outcome.RETURNED, reason.strip()
        decision.returned_by, decision.returned_at = actor.id, clock.now()
        audit.append(session, actor.username, "award.return", f"procurement:{row.id}",
                     procurement_id=row.id, after={"reason": reason.strip()})
        return _view(session, decision)


def award(db: Database, actor: Actor, procurement_id: int) -> None:
    """Award the contract once the standstill period is over."""
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        step(session, actor, row, Step.AWARD, Facts(today=clock.today()))
        contracts.open_for_award(session, actor, row)  # the contract stage starts here


def cancel(db: Database, actor: Actor, procurement_id: int, reason: str) -> None:
    if not reason.strip():
        raise ProcurementError(N_("a cancellation needs a reason"))
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        moved = step(session, actor, row, Step.CANCEL, Facts(reason=reason))
        audit.append(session, actor.username, "procurement.cancel_reason", f"procurement:{row.id}",
                     procurement_id=row.id, after={"reason": moved.cancel_reason})


def decision(db: Database, actor: Actor, procurement_id: int) -> DecisionView | None:
    """The latest recommendation: for the lead and approvers, and for everyone once awarded."""
    history = decisions(db, actor, procurement_id)
    return history[-1] if history else None


def decisions(db: Database, actor: Actor, procurement_id: int) -> list[DecisionView]:
    """Every recommendation in the order made, each with its approval or its return."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "decision"):
            raise PermissionDenied(N_("the recommendation is visible once the contract is awarded"))
        return [_view(session, d) for d in repo.decisions(session, row.id)]


def _not_ready(result: ProcurementResult, resolved: set[tuple[int, str]],
               bid_ids: dict[str, int]) -> list[tuple[str, dict[str, object]]]:
    """Why this lot's award cannot be recommended yet (nothing when it can)."""
    evaluation = result.evaluation
    if evaluation.winner is None:
        return [(N_("lot {lot} has no qualified bid to recommend"), {"lot": result.lot})]
    open_cells = [f"{c.bid_id}/{c.criterion}" for c in evaluation.panel or []
                  if c.level == "disagreement" and c.consensus_source != "moderated"]
    if open_cells:
        return [(N_("moderate the scores the panel disagrees on first: {cells}"),
                 {"cells": ", ".join(open_cells)})]
    unresolved = []
    for bid in evaluation.ranking:
        if bid.status != "ranked":
            continue
        for flag in bid.flags:
            code = FlagCode(flag.code)
            needs = code.needs_resolution and (code != FlagCode.TIE or bid.rank == 1)
            if needs and (bid_ids[bid.bid_id], flag.code) not in resolved:
                unresolved.append(f"{bid.bid_id}/{flag.code}")
    if unresolved:
        return [(N_("record how these flags were resolved first: {flags}"),
                 {"flags": ", ".join(sorted(set(unresolved)))})]
    return []


def _winner(result: ProcurementResult, named: str | None) -> str:
    first = [b.bid_id for b in result.evaluation.ranking if b.rank == 1]
    if named is not None:
        if named not in first:
            raise StateError(N_("{bid_id} is not ranked first in lot {lot}"), bid_id=named,
                             lot=result.lot)
        return named
    if len(first) > 1:
        raise StateError(N_("bids {bids} tie for first place in lot {lot}: name the winner the "
                            "tie-break chose"), bids=", ".join(first), lot=result.lot)
    return first[0]


def _pending(session: Session, actor: Actor, procurement_id: int
             ) -> tuple[ProcurementRow, DecisionRow]:
    row = access.load(session, procurement_id, lock=True)
    access.require_role(actor, Role.APPROVER)
    procurement = procurements.to_domain(row)
    if not allowed(procurement, Step.APPROVE):
        raise refused(procurement)
    latest = repo.latest_decision(session, row.id)
    assert latest is not None
    if actor.id in (row.lead_id, latest.recommended_by):
        raise PermissionDenied(N_("an approver cannot approve their own recommendation"))
    return row, latest


def _view(session: Session, row: DecisionRow) -> DecisionView:
    people = {row.recommended_by} | {i for i in (row.approved_by, row.returned_by) if i}
    names = repo.usernames(session, people)
    full = repo.display_names(session, people)
    evaluation: dict[str, Any] = row.evaluation
    return DecisionView(
        recommended_by=names[row.recommended_by], recommended_at=row.recommended_at,
        recommended_by_name=full[row.recommended_by], winners=row.winners,
        approved_by=names.get(row.approved_by or -1), approved_at=row.approved_at,
        approved_by_name=full.get(row.approved_by or -1), outcome=row.outcome, note=row.note,
        returned_by=names.get(row.returned_by or -1),
        returned_by_name=full.get(row.returned_by or -1), returned_at=row.returned_at,
        return_reason=row.return_reason, evaluation=evaluation)
