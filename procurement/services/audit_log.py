"""Reading and checking the audit log.

An entry shows its content (the state before and after) only to a reader who may read the
record it describes, by the same rule the record's own service applies
(:func:`procurement.services.access.may_read`): during scoring the audit office sees that
scores were saved, by whom and when, but not the scores. The chain itself is never cut:
withheld entries keep their hashes and the digests of their content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import get_args

from sqlalchemy.orm import Session

from procurement.domain.chain import ChainReport
from procurement.domain.views import AuditEntryView
from procurement.i18n import N_
from procurement.services import access
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied
from procurement.store import audit
from procurement.store.audit import CsvReport
from procurement.store.db import Database
from procurement.store.rows import AuditRow, ProcurementRow


def verify_chain(db: Database) -> ChainReport:
    """Check the whole chain (any user; the command line runs it as the database's owner)."""
    with db.read() as session:
        return audit.verify(session)


def verify_export(path: str | Path) -> CsvReport:
    """Check an exported log file on its own (no database needed)."""
    return audit.verify_csv(Path(path))


def revision(db: Database) -> int:
    """The sequence number of the newest change: anything computed from the database is
    current while this number stays the same."""
    with db.read() as session:
        return audit.head_seq(session)


def procurement_log(db: Database, actor: Actor, procurement_id: int) -> list[AuditEntryView]:
    """A procurement's entries, for its lead, approvers and observers, each with its content
    only where the reader may read the record it describes."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        _may_read(actor, row.lead_id)
        shown = _visibility(session, actor, row)
        return [_view(e, shown(e)) for e in audit.entries(session, procurement_id)]


def export_log(db: Database, path: str | Path, actor: Actor | None = None,
               procurement_id: int | None = None) -> int:
    """Write the log (or one procurement's entries) as CSV for the evaluation report; for
    ``actor``, with the content they may not read withheld."""
    with db.read() as session:
        visible = None
        if actor is not None and not actor.operator:
            if procurement_id is None:
                raise PermissionDenied(N_("name the procurement whose log you export"))
            row = access.load(session, procurement_id)
            _may_read(actor, row.lead_id)
            visible = _visibility(session, actor, row)
        return audit.export_csv(session, Path(path), procurement_id, visible)


def _visibility(session: Session, actor: Actor, row: ProcurementRow) -> Callable[[AuditRow], bool]:
    allowed = {record: access.may_read(session, actor, row, record)
               for record in get_args(access.Record)}

    def shown(entry: AuditRow) -> bool:
        return allowed[access.audit_record(entry.action)]

    return shown


def _view(entry: AuditRow, shown: bool) -> AuditEntryView:
    return AuditEntryView(seq=entry.seq, at=entry.at, actor=entry.actor, action=entry.action,
                          entity=entry.entity, before=entry.before if shown else None,
                          after=entry.after if shown else None, withheld=not shown,
                          hash=entry.hash)


def _may_read(actor: Actor, lead_id: int) -> None:
    if actor.id != lead_id and actor.role not in ("approver", "observer") and not actor.operator:
        raise PermissionDenied(N_("your role ({role}) may not read the audit log"),
                               role=actor.role)
