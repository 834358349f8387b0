"""Reading and checking the audit log."""

from __future__ import annotations

from pathlib import Path

from procurement.i18n import N_
from procurement.services import access
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied
from procurement.store import audit
from procurement.store.audit import ChainReport
from procurement.store.db import Database
from procurement.store.tables import AuditRow


def verify_chain(db: Database) -> ChainReport:
    """Check the whole chain (any user; the command line runs it as the database's owner)."""
    with db.read() as session:
        return audit.verify(session)


def revision(db: Database) -> int:
    """The sequence number of the newest change: anything computed from the database is
    current while this number stays the same."""
    with db.read() as session:
        return audit.head_seq(session)


def procurement_log(db: Database, actor: Actor, procurement_id: int) -> list[AuditRow]:
    """A procurement's entries, for its lead, approvers and observers."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        _may_read(actor, row.lead_id)
        return audit.entries(session, procurement_id)


def export_log(db: Database, path: str | Path, actor: Actor | None = None,
               procurement_id: int | None = None) -> int:
    """Write the log (or one procurement's entries) as CSV for the evaluation report."""
    with db.read() as session:
        if actor is not None and procurement_id is not None:
            _may_read(actor, access.load(session, procurement_id).lead_id)
        return audit.export_csv(session, Path(path), procurement_id)


def _may_read(actor: Actor, lead_id: int) -> None:
    if actor.id != lead_id and actor.role not in ("approver", "observer"):
        raise PermissionDenied(N_("your role ({role}) may not read the audit log"),
                               role=actor.role)
