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
from procurement.pipeline.awards import AwardNotice, Bidder, Criterion, CriterionType, Winner
from procurement.pipeline.entry import PipelineEntry
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
from procurement.store.pipeline_rows import PipelineEntryRow, PublishedItemRow
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
        store_entry(session, actor, entry, position=old.position if old else None)
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
            store_entry(session, actor, entry, position=old.position if old else None)
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
    """Every awarded procurement with its winners, every bid received (scale, whether it
    stayed in the evaluation, its value) and the award criteria with their weights."""
    notices = []
    with db.read() as session:
        for row in repo.procurements(session):
            if row.status != Status.AWARDED:
                continue
            decision = repo.latest_decision(session, row.id)
            if decision is None:
                continue
            bids = {b.bid_ref: b for b in repo.bids(session, row.id)}
            envelopes = repo.envelopes(session, row.id)
            values = {ref: _contract_value(envelopes.get(bid.id)) for ref, bid in bids.items()}
            lotted = len(decision.winners) > 1 or bool(row.lots)
            winners = tuple(
                Winner(lot if lotted and lot not in ("", "-", None) else None,
                       bids[ref].supplier_name, bids[ref].supplier_identifier or None,
                       values[ref], ref)
                for lot, ref in sorted(decision.winners.items()) if ref in bids)
            ranked = {ref for evaluation in decision.evaluation.values()
                      for ref in _ranked(evaluation)}
            bidders = tuple(
                Bidder(ref, bid.supplier_name, bid.supplier_identifier or None, bid.sme,
                       ref in ranked, values[ref], bid.lot if lotted else None)
                for ref, bid in bids.items())
            terms = row.contract_terms or {}
            first: dict[str, Any] = next(iter(decision.evaluation.values()), {})
            notices.append(AwardNotice(
                reference=row.reference, title=row.title, buyer=row.buyer_name,
                awarded_on=row.status_changed_at.date(),
                tenderers=len({(b.supplier_identifier or b.supplier_name) for b in bids.values()}),
                winners=winners, currency=terms.get("currency"), buyer_id=row.buyer_id or None,
                description=row.description or None, bidders=bidders,
                criteria=_criteria(row.rubric, first.get("weights", {})),
                lots=tuple((str(lot["id"]), str(lot.get("title") or lot["id"]))
                           for lot in row.lots),
                publish_bids=bool((row.options or {}).get("publish_bids"))))
    return notices


def _ranked(evaluation: dict[str, Any]) -> list[str]:
    return [bid["bid_id"] for bid in evaluation.get("ranking", [])
            if bid.get("status") == "ranked"]


def _criteria(rubric: dict[str, Any], weights: dict[str, float]) -> tuple[Criterion, ...]:
    """The weighted criteria as published in the methodology: the cost criterion as price
    (or as cost, on total cost of ownership), every scored criterion as quality."""
    found = []
    for criterion in rubric.get("criteria", []):
        weight = weights.get(criterion["id"])
        if weight is None or criterion.get("kind") == "gate":
            continue
        names = criterion.get("name", {})
        name = " · ".join(dict.fromkeys(v for v in (names.get("en"), names.get("zh")) if v))
        kind: CriterionType = (
            "quality" if criterion.get("kind") != "cost" else
            "price" if criterion.get("basis", "price") == "price" else "cost")
        found.append(Criterion(kind, name or criterion["id"], weight * 100))
    return tuple(found)


def _contract_value(envelope: Any) -> Decimal | None:
    """What the contract pays: the price, or the capital cost plus the yearly charges over
    the term (undiscounted; the exit cost is paid only on exit)."""
    if envelope is None:
        return None
    if envelope.price is not None:
        return Decimal(str(envelope.price))
    if None in (envelope.capex, envelope.opex_per_year, envelope.term_years):
        return None
    return (Decimal(str(envelope.capex))
            + Decimal(str(envelope.opex_per_year)) * Decimal(str(envelope.term_years)))


def _validated(data: dict[str, Any], where: str) -> PipelineEntry:
    try:
        return PipelineEntry.model_validate(data)
    except ValidationError as exc:
        raise InputError([entry_problem(where, None, e) for e in exc.errors()]) from exc


def store_entry(session: Any, actor: Actor, entry: PipelineEntry, *,
                position: int | None = None) -> None:
    if position is None:
        position = (session.scalar(select(func.max(PipelineEntryRow.position))) or 0) + 1
    session.merge(PipelineEntryRow(
        id=entry.id, data=json.loads(entry.model_dump_json(exclude_none=True)), position=position,
        updated_at=clock.now(), updated_by=actor.username))


def _was_published(session: Any, entry_id: str | None) -> bool:
    return session.scalar(select(PublishedItemRow.seq).where(
        PublishedItemRow.entry_key == entry_id).limit(1)) is not None
