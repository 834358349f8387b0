"""Design reviews recorded in the city's portfolio, and the portfolio's Table 3 maturity over
time (ISO 37106 6.6.3 b; ``procurement.design.maturity``). Load, act, audit, save.

A review is recorded by a procurement lead (who designs the tenders), optionally for one of
the city's procurements; every role may read the portfolio's maturity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from procurement.design.maturity import DesignRecord, by_year, maturity_view
from procurement.design.model import ProcurementDesign
from procurement.design.review import review
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import DesignReviewRow, UserRow
from procurement.vocabulary import Role

RECORDERS = (Role.LEAD,)


@dataclass(frozen=True)
class RecordedReview:
    id: int
    design_key: str
    title: str
    procurement: str | None  # the procurement's reference, if recorded for one
    reviewed_by: str
    reviewed_at: datetime
    smart_rows: int


def design_key(design: ProcurementDesign) -> str:
    """How the portfolio knows a design: its reference, else its title."""
    return design.reference or design.title


def record(db: Database, actor: Actor, design: ProcurementDesign,
           procurement_id: int | None = None) -> RecordedReview:
    """Review ``design`` and record the review (and the design as reviewed) in the portfolio;
    recorded for a procurement, only by its lead."""
    access.require_role(actor, *RECORDERS)
    ratings = review(design).ratings
    levels = {str(r.row): r.level for r in ratings}
    with db.write() as session:
        reference = None
        if procurement_id is not None:
            reference = access.lead_of(session, actor, procurement_id).reference
        row = DesignReviewRow(design_key=design_key(design), title=design.title,
                              buyer=design.buyer, procurement_id=procurement_id,
                              design=design.stated(), levels=levels, reviewed_by=actor.id,
                              reviewed_at=clock.now())
        session.add(row)
        session.flush()
        smart = sum(1 for level in levels.values() if level == "smart")
        audit.append(session, actor.username, "design.review", f"design:{row.design_key}",
                     after={"review": row.id, "procurement": reference, "levels": levels,
                            "smart_rows": smart})
    return RecordedReview(row.id, row.design_key, row.title, reference, actor.username,
                          row.reviewed_at, smart)


def recorded(db: Database) -> list[RecordedReview]:
    """Every recorded review, newest first."""
    with db.read() as session:
        found = session.execute(
            select(DesignReviewRow, UserRow.username)
            .join(UserRow, UserRow.id == DesignReviewRow.reviewed_by)
            .order_by(DesignReviewRow.reviewed_at.desc(), DesignReviewRow.id.desc())).all()
        references = {p.id: p.reference for p in repo.procurements(session)}
        return [RecordedReview(
            row.id, row.design_key, row.title, references.get(row.procurement_id or 0),
            username, row.reviewed_at,
            sum(1 for level in row.levels.values() if level == "smart"))
            for row, username in found]


def records(db: Database) -> list[DesignRecord]:
    """The recorded reviews as the maturity's pure functions take them."""
    with db.read() as session:
        return [DesignRecord(row.design_key, row.reviewed_at,
                             {int(number): level for number, level in row.levels.items()})
                for row in session.scalars(select(DesignReviewRow))]


def maturity(db: Database) -> dict[str, Any]:
    """The portfolio's Table 3 maturity per year of review, as plain data."""
    return maturity_view(by_year(records(db)))
