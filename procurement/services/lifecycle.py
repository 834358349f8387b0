"""Moving a procurement through its statuses: each service loads the procurement, gathers the
facts its step's guard looks at, lets the domain move it (procurement.domain.procurement),
and saves and audits the result. The award steps are in award.py."""

from __future__ import annotations

from sqlalchemy.orm import Session

from procurement.domain.procurement import Facts, Procurement, Step, advance
from procurement.scoring.inputs import TCO_COLUMNS
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import ProcurementRow
from procurement.vocabulary import Coi, CostBasis


def open_for_bids(db: Database, actor: Actor, procurement_id: int) -> None:
    """Publish the methodology and open the tender: it cannot change from now on."""
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        step(session, actor, row, Step.OPEN_TENDER,
             Facts(evaluators=len(repo.panel(session, row.id))))


def start_quality_evaluation(db: Database, actor: Actor, procurement_id: int) -> None:
    """Close the tender and let the cleared evaluators score the bids."""
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        step(session, actor, row, Step.START_QUALITY,
             Facts(bids=len(repo.bids(session, row.id))))


def close_quality_evaluation(db: Database, actor: Actor, procurement_id: int) -> None:
    """Close quality scoring; the price envelopes may then be opened."""
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        panel = repo.panel(session, row.id)
        cleared = [m for m in panel if m.coi == Coi.NONE]
        step(session, actor, row, Step.CLOSE_QUALITY, Facts(
            undeclared=sum(1 for m in panel if m.coi == Coi.PENDING), cleared=len(cleared),
            unsubmitted=sum(1 for m in cleared if m.submitted_at is None)))


def start_moderation(db: Database, actor: Actor, procurement_id: int) -> None:
    """With every price envelope complete, moderate the panel's scores."""
    with db.write() as session:
        row = access.lead_of(session, actor, procurement_id, lock=True)
        cost = procurements.to_domain(row).rubric.cost
        fields: tuple[str, ...] = () if cost is None else (
            ("price",) if cost.basis == CostBasis.PRICE else TCO_COLUMNS)
        envelopes = repo.envelopes(session, row.id)
        incomplete = tuple(
            b.bid_ref for b in repo.bids(session, row.id)
            if fields and (b.id not in envelopes
                           or any(getattr(envelopes[b.id], f) is None for f in fields)))
        step(session, actor, row, Step.OPEN_PRICES, Facts(incomplete_envelopes=incomplete))


def step(session: Session, actor: Actor, row: ProcurementRow, what: Step, facts: Facts
         ) -> Procurement:
    """Take ``what`` (the domain checks the status and the guard), save it and record who did
    it. Returns the procurement as it now is."""
    before = procurements.to_domain(row)
    after = advance(before, what, facts, clock.now())
    procurements.save(row, after)
    audit.append(session, actor.username, f"procurement.{after.status}", f"procurement:{row.id}",
                 procurement_id=row.id, before={"status": before.status},
                 after={"status": after.status})
    return after
