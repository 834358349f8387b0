"""Joint procurement opportunities across the pipeline of every buyer: found in a pipeline
folder, file or database (``procurement.pipeline.joint``); in a database the lead accepts
one (a joint pipeline entry is added) or dismisses it with a reason. Load, act, audit, save."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from procurement.errors import fail
from procurement.i18n import N_
from procurement.pipeline import joint
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.joint_entry import joint_entry
from procurement.pipeline.sources import read_all
from procurement.services import access, clock, pipeline_store
from procurement.services.actors import Actor
from procurement.services.databases import is_database, open_database
from procurement.services.errors import NotFound, StateError
from procurement.store import audit
from procurement.store.db import Database
from procurement.store.pipeline_rows import JointOpportunityRow, PipelineEntryRow

ACCEPTED, DISMISSED = "accepted", "dismissed"


@dataclass(frozen=True)
class Decision:
    decision: str
    reason: str
    joint_entry: str | None
    decided_by: str


@dataclass(frozen=True)
class Findings:
    """The opportunities still open and, in a database, those already decided."""

    opportunities: list[joint.Opportunity]
    decided: dict[str, Decision] = field(default_factory=dict)

    def open(self) -> list[joint.Opportunity]:
        return [o for o in self.opportunities if o.id not in self.decided]


def check_window(window_months: int | str) -> int:
    """The window in months, from 0 to 120 (as typed on the command line, or a number)."""
    text = str(window_months).strip()
    if not text.isdigit() or not 0 <= int(text) <= 120:
        raise fail("--window-months", N_("must be a whole number of months from 0 to 120"))
    return int(text)


def find_in(source: str, window_months: int | str = joint.DEFAULT_WINDOW_MONTHS) -> Findings:
    months = check_window(window_months)
    if not is_database(source):
        return Findings(joint.find(read_all(Path(source)), window_months=months))
    db = open_database(source)
    try:
        return find_in_db(db, months)
    finally:
        db.dispose()


def find_in_db(db: Database, window_months: int | str = joint.DEFAULT_WINDOW_MONTHS
               ) -> Findings:
    """The opportunities of the database's pipeline, with the decisions already made."""
    months = check_window(window_months)
    entries = pipeline_store.list_entries(db)
    return Findings(joint.find(entries, window_months=months), decisions(db))


def decisions(db: Database) -> dict[str, Decision]:
    with db.read() as session:
        return {row.id: Decision(row.decision, row.reason, row.joint_entry, row.decided_by)
                for row in session.scalars(select(JointOpportunityRow))}


def accept(db: Database, actor: Actor, opportunity_id: str, *, entry_id: str | None = None,
           window_months: int | str = joint.DEFAULT_WINDOW_MONTHS) -> PipelineEntry:
    """Add the joint entry of an open opportunity, led by its earliest entry's buyer."""
    access.require_role(actor, *pipeline_store.EDITORS)
    entries = {e.id: e for e in pipeline_store.list_entries(db)}
    opportunity = _open(db, entries, opportunity_id, window_months)
    made = joint_entry(opportunity, entries, entry_id)
    with db.write() as session:
        if session.get(PipelineEntryRow, made.id) is not None:
            raise StateError(N_("the pipeline already has an entry {id}"), id=made.id)
        _decide(session, actor, opportunity, ACCEPTED, "", made.id)
        pipeline_store.store_entry(session, actor, made)
        audit.append(session, actor.username, "joint.accept", f"joint:{opportunity.id}",
                     after={"entries": list(opportunity.entries), "joint_entry": made.id,
                            "buyers": list(opportunity.buyers)})
    return made


def dismiss(db: Database, actor: Actor, opportunity_id: str, reason: str, *,
            window_months: int | str = joint.DEFAULT_WINDOW_MONTHS) -> None:
    """Record that an open opportunity is not to be pursued, and why."""
    access.require_role(actor, *pipeline_store.EDITORS)
    if not reason.strip():
        raise fail("--reason", N_("a reason is needed to dismiss an opportunity"))
    entries = {e.id: e for e in pipeline_store.list_entries(db)}
    opportunity = _open(db, entries, opportunity_id, window_months)
    with db.write() as session:
        _decide(session, actor, opportunity, DISMISSED, reason.strip(), None)
        audit.append(session, actor.username, "joint.dismiss", f"joint:{opportunity.id}",
                     after={"entries": list(opportunity.entries), "reason": reason.strip()})


def _open(db: Database, entries: dict[str, PipelineEntry], opportunity_id: str,
          window_months: int | str) -> joint.Opportunity:
    months = check_window(window_months)
    decided = decisions(db).get(opportunity_id)
    if decided is not None:
        raise StateError(N_("opportunity {id} has already been accepted")
                         if decided.decision == ACCEPTED else
                         N_("opportunity {id} has already been dismissed"), id=opportunity_id)
    for opportunity in joint.find(entries.values(), window_months=months):
        if opportunity.id == opportunity_id:
            return opportunity
    raise NotFound(N_("no joint procurement opportunity {id}"), id=opportunity_id)


def _decide(session: Session, actor: Actor, opportunity: joint.Opportunity, decision: str,
            reason: str, made: str | None) -> None:
    if session.get(JointOpportunityRow, opportunity.id) is not None:  # decided meanwhile
        raise StateError(N_("opportunity {id} has already been accepted")
                         if decision == ACCEPTED else
                         N_("opportunity {id} has already been dismissed"), id=opportunity.id)
    session.add(JointOpportunityRow(
        id=opportunity.id, entries=sorted(opportunity.entries), decision=decision,
        reason=reason, joint_entry=made, decided_by=actor.username, decided_at=clock.now()))
