"""The pipeline kept in the database: edited in the app, imported from CSV/XLSX, published
with its state in the same database, together with the awards the workflow has made."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from procurement.errors import InputError, Problem
from procurement.i18n import N_
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.releases import AwardNotice, Winner
from procurement.pipeline.sources import EntryReader, Located, ranges
from procurement.pipeline.sources import problem_from as entry_problem
from procurement.pipeline.state import (
    PolicyVersion,
    Published,
    header_item,
    policy_item,
    read_journals,
    releases_in,
    summarise,
)
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import NotFound, StateError
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import PipelineEntryRow, PublishedItemRow
from procurement.vocabulary import Role, Status

EDITORS = (Role.LEAD,)  # who keeps the pipeline: the procurement leads


def list_entries(db: Database) -> list[PipelineEntry]:
    with db.read() as session:
        rows = session.scalars(select(PipelineEntryRow).order_by(PipelineEntryRow.position))
        return [PipelineEntry.model_validate(row.data) for row in rows]


def save_entry(db: Database, actor: Actor, data: dict[str, Any], *,
               replacing: str | None = None) -> PipelineEntry:
    """Add an entry, or change the one with id ``replacing``; refused with the field named."""
    access.require_role(actor, *EDITORS)
    entry = _validated(data, "pipeline")
    with db.write() as session:
        old = session.get(PipelineEntryRow, replacing) if replacing else None
        if replacing and old is None:
            raise NotFound(N_("no pipeline entry {id}"), id=replacing)
        if entry.id != replacing and session.get(PipelineEntryRow, entry.id) is not None:
            raise InputError([Problem("pipeline", N_("duplicate id {id} (first at {first})"),
                                      field="id", params={"id": entry.id, "first": entry.id})])
        if old is not None and entry.id != replacing:
            if _was_published(session, replacing):
                raise StateError(N_("entry {id} has been published; its id cannot change "
                                    "(withdraw it and add a new one)"), id=replacing)
            session.delete(old)
            session.flush()
        _store(session, actor, entry, position=old.position if old else None)
        audit.append(session, actor.username, "pipeline.save", f"pipeline:{entry.id}",
                     before=old.data if old else None, after=entry.model_dump(mode="json"))
    return entry


def delete_entry(db: Database, actor: Actor, entry_id: str) -> None:
    """Remove an entry never published; a published one is withdrawn instead (releases are
    never taken back)."""
    access.require_role(actor, *EDITORS)
    with db.write() as session:
        row = session.get(PipelineEntryRow, entry_id)
        if row is None:
            raise NotFound(N_("no pipeline entry {id}"), id=entry_id)
        if _was_published(session, entry_id):
            raise StateError(N_("entry {id} has been published; set its status to withdrawn "
                                "instead"), id=entry_id)
        audit.append(session, actor.username, "pipeline.delete", f"pipeline:{entry_id}",
                     before=row.data)
        session.delete(row)


def import_entries(db: Database, actor: Actor, path: Path, *, name: str | None = None) -> int:
    """Add or replace the entries of a CSV/XLSX/YAML file or folder, all or nothing.
    ``name`` is what the user calls the file (an upload's name, not the server's copy)."""
    access.require_role(actor, *EDITORS)
    reader = EntryReader(path)
    try:
        entries = [entry for _file, _row, entry in reader]
        reader.check()
    except InputError as exc:
        if name is None:
            raise
        raise InputError([replace(p, file=p.file.replace(str(path), name))
                          for p in exc.problems]) from None
    with db.write() as session:
        for entry in entries:
            old = session.get(PipelineEntryRow, entry.id)
            _store(session, actor, entry, position=old.position if old else None)
        audit.append(session, actor.username, "pipeline.import", f"file:{name or path.name}",
                     after={"entries": [e.id for e in entries]})
    return len(entries)


def published_ids(db: Database) -> set[str]:
    """The entries published at least once: they can be withdrawn, never deleted."""
    with db.read() as session:
        return {key for key in session.scalars(select(PublishedItemRow.entry_key).where(
            PublishedItemRow.entry_key.is_not(None)).distinct()) if key}


def entry_feed(db: Database) -> StoredEntries:
    with db.read() as session:
        rows = list(session.execute(select(PipelineEntryRow.id, PipelineEntryRow.data)
                                    .order_by(PipelineEntryRow.position)))
    return StoredEntries([(entry_id, data) for entry_id, data in rows])


@dataclass
class StoredEntries:
    """The database's entries as a publish feed (re-validated: the rules may have grown)."""

    rows: list[tuple[str, dict[str, Any]]]
    problems: list[Problem] = field(default_factory=list)

    def split(self, parts: int, min_size: int = 1) -> list[StoredEntries]:
        return [StoredEntries(self.rows[begin:end])
                for begin, end in ranges(len(self.rows), parts, min_size)]

    def __iter__(self) -> Iterator[Located]:
        for entry_id, data in self.rows:
            where = f"pipeline:{entry_id}"
            try:
                yield where, None, PipelineEntry.model_validate(data)
            except ValidationError as exc:
                self.problems.extend(entry_problem(where, None, e) for e in exc.errors())


@dataclass
class DatabaseState:
    """The publish state in the ``published_items`` table."""

    db: Database

    def _items(self) -> Iterator[dict[str, Any]]:
        with self.db.read() as session:
            yield from session.scalars(select(PublishedItemRow.item)
                                       .order_by(PublishedItemRow.seq))

    def read(self) -> Published:
        return summarise(self._items())

    def releases(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return releases_in(self._items())

    def commit(self, ocid_prefix: str, journals: list[Path],
               policy: PolicyVersion | None) -> None:
        with self.db.write() as session:
            if not session.scalar(select(func.count()).select_from(PublishedItemRow)):
                session.add(PublishedItemRow(item=header_item(ocid_prefix)))
            for item in read_journals(journals):
                session.add(PublishedItemRow(entry_key=item["entry"], item=item))
            if policy is not None:
                session.add(PublishedItemRow(item=policy_item(policy)))


def awarded(db: Database) -> list[AwardNotice]:
    """Every awarded procurement with its winners and their prices."""
    notices = []
    with db.read() as session:
        for row in repo.procurements(session):
            if row.status != Status.AWARDED:
                continue
            decision = repo.latest_decision(session, row.id)
            if decision is None:
                continue
            bids = {b.bid_ref: b for b in repo.bids(session, row.id)}
            prices = repo.envelopes(session, row.id)
            winners = tuple(
                Winner(None if lot in ("", "-", None) or len(decision.winners) == 1 else lot,
                       bids[ref].supplier_name, bids[ref].supplier_identifier or None,
                       _price(prices.get(bids[ref].id)))
                for lot, ref in sorted(decision.winners.items()) if ref in bids)
            terms = row.contract_terms or {}
            notices.append(AwardNotice(
                reference=row.reference, title=row.title, buyer=row.buyer_name,
                awarded_on=row.status_changed_at.date(), tenderers=len(bids),
                winners=winners, currency=terms.get("currency"), buyer_id=row.buyer_id or None,
                description=row.description or None))
    return notices


def _price(envelope: Any) -> Decimal | None:
    if envelope is None or envelope.price is None:
        return None
    return Decimal(str(envelope.price))


def _validated(data: dict[str, Any], where: str) -> PipelineEntry:
    try:
        return PipelineEntry.model_validate(data)
    except ValidationError as exc:
        raise InputError([entry_problem(where, None, e) for e in exc.errors()]) from exc


def _store(session: Any, actor: Actor, entry: PipelineEntry, *, position: int | None) -> None:
    if position is None:
        position = (session.scalar(select(func.max(PipelineEntryRow.position))) or 0) + 1
    session.merge(PipelineEntryRow(
        id=entry.id, data=json.loads(entry.model_dump_json(exclude_none=True)), position=position,
        updated_at=clock.now(), updated_by=actor.username))


def _was_published(session: Any, entry_id: str | None) -> bool:
    return session.scalar(select(PublishedItemRow.seq).where(
        PublishedItemRow.entry_key == entry_id).limit(1)) is not None
