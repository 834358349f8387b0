"""The append-only audit log as a SHA-256 hash chain.

Each entry's hash covers its sequence number, time, actor, action, entity, the state before
and after (canonical JSON) and the previous entry's hash, so editing, deleting or reordering
any entry breaks the chain from there on. The last sequence number and hash are also kept in
``audit_head``, which catches a deleted tail. The database refuses UPDATE and DELETE on the
log (triggers, see the first migration); the chain shows tampering by anyone who bypasses
that, and ``verify`` names the first bad entry.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from procurement.i18n import N_
from procurement.store.tables import AuditHeadRow, AuditRow

GENESIS = "0" * 64
CSV_COLUMNS = ("seq", "at", "actor", "action", "entity", "procurement_id", "before", "after",
               "prev_hash", "hash")


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same value always hashes the same."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def entry_hash(row: AuditRow) -> str:
    content = canonical([row.seq, row.at, row.actor, row.action, row.entity, row.procurement_id,
                         row.before, row.after, row.prev_hash])
    return hashlib.sha256(content.encode()).hexdigest()


def append(session: Session, actor: str, action: str, entity: str, *,
           procurement_id: int | None = None, before: Any = None, after: Any = None,
           at: datetime | None = None) -> AuditRow:
    """Add one entry in the caller's transaction (writers are serialised by the database)."""
    head = session.get(AuditHeadRow, 1)
    row = AuditRow(
        seq=(head.seq if head else 0) + 1,
        at=(at or datetime.now(UTC)).isoformat(timespec="microseconds"),
        actor=actor, action=action, entity=entity, procurement_id=procurement_id,
        before=None if before is None else canonical(before),
        after=None if after is None else canonical(after),
        prev_hash=head.hash if head else GENESIS,
    )
    row.hash = entry_hash(row)
    session.add(row)
    if head is None:
        session.add(AuditHeadRow(id=1, seq=row.seq, hash=row.hash))
    else:
        head.seq, head.hash = row.seq, row.hash
    return row


def head_seq(session: Session) -> int:
    head = session.get(AuditHeadRow, 1)
    return head.seq if head else 0


@dataclass(frozen=True)
class ChainReport:
    """The outcome of :func:`verify`: ``problem`` is (message id, parameters) or None."""

    entries: int
    head_hash: str
    first_bad: int | None = None
    problem: tuple[str, dict[str, Any]] | None = None
    checked_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(session: Session) -> ChainReport:
    """Walk the chain from the first entry; report the first entry that does not hold."""
    expected_seq, previous = 1, GENESIS
    for row in _entries(session):
        if row.seq != expected_seq:
            return _bad(expected_seq - 1, previous, expected_seq,
                        N_("entry {seq} is missing: the log jumps from {before} to {after}"),
                        seq=expected_seq, before=expected_seq - 1, after=row.seq)
        if row.prev_hash != previous:
            return _bad(row.seq - 1, previous, row.seq,
                        N_("entry {seq} does not follow entry {before}: entries were reordered, "
                           "removed or altered"), seq=row.seq, before=row.seq - 1)
        if entry_hash(row) != row.hash:
            return _bad(row.seq - 1, previous, row.seq,
                        N_("entry {seq} was altered after it was written"), seq=row.seq)
        expected_seq, previous = row.seq + 1, row.hash
    last = expected_seq - 1
    head = session.get(AuditHeadRow, 1)
    recorded = (head.seq, head.hash) if head else (0, GENESIS)
    if recorded != (last, previous):
        return _bad(last, previous, last + 1,
                    N_("entries after {seq} were deleted (the log's head records entry {head})"),
                    seq=last, head=head.seq if head else 0)
    return ChainReport(entries=last, head_hash=previous)


def _bad(entries: int, head_hash: str, first_bad: int, msgid: str, **params: Any) -> ChainReport:
    return ChainReport(entries=entries, head_hash=head_hash, first_bad=first_bad,
                       problem=(msgid, params))


def _entries(session: Session, procurement_id: int | None = None) -> Iterator[AuditRow]:
    query = select(AuditRow).order_by(AuditRow.seq).execution_options(yield_per=1000)
    if procurement_id is not None:
        query = query.where(AuditRow.procurement_id == procurement_id)
    # Closed even when the caller stops early (verify does): PostgreSQL streams through a
    # server-side cursor here.
    with session.scalars(query) as rows:
        yield from rows


def entries(session: Session, procurement_id: int | None = None) -> list[AuditRow]:
    return list(_entries(session, procurement_id))


def export_csv(session: Session, path: Path, procurement_id: int | None = None) -> int:
    """Write the log (or one procurement's entries) as CSV; return the number of entries."""
    from procurement.export import atomic_path, neutralise

    count = 0
    with atomic_path(path) as temporary, temporary.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in _entries(session, procurement_id):
            writer.writerow([neutralise(str(v)) if isinstance(v, str) else v
                             for v in (getattr(row, name) for name in CSV_COLUMNS)])
            count += 1
    return count
