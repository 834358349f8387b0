"""What each user has to do next, across their procurements (the home page's task list)."""

from __future__ import annotations

from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.views import Task
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.tables import ProcurementRow

# What the lead does next in each status.
_LEAD_NEXT = {"draft": "open_tender", "open": "receive_bids",
              "quality_evaluation": "close_quality", "price_opening": "open_prices",
              "moderation": "moderate"}


def my_tasks(db: Database, actor: Actor) -> list[Task]:
    tasks: list[Task] = []
    with db.read() as session:
        for row in repo.procurements(session):

            def task(kind: str, row: ProcurementRow = row) -> Task:
                return Task(procurement_id=row.id, reference=row.reference, title=row.title,
                            kind=kind)

            if row.lead_id == actor.id:
                if row.status == "standstill" and row.standstill_end and \
                        clock.today() > row.standstill_end:
                    tasks.append(task("award"))
                elif row.status in _LEAD_NEXT:
                    tasks.append(task(_LEAD_NEXT[row.status]))
            elif actor.role == "approver" and row.status == "award_recommended":
                tasks.append(task("approve"))
            seat = repo.member(session, row.id, actor.id)
            if seat is None or row.status not in ("open", "quality_evaluation"):
                continue
            if seat.coi == "pending":
                tasks.append(task("declare_interests"))
            elif seat.coi == "none" and row.status == "quality_evaluation" and \
                    not seat.submitted_at:
                tasks.append(task("score"))
    return tasks
