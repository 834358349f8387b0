"""Recommendation, four-eyes approval, standstill and award, or cancellation.

The recommendation freezes the evaluation (ranking, flags, sensitivity) into the record; an
approver who is not the lead confirms it, which starts the standstill period (8 working days
by default, UK Procurement Act 2023 s.51); after it ends the lead awards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from procurement.calendar import add_working_days
from procurement.errors import ProcurementError
from procurement.i18n import N_, Term
from procurement.services import access, clock
from procurement.services.access import STATUS_NAMES
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied, StateError
from procurement.services.lifecycle import move
from procurement.services.moderation import RESOLVABLE
from procurement.services.results import ProcurementResult, evaluate_in, lots_of
from procurement.services.views import DecisionView
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.tables import DecisionRow, ProcurementRow


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
        row = access.lead_in(session, actor, procurement_id, "moderation", lock=True)
        results = [evaluate_in(session, row, lot) for lot in lots_of(row)]
        resolved = {(r.bid_id, r.code) for r in repo.resolutions(session, row.id)}
        bid_ids = {b.bid_ref: b.id for b in repo.bids(session, row.id)}
        chosen = {}
        for result in results:
            _check_ready(result, resolved, bid_ids)
            chosen[result.lot] = _winner(result, (winners or {}).get(result.lot))
        decision = DecisionRow(
            procurement_id=row.id,
            evaluation={r.lot: r.evaluation.model_dump(mode="json") for r in results},
            winners=chosen, recommended_by=actor.id, recommended_at=clock.now(),
            outcome="pending", note=note.strip())
        session.add(decision)
        move(session, actor, row, "award_recommended")
        audit.append(session, actor.username, "award.recommend", f"procurement:{row.id}",
                     procurement_id=row.id, after={"winners": chosen, "note": decision.note,
                                                   "evaluation": decision.evaluation})
        return _view(session, decision)


def approve(db: Database, actor: Actor, procurement_id: int) -> DecisionView:
    """Confirm the recommendation (an approver who is neither the lead nor the recommender)
    and start the standstill period."""
    with db.write() as session:
        row, decision = _pending(session, actor, procurement_id)
        decision.approved_by, decision.approved_at, decision.outcome = actor.id, clock.now(), \
            "approved"
        row.standstill_end = add_working_days(clock.today(), row.standstill_days)
        move(session, actor, row, "standstill")
        audit.append(session, actor.username, "award.approve", f"procurement:{row.id}",
                     procurement_id=row.id, after={"standstill_end": row.standstill_end})
        return _view(session, decision)


def return_recommendation(db: Database, actor: Actor, procurement_id: int,
                          reason: str) -> DecisionView:
    """Send the recommendation back to moderation, with the approver's reason."""
    if not reason.strip():
        raise ProcurementError(N_("state why the recommendation goes back"))
    with db.write() as session:
        row, decision = _pending(session, actor, procurement_id)
        decision.outcome, decision.return_reason = "returned", reason.strip()
        decision.returned_by, decision.returned_at = actor.id, clock.now()
        move(session, actor, row, "moderation")
        audit.append(session, actor.username, "award.return", f"procurement:{row.id}",
                     procurement_id=row.id, after={"reason": reason.strip()})
        return _view(session, decision)


def award(db: Database, actor: Actor, procurement_id: int) -> None:
    """Award the contract once the standstill period is over."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, "standstill", lock=True)
        if row.standstill_end is None or clock.today() <= row.standstill_end:
            raise StateError(N_("the standstill period runs until {date}"),
                             date=row.standstill_end.isoformat() if row.standstill_end else "?")
        move(session, actor, row, "awarded")


def cancel(db: Database, actor: Actor, procurement_id: int, reason: str) -> None:
    if not reason.strip():
        raise ProcurementError(N_("a cancellation needs a reason"))
    with db.write() as session:
        row = access.load(session, procurement_id, lock=True)
        access.require_lead(actor, row)
        if row.status in access.FINAL:
            raise StateError(N_("not possible while procurement {reference} is in status {status}"),
                             reference=row.reference, status=Term(STATUS_NAMES[row.status]))
        row.cancel_reason = reason.strip()
        move(session, actor, row, "cancelled")
        audit.append(session, actor.username, "procurement.cancel_reason", f"procurement:{row.id}",
                     procurement_id=row.id, after={"reason": row.cancel_reason})


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


def _check_ready(result: ProcurementResult, resolved: set[tuple[int, str]],
                 bid_ids: dict[str, int]) -> None:
    evaluation = result.evaluation
    if evaluation.winner is None:
        raise StateError(N_("lot {lot} has no qualified bid to recommend"), lot=result.lot)
    open_cells = [f"{c.bid_id}/{c.criterion}" for c in evaluation.panel or []
                  if c.level == "disagreement" and c.consensus_source != "moderated"]
    if open_cells:
        raise StateError(N_("moderate the scores the panel disagrees on first: {cells}"),
                         cells=", ".join(open_cells))
    unresolved = []
    for bid in evaluation.ranking:
        if bid.status != "ranked":
            continue
        for flag in bid.flags:
            needs = flag.code in RESOLVABLE and (flag.code != "tie" or bid.rank == 1)
            if needs and (bid_ids[bid.bid_id], flag.code) not in resolved:
                unresolved.append(f"{bid.bid_id}/{flag.code}")
    if unresolved:
        raise StateError(N_("record how these flags were resolved first: {flags}"),
                         flags=", ".join(sorted(set(unresolved))))


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
    access.require_role(actor, "approver")
    access.require_status(row, "award_recommended")
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
