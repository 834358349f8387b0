"""Moving a procurement through its statuses, each step with its preconditions:
draft → open → quality evaluation → price opening → moderation → (award.py)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from procurement.i18n import N_
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import StateError
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.tables import ProcurementRow


def open_for_bids(db: Database, actor: Actor, procurement_id: int) -> None:
    """Publish the methodology and open the tender: it cannot change from now on."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, "draft", lock=True)
        if not repo.panel(session, row.id):
            raise StateError(N_("assign at least one evaluator before opening the tender"))
        move(session, actor, row, "open")


def start_quality_evaluation(db: Database, actor: Actor, procurement_id: int) -> None:
    """Close the tender and let the cleared evaluators score the bids."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, "open", lock=True)
        if not repo.bids(session, row.id):
            raise StateError(N_("there are no bids to evaluate"))
        move(session, actor, row, "quality_evaluation")


def close_quality_evaluation(db: Database, actor: Actor, procurement_id: int) -> None:
    """Close quality scoring; the price envelopes may then be opened."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, "quality_evaluation", lock=True)
        panel = repo.panel(session, row.id)
        waiting = [m for m in panel if m.coi == "pending"]
        if waiting:
            raise StateError(N_("{count} evaluator(s) have not declared their interests"),
                             count=len(waiting))
        cleared = [m for m in panel if m.coi == "none"]
        if not cleared:
            raise StateError(N_("no evaluator without a conflict of interest is left"))
        unsubmitted = [m for m in cleared if m.submitted_at is None]
        if unsubmitted:
            raise StateError(N_("{count} evaluator(s) have not submitted their scores"),
                             count=len(unsubmitted))
        move(session, actor, row, "price_opening")


def start_moderation(db: Database, actor: Actor, procurement_id: int) -> None:
    """With every price envelope complete, moderate the panel's scores."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, "price_opening", lock=True)
        envelopes = repo.envelopes(session, row.id)
        basis = next((c.get("basis") for c in row.rubric["criteria"] if c["kind"] == "cost"), None)
        fields = ("price",) if basis == "price" else (
            ("capex", "opex_per_year", "term_years", "exit_cost") if basis == "tco" else ())
        empty = [b.bid_ref for b in repo.bids(session, row.id)
                 if fields and (b.id not in envelopes
                                or any(getattr(envelopes[b.id], f) is None for f in fields))]
        if empty:
            raise StateError(N_("bids {bids} have no complete price envelope"),
                             bids=", ".join(empty))
        move(session, actor, row, "moderation")


def move(session: Session, actor: Actor, row: ProcurementRow, status: str) -> None:
    """Change the status and record who did it (the caller has checked the preconditions)."""
    before = row.status
    row.status = status
    row.status_changed_at = clock.now()
    row.version += 1
    audit.append(session, actor.username, f"procurement.{status}", f"procurement:{row.id}",
                 procurement_id=row.id, before={"status": before}, after={"status": status})
