"""The append-only audit log as a SHA-256 hash chain.

Each entry's hash covers its sequence number, time, actor, action, entity, the state before
and after (canonical JSON) and the previous entry's hash, so editing, deleting or reordering
any entry breaks the chain from there on. Entries of scheme 2 (every entry written since
migration 0004) hash the SHA-256 digests of the before and after texts instead of the texts
themselves: a log exported with some content withheld from its reader (scores before the
award, say) carries those digests in place of the content, and stays verifiable end to end
(:func:`verify_csv`). The last sequence number and hash are also kept in
``audit_head``, which catches a deleted tail. The database refuses UPDATE and DELETE on the
log (triggers, see the first migration); the chain shows tampering by anyone who bypasses
that, and ``verify`` names the first bad entry.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from procurement import clock
from procurement.domain.chain import ChainReport
from procurement.i18n import N_
from procurement.store.rows import AuditHeadRow, AuditRow

GENESIS = "0" * 64
SCHEME = 2  # how new entries are hashed (see the module docstring)
CSV_COLUMNS = ("seq", "at", "actor", "action", "entity", "procurement_id", "before", "after",
               "prev_hash", "hash", "scheme", "before_sha256", "after_sha256", "withheld")
WITHHELD = "withheld"  # the ``withheld`` column of an entry whose content the reader may not see


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


def digest(text: str | None) -> str | None:
    """The SHA-256 of a before/after text (None stays None)."""
    return None if text is None else hashlib.sha256(text.encode()).hexdigest()


def chained_hash(scheme: int, seq: int, at: str, actor: str, action: str, entity: str,
                 procurement_id: int | None, before: str | None, after: str | None,
                 prev_hash: str, *, digests: tuple[str | None, str | None] | None = None) -> str:
    """An entry's hash. Scheme 2 needs only the digests of before and after, which a reader
    who may not see the content is given instead (``digests``)."""
    if scheme == 1:
        parts: list[Any] = [seq, at, actor, action, entity, procurement_id, before, after,
                            prev_hash]
    else:
        before_digest, after_digest = digests or (digest(before), digest(after))
        parts = [scheme, seq, at, actor, action, entity, procurement_id, before_digest,
                 after_digest, prev_hash]
    return hashlib.sha256(canonical(parts).encode()).hexdigest()


def entry_hash(row: AuditRow) -> str:
    return chained_hash(row.scheme or 1, row.seq, row.at, row.actor, row.action, row.entity,
                        row.procurement_id, row.before, row.after, row.prev_hash)


def append(session: Session, actor: str, action: str, entity: str, *,
           procurement_id: int | None = None, before: Any = None, after: Any = None,
           at: datetime | None = None) -> int:
    """Add one entry in the caller's transaction (writers are serialised by the database);
    return its sequence number."""
    return append_all(session, actor, [Entry(action, entity, procurement_id, before, after)],
                      at=at)


@dataclass(frozen=True)
class Entry:
    """One entry of :func:`append_all`: what :func:`append` takes, but the actor and time."""

    action: str
    entity: str
    procurement_id: int | None = None
    before: Any = None
    after: Any = None


def append_all(session: Session, actor: str, entries: list[Entry], *,
               at: datetime | None = None) -> int:
    """Add many entries at once, chained in order, in one INSERT of many rows and one head
    update (an import of 10,000 bids: one entry each). Returns the last sequence number."""
    head = session.get(AuditHeadRow, 1)
    seq, previous = (head.seq, head.hash) if head else (0, GENESIS)
    stamp = (at or clock.now()).astimezone(UTC).isoformat(timespec="microseconds")
    rows = []
    for entry in entries:
        seq += 1
        before = None if entry.before is None else canonical(entry.before)
        after = None if entry.after is None else canonical(entry.after)
        hashed = chained_hash(SCHEME, seq, stamp, actor, entry.action, entry.entity,
                              entry.procurement_id, before, after, previous)
        rows.append({"seq": seq, "at": stamp, "actor": actor, "action": entry.action,
                     "entity": entry.entity, "procurement_id": entry.procurement_id,
                     "before": before, "after": after, "prev_hash": previous,
                     "hash": hashed, "scheme": SCHEME})
        previous = hashed
    if not rows:
        return seq
    session.execute(insert(AuditRow), rows)
    if head is None:
        session.add(AuditHeadRow(id=1, seq=seq, hash=previous))
    else:
        head.seq, head.hash = seq, previous
    return seq


def head_seq(session: Session) -> int:
    head = session.get(AuditHeadRow, 1)
    return head.seq if head else 0


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


def hash_at(session: Session, seq: int) -> str | None:
    """The hash of entry ``seq``, None when the log has no such entry."""
    return session.scalar(select(AuditRow.hash).where(AuditRow.seq == seq))


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


def export_csv(session: Session, path: Path, procurement_id: int | None = None,
               visible: Callable[[AuditRow], bool] | None = None) -> int:
    """Write the log (or one procurement's entries) as CSV; return the number of entries.
    An entry that ``visible`` rejects keeps everything but its content: its before and after
    are left out, their digests stay (so the chain can still be checked), and the
    ``withheld`` column says so."""
    from procurement.atomic import atomic_path
    from procurement.export import neutralise

    count = 0
    with atomic_path(path) as temporary, temporary.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in _entries(session, procurement_id):
            shown = visible is None or visible(row)
            values: dict[str, Any] = {name: getattr(row, name) for name in CSV_COLUMNS[:10]}
            values.update(scheme=row.scheme or 1, before_sha256=digest(row.before),
                          after_sha256=digest(row.after), withheld="" if shown else WITHHELD)
            if not shown:
                values["before"] = values["after"] = None
            writer.writerow([neutralise(v) if isinstance(v, str) else v
                             for v in (values[name] for name in CSV_COLUMNS)])
            count += 1
    return count


@dataclass(frozen=True)
class CsvReport:
    """The outcome of :func:`verify_csv`."""

    entries: int
    withheld: int  # entries whose content was withheld (verified through their digests)
    unverifiable: int  # withheld entries of scheme 1, whose own hash needs the content
    head_hash: str
    first_bad: int | None = None
    problem: tuple[str, dict[str, Any]] | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_csv(path: Path) -> CsvReport:
    """Check an exported log on its own: every hash, the links between entries and, where
    content is given, that it matches its digest. One procurement's export is a subsequence
    of the chain, so only the links between consecutive sequence numbers are checked."""
    entries = withheld = unverifiable = 0
    previous: tuple[int, str] | None = None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            cells = {name: _unneutralised(record.get(name) or "") for name in CSV_COLUMNS}
            seq, scheme = int(cells["seq"]), int(cells["scheme"] or 1)
            problem = _csv_problem(cells, seq, scheme, previous)
            if problem is not None:
                return CsvReport(entries, withheld, unverifiable,
                                 previous[1] if previous else GENESIS, seq, problem)
            entries += 1
            hidden = cells["withheld"] == WITHHELD
            withheld += hidden
            unverifiable += hidden and scheme == 1
            previous = (seq, cells["hash"])
    return CsvReport(entries, withheld, unverifiable, previous[1] if previous else GENESIS)


def _csv_problem(cells: dict[str, str], seq: int, scheme: int,
                 previous: tuple[int, str] | None) -> tuple[str, dict[str, Any]] | None:
    before, after = cells["before"] or None, cells["after"] or None
    digests = (cells["before_sha256"] or None, cells["after_sha256"] or None)
    hidden = cells["withheld"] == WITHHELD
    if not hidden and (digest(before), digest(after)) != digests:
        return N_("entry {seq} does not match the digest of its content"), {"seq": seq}
    if previous is not None and seq <= previous[0]:
        return N_("entry {seq} comes after entry {before}: entries were reordered"), {
            "seq": seq, "before": previous[0]}
    if previous is not None and previous[0] + 1 == seq and cells["prev_hash"] != previous[1]:
        return N_("entry {seq} does not follow entry {before}: entries were reordered, removed "
                  "or altered"), {"seq": seq, "before": seq - 1}
    if hidden and scheme == 1:
        return None  # its own hash needs the content; the links around it were checked
    pid = int(cells["procurement_id"]) if cells["procurement_id"] else None
    expected = chained_hash(scheme, seq, cells["at"], cells["actor"], cells["action"],
                            cells["entity"], pid, before, after, cells["prev_hash"],
                            digests=digests if hidden else None)
    if expected != cells["hash"]:
        return N_("entry {seq} was altered after it was written"), {"seq": seq}
    return None


def _unneutralised(cell: str) -> str:
    """Undo the export's protection against spreadsheet formulas (no logged value starts
    with an apostrophe followed by a formula character)."""
    from procurement.export import FORMULA_PREFIXES

    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_PREFIXES and cell[1:2] else cell
