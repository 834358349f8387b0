"""Bids: received into a procurement (imported all-or-nothing, or one at a time), read by
the lead, approvers and cleared evaluators; the price envelope sealed until quality
scoring is closed."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from procurement.domain.procurement import Action, refused
from procurement.domain.terms import parse_kpis, parse_list
from procurement.domain.views import BidView, EnvelopeView
from procurement.errors import InputError, Problem, ProcurementError
from procurement.i18n import N_
from procurement.jurisdictions import orgid
from procurement.scoring.inputs import TCO_COLUMNS, BidSet
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import BidRow, ProcurementRow
from procurement.tables.bids import ID_COLUMNS, validate_bids
from procurement.tables.read import Table, read_table, read_table_bytes
from procurement.vocabulary import Status

ANSWER_PREFIX = "answer_"
OPTIONAL_COLUMNS = ("supplier_id", "lot", "kpis", "open_standards")


def import_bids(db: Database, actor: Actor, procurement_id: int, path: str | Path) -> int:
    """Add every bid of a CSV/XLSX file, or none: the first bad cell stops the import."""
    table = read_table(path, text_columns=ID_COLUMNS | set(OPTIONAL_COLUMNS))
    return _add(db, actor, procurement_id, table)


def add_bids(db: Database, actor: Actor, procurement_id: int,
             records: Sequence[Mapping[str, Any]]) -> int:
    """Add bids given as records with the columns of a bids file (the same rules apply)."""
    if not records:
        return 0
    names = list(dict.fromkeys(name for record in records for name in record))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(names)
    for record in records:
        writer.writerow(["" if record.get(n) is None else record.get(n) for n in names])
    table = read_table_bytes(out.getvalue().encode(), "form",
                             text_columns=ID_COLUMNS | set(OPTIONAL_COLUMNS))
    return _add(db, actor, procurement_id, table)


def update_bid(db: Database, actor: Actor, procurement_id: int, bid_ref: str, *,
               supplier_name: str | None = None, supplier_identifier: str | None = None,
               sme: bool | None = None, gates: Mapping[str, bool] | None = None) -> BidView:
    """Correct a bid's record while the tender is open (its price envelope stays sealed)."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RECEIVE_BIDS, lock=True)
        bid = access.bid(session, row, bid_ref)
        known = {c.id for c in procurements.to_domain(row).rubric.gates}
        unknown = sorted(set(gates or {}) - known)
        if unknown:
            raise ProcurementError(N_("no pass/fail criterion {ids} in this rubric"),
                                   ids=", ".join(unknown))
        if supplier_name is not None and not supplier_name.strip():
            raise ProcurementError(N_("the supplier's name must not be empty"))
        before = _view(bid).model_dump()
        if supplier_name is not None:
            bid.supplier_name = supplier_name.strip()
        if supplier_identifier is not None:
            bid.supplier_identifier = supplier_identifier.strip()
        if sme is not None:
            bid.sme = sme
        if gates:
            bid.gates = {**bid.gates, **{k: bool(v) for k, v in gates.items()}}
        after = _view(bid).model_dump()
        audit.append(session, actor.username, "bid.update", f"bid:{row.id}:{bid_ref}",
                     procurement_id=row.id, before=before, after=after)
        return _view(bid)


def withdraw_bid(db: Database, actor: Actor, procurement_id: int, bid_ref: str) -> None:
    """Remove a bid received in error, while the tender is open."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RECEIVE_BIDS, lock=True)
        bid = access.bid(session, row, bid_ref)
        envelope = repo.envelopes(session, row.id).get(bid.id)
        if envelope is not None:
            session.delete(envelope)
        before = _view(bid).model_dump()
        session.delete(bid)
        audit.append(session, actor.username, "bid.withdraw", f"bid:{row.id}:{bid_ref}",
                     procurement_id=row.id, before=before)


def list_bids(db: Database, actor: Actor, procurement_id: int) -> list[BidView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "bids"):
            # Name the reason: a role that never sees bids, an undeclared interest, too early.
            access.may_see_bids(session, actor, row)
            if not Status(row.status).evaluating_or_after:
                raise refused(procurements.to_domain(row))
            raise PermissionDenied(N_("your role ({role}) may not see the bids"), role=actor.role)
        return [_view(b) for b in repo.bids(session, row.id)]


def read_envelopes(db: Database, actor: Actor, procurement_id: int) -> list[EnvelopeView]:
    """The price envelopes, to the lead and approvers, once quality scoring is closed."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.may_open_envelopes(actor, row)
        envelopes = repo.envelopes(session, row.id)
        views = []
        for bid in repo.bids(session, row.id):
            e = envelopes.get(bid.id)
            views.append(EnvelopeView(
                bid_ref=bid.bid_ref, price=e.price if e else None, capex=e.capex if e else None,
                opex_per_year=e.opex_per_year if e else None,
                term_years=e.term_years if e else None, exit_cost=e.exit_cost if e else None))
        return views




def _add(db: Database, actor: Actor, procurement_id: int, table: Table) -> int:
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RECEIVE_BIDS, lock=True)
        rubric = procurements.to_domain(row).rubric
        bids = validate_bids(table, rubric, scores_from_panel=True)
        texts = _texts(bids)
        lots = _lots(table, bids, row, texts["lot"])
        commitments = _commitments(table, bids, texts)
        existing = {b.bid_ref for b in repo.bids(session, row.id)}
        taken = [Problem(table.file, N_("bid {bid_id} is in this procurement already"),
                         row=bids.row(i), column="bid_id", params={"bid_id": ref})
                 for i, ref in enumerate(bids.bid_ids) if ref in existing]
        taken += _identifier_problems(table.file, bids, texts["supplier_id"])
        if taken:
            raise InputError(taken)
        received = clock.now()
        records = [_record(row.id, bids, texts, lots, commitments, i, received)
                   for i in range(len(bids))]
        repo.add_bids(session, records, [_envelope(bids, i) for i in range(len(bids))])
        # The audit entries name the bids but not their prices: the envelopes are sealed.
        audit.append_all(session, actor.username, [
            audit.Entry("bid.receive", f"bid:{row.id}:{record['bid_ref']}",
                        procurement_id=row.id, after=_record_view(record).model_dump())
            for record in records])
        return len(bids)


def _record(procurement_id: int, bids: BidSet, texts: dict[str, list[str]],
            lots: list[str | None], commitments: list[dict[str, Any]], i: int,
            received: datetime) -> dict[str, Any]:
    answers = {name[len(ANSWER_PREFIX):]: column[i] for name, column in texts.items()
               if name.startswith(ANSWER_PREFIX) and column[i]}
    return {"procurement_id": procurement_id, "bid_ref": bids.bid_ids[i],
            "supplier_name": bids.suppliers[i], "supplier_identifier": texts["supplier_id"][i],
            "sme": bool(bids.sme[i]), "lot": lots[i],
            "gates": {g: bool(v[i]) for g, v in bids.gates.items()}, "answers": answers,
            "commitments": commitments[i], "received_at": received}


def _envelope(bids: BidSet, i: int) -> dict[str, float | None]:
    cost = bids.cost
    values = {"price": cost.price}
    values.update({name: getattr(cost, name) for name in TCO_COLUMNS})
    return {name: None if array is None else float(array[i]) for name, array in values.items()}


def _commitments(table: Table, bids: BidSet,
                 texts: dict[str, list[str]]) -> list[dict[str, Any]]:
    """What each bid commits to for the contract: KPIs and open standards."""
    found, problems = [], []
    for i in range(len(bids)):
        try:
            kpis = [k.model_dump() for k in parse_kpis(texts["kpis"][i])]
        except ValueError as exc:
            problems.append(Problem(table.file, N_(
                "cannot read the KPI '{entry}': write measure: baseline -> target"),
                row=bids.row(i), column="kpis", params={"entry": str(exc)}))
            kpis = []
        found.append({"kpis": kpis, "open_standards": parse_list(texts["open_standards"][i])})
    if problems:
        raise InputError(problems)
    return found


def _lots(table: Table, bids: BidSet, row: ProcurementRow,
          texts: list[str]) -> list[str | None]:
    lot_ids = {str(lot["id"]) for lot in row.lots}
    values = [text or None for text in texts]
    problems = []
    for i, lot in enumerate(values):
        if lot_ids and lot not in lot_ids:
            problems.append(Problem(table.file, N_("the lot must be one of {lots}"),
                                    row=bids.row(i), column="lot",
                                    params={"lots": ", ".join(sorted(lot_ids))}))
        elif not lot_ids and lot:
            problems.append(Problem(table.file, N_("this procurement has no lots"),
                                    row=bids.row(i), column="lot"))
    if problems:
        raise InputError(problems)
    return values


def _identifier_problems(file: str, bids: BidSet, identifiers: list[str]) -> list[Problem]:
    """A supplier identifier is an org-id (SCHEME-ID) in a registered scheme that passes its
    scheme's check: it is published as the supplier's ``identifier``."""
    problems = []
    for i, identifier in enumerate(identifiers):
        if not identifier:
            continue
        try:
            orgid.split(identifier)
        except orgid.IdentifierProblem as problem:
            problems.append(Problem(file, problem.msgid, row=bids.row(i), column="supplier_id",
                                    params=problem.params))
    return problems


def _texts(bids: BidSet) -> dict[str, list[str]]:
    """Every extra column of the bids as text, stripped ("" where empty), and the optional
    columns as "" throughout where the file has none: read once, not cell by cell."""
    texts = {name: [_cell_text(value) for value in column.to_pylist()]
             for name, column in bids.extra.items()}
    for name in OPTIONAL_COLUMNS:
        texts.setdefault(name, [""] * len(bids))
    return texts


def _cell_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


# What a bid's view shows, read from a row or from the record a row is inserted from (an
# ORM object per bid would cost 0.8 s of an import of 10,000).
_VIEWED = ("bid_ref", "supplier_name", "supplier_identifier", "sme", "lot", "gates", "answers",
           "commitments")


def _view(bid: BidRow) -> BidView:
    return _record_view({name: getattr(bid, name) for name in _VIEWED})


def _record_view(record: Mapping[str, Any]) -> BidView:
    return BidView(**{name: record[name] for name in _VIEWED[:-1]},
                   commitments=record["commitments"] or {})
