"""The evaluation panel: who scores which criteria, and their conflict-of-interest
declarations (UK Procurement Act 2023 s.81–83; declared before any bid is visible)."""

from __future__ import annotations

from procurement import labels
from procurement.domain.procurement import Action
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, NotFound, PermissionDenied, StateError
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import PanelMemberRow

COI_NAMES = labels.COI


def assign_evaluator(db: Database, actor: Actor, procurement_id: int, username: str,
                     criteria: list[str] | None = None) -> None:
    """Put an evaluator on the panel, for every scale criterion or the ones named."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.CHANGE_PANEL, lock=True)
        user = repo.user_by_name(session, username)
        if user is None:
            raise NotFound(N_("no user {username}"), username=username)
        if user.role != "evaluator":
            raise PermissionDenied(N_("{username} is not an evaluator"), username=username)
        scale = {c.id for c in procurements.to_domain(row).rubric.scale_criteria}
        unknown = sorted(set(criteria or []) - scale)
        if unknown:
            raise ProcurementError(N_("no scored criterion {ids} in this rubric"),
                                   ids=", ".join(unknown))
        if repo.member(session, row.id, user.id) is not None:
            raise ConflictError(N_("{username} is on the panel already"), username=username)
        session.add(PanelMemberRow(procurement_id=row.id, user_id=user.id,
                                   criteria=criteria or None, coi="pending"))
        audit.append(session, actor.username, "panel.assign", f"panel:{row.id}:{username}",
                     procurement_id=row.id, after={"evaluator": username, "criteria": criteria})


def remove_evaluator(db: Database, actor: Actor, procurement_id: int, username: str) -> None:
    """Take an evaluator off the panel before evaluation starts."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.CHANGE_PANEL, lock=True)
        user = repo.user_by_name(session, username)
        seat = repo.member(session, row.id, user.id) if user else None
        if seat is None:
            raise NotFound(N_("{username} is not on the panel"), username=username)
        session.delete(seat)
        audit.append(session, actor.username, "panel.remove", f"panel:{row.id}:{username}",
                     procurement_id=row.id, before={"evaluator": username})


def declare_interests(db: Database, actor: Actor, procurement_id: int, *, conflict: bool,
                      reason: str = "") -> None:
    """An evaluator declares no conflict, or a conflict with its reason (which removes them
    from this procurement's panel). A conflict found later can still be declared; a declared
    conflict cannot be withdrawn."""
    with db.write() as session:
        row = access.load(session, procurement_id)
        access.require(row, Action.DECLARE_INTERESTS)
        seat = access.panel_seat(session, actor, row)
        if seat.coi == "conflict":
            raise StateError(N_("a declared conflict of interest cannot be withdrawn"))
        if seat.coi == "none" and not conflict:
            raise StateError(N_("you have declared already"))
        if conflict and not reason.strip():
            raise ProcurementError(N_("state the reason for the conflict of interest"))
        before = {"coi": seat.coi}
        seat.coi = "conflict" if conflict else "none"
        seat.coi_reason = reason.strip() or None
        seat.declared_at = clock.now()
        audit.append(session, actor.username, "panel.declare", f"panel:{row.id}:{actor.username}",
                     procurement_id=row.id, before=before,
                     after={"coi": seat.coi, "reason": seat.coi_reason})
