"""The award dossier: everything a challenged award is judged on, in one zip that proves
itself (issue 14).

``build`` writes the published methodology, the evaluation report, every assessment summary
and the contract draft (each in English and Chinese, for every lot), the integrity screening
of the recommendation with the approver's notes (``integrity.json``), the procurement's audit
log, and ``manifest.json``: each file's SHA-256, the audit chain's head at that moment, the
toolkit's version and the time. Every Word document carries that head in its ``identifier``
property. ``verify`` recomputes the hashes and, given the database, checks that its audit
chain still holds and still contains that head — so the award shown is the one decided.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from procurement import __version__
from procurement.errors import fail
from procurement.i18n import N_, Lang
from procurement.services import access, audit_log, clock, documents
from procurement.services.actors import Actor
from procurement.services.errors import StateError
from procurement.services.results import lots_of
from procurement.store import audit
from procurement.store.db import Database

MANIFEST = "manifest.json"
FORMAT = "procurement-dossier/1"
LANGUAGES: tuple[Lang, ...] = ("en", "zh")


@dataclass(frozen=True)
class Built:
    path: Path
    files: int
    head_hash: str


@dataclass
class Checked:
    """What ``verify`` found: ``problems`` are (message id, parameters), none when it holds."""

    manifest: dict[str, Any]
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    chain_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def build(db: Database, actor: Actor, procurement_id: int, out: Path, *,
          parallel: bool = False) -> Built:
    """Write the dossier of a recommended or awarded procurement to ``out`` (whole, or not
    at all). ``parallel``: render the two languages in two processes (the command line's
    choice; a server with threads keeps to one)."""
    chain = audit_log.verify_chain(db)
    if not chain.ok:
        raise StateError(N_("the audit chain is broken at entry {seq}; a dossier made now "
                            "would prove nothing"), seq=chain.first_bad)
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.may_read_evaluation(actor, row)
        lots = [None] if len(lots_of(row)) < 2 else lots_of(row)
        reference, title, buyer = row.reference, row.title, row.buyer_name
        methodology = {"rubric": row.rubric, "options": row.options,
                       "jurisdiction": row.jurisdiction, "calendar_region": row.calendar_region,
                       "standstill_days": row.standstill_days,
                       "contract_terms": row.contract_terms}
    mark: documents.Properties = {"identifier": f"audit-head:{chain.head_hash}"}
    files: list[tuple[str, bytes]] = [("methodology.json", _json(methodology))]
    if parallel:
        # One language per core: the child (forked, so it has everything read so far) opens
        # its own database connections and hands back its files as bytes.
        from procurement.forkjoin import in_two_halves

        parent = os.getpid()

        def languages(start: int, stop: int) -> bytes:
            if os.getpid() != parent:
                db.engine.dispose(close=False)
            return _pack(_documents(db, actor, procurement_id, LANGUAGES[start:stop], lots,
                                    mark))

        files += [f for half in in_two_halves(languages, len(LANGUAGES), minimum=2)
                  for f in _unpack(half)]
    else:
        files += _documents(db, actor, procurement_id, LANGUAGES, lots, mark)
    screened = _integrity_record(db, actor, procurement_id)
    if screened is not None:  # the flags of the latest recommendation, with their notes
        files.append(("integrity.json", screened))
    record = _contract_record(db, actor, procurement_id)
    if record is not None:  # once awarded: the contracts, their KPIs and measurements
        files.append(("contract-record.json", record))
    files.append(("audit-log.csv", _audit_csv(db, actor, procurement_id)))
    manifest = {
        "format": FORMAT, "toolkit_version": __version__,
        "created_at": clock.now().isoformat(timespec="seconds"),
        "procurement": {"id": procurement_id, "reference": reference, "title": title,
                        "buyer": buyer},
        "audit": {"head_hash": chain.head_hash, "entries": chain.entries},
        "files": [{"name": name, "sha256": hashlib.sha256(content).hexdigest(),
                   "bytes": len(content)} for name, content in files]}
    from procurement.atomic import atomic_path

    listing = _json(manifest)
    with atomic_path(out) as temporary:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files:
                # A Word document is a zip already: stored as it is, not deflated twice.
                archive.writestr(name, content, zipfile.ZIP_STORED if name.endswith(".docx")
                                 else zipfile.ZIP_DEFLATED)
            archive.writestr(MANIFEST, listing)
        # Recorded after the head it proves (so the head stays the state it shows), and only
        # once the zip is whole: who made which dossier, by its manifest's hash.
        with db.write() as session:
            audit.append(session, actor.username, "dossier.build", f"procurement:{procurement_id}",
                         procurement_id=procurement_id,
                         after={"manifest_sha256": hashlib.sha256(listing).hexdigest(),
                                "audit_head": chain.head_hash, "files": len(files)})
    return Built(out, len(files), chain.head_hash)


def _documents(db: Database, actor: Actor, procurement_id: int, languages: tuple[Lang, ...],
               lots: Sequence[str | None], mark: documents.Properties
               ) -> list[tuple[str, bytes]]:
    files = []
    for lang in languages:
        for lot in lots:
            folder = f"{lang}/" + (f"{lot}/" if lot else "")
            made = [documents.evaluation_report(db, actor, procurement_id, lang, lot=lot,
                                                properties=mark),
                    documents.contract(db, actor, procurement_id, lang, lot=lot,
                                       properties=mark),
                    *documents.assessment_summaries(db, actor, procurement_id, lang, lot=lot,
                                                    properties=mark)]
            files += [(folder + document.name, document.content) for document in made]
    return files


def _integrity_record(db: Database, actor: Actor, procurement_id: int) -> bytes | None:
    """The latest recommendation (who made it, its approval), the settings of the screening
    and each integrity flag: code, indicator, rule and figures in both languages, source, the
    bid or lot it is on, and the approver's note with its author and time."""
    from procurement.integrity import IntegritySettings
    from procurement.services import award, integrity

    history = award.decisions(db, actor, procurement_id)
    if not history:
        return None
    latest = history[-1]

    def at(moment: datetime | None) -> str | None:
        return moment.isoformat(timespec="seconds") if moment else None

    return _json({
        "recommendation": {
            "number": len(history), "outcome": latest.outcome, "winners": latest.winners,
            "recommended_by": latest.recommended_by,
            "recommended_by_name": latest.recommended_by_name,
            "recommended_at": at(latest.recommended_at), "approved_by": latest.approved_by,
            "approved_by_name": latest.approved_by_name, "approved_at": at(latest.approved_at)},
        "settings": IntegritySettings().model_dump(mode="json"),
        "flags": [flag.as_record() for flag in integrity.screen(db, actor, procurement_id)]})


def _contract_record(db: Database, actor: Actor, procurement_id: int) -> bytes | None:
    from dataclasses import asdict

    from procurement.services import benefits, contracts, performance

    found = contracts.contracts_of(db, actor, procurement_id)
    if not found:
        return None
    records = []
    for c in found:
        realised = benefits.benefits(db, actor, c.id)
        records.append({
            "contract": c.model_dump(mode="json"),
            "measurements": [m.model_dump(mode="json") for m in
                             performance.performance(db, actor, c.id).measurements],
            "benefits": [b.model_dump(mode="json") for b in realised.benefits],
            "confidence": asdict(realised.confidence) if realised.confidence else None})
    return _json(records)


def _pack(files: list[tuple[str, bytes]]) -> bytes:
    """Files as bytes: for each, the lengths of its name and content, then both."""
    return b"".join(struct.pack(">II", len(name.encode()), len(content)) + name.encode()
                    + content for name, content in files)


def _unpack(packed: bytes) -> list[tuple[str, bytes]]:
    files, at = [], 0
    while at < len(packed):
        name_size, size = struct.unpack_from(">II", packed, at)
        at += 8
        name = packed[at:at + name_size].decode()
        files.append((name, packed[at + name_size:at + name_size + size]))
        at += name_size + size
    return files


def verify(path: Path, db: Database | None = None) -> Checked:
    """Check every file of the dossier at ``path`` against its manifest; given ``db``, that
    the database's audit chain holds and contains the manifest's head."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise fail(str(path), N_("no such file")) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise fail(str(path), N_("is not a dossier (not a zip file)")) from exc
    with archive:
        manifest = _manifest(archive, path)
        checked = Checked(manifest)
        listed = {entry["name"]: entry for entry in manifest["files"]}
        for name, entry in listed.items():
            try:
                content = archive.read(name)
            except KeyError:
                checked.problems.append((N_("{file} is listed in the manifest and missing"),
                                         {"file": name}))
                continue
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                checked.problems.append((N_("{file} is damaged ({reason})"),
                                         {"file": name, "reason": str(exc)}))
                continue
            if hashlib.sha256(content).hexdigest() != entry["sha256"]:
                checked.problems.append((N_("{file} has changed since the dossier was made "
                                            "(its SHA-256 is not the manifest's)"),
                                         {"file": name}))
        for name in sorted(set(archive.namelist()) - set(listed) - {MANIFEST}):
            checked.problems.append((N_("{file} is not listed in the manifest"),
                                     {"file": name}))
    if db is not None:
        _check_chain(db, manifest["audit"], checked)
    return checked


def _check_chain(db: Database, head: dict[str, Any], checked: Checked) -> None:
    chain = audit_log.verify_chain(db)
    checked.chain_checked = True
    if not chain.ok:
        checked.problems.append((N_("the database's audit chain is broken at entry {seq}"),
                                 {"seq": chain.first_bad}))
        return
    with db.read() as session:
        found = audit.hash_at(session, int(head["entries"]))
    if found != head["head_hash"]:
        checked.problems.append((N_("the database's audit chain does not contain the "
                                    "dossier's head (entry {seq}, {hash})"),
                                 {"seq": head["entries"], "hash": head["head_hash"][:16]}))


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as exc:
        raise fail(str(path), N_("is not a dossier (it has no manifest.json)")) from exc
    except (ValueError, zipfile.BadZipFile) as exc:
        raise fail(str(path), N_("its manifest.json is damaged")) from exc
    if not (isinstance(manifest, dict) and manifest.get("format") == FORMAT
            and isinstance(manifest.get("files"), list)
            and isinstance(manifest.get("audit"), dict)):
        raise fail(str(path), N_("its manifest.json is not a dossier manifest ({format})"),
                   format=FORMAT)
    return manifest


def _audit_csv(db: Database, actor: Actor, procurement_id: int) -> bytes:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "audit-log.csv"
        audit_log.export_log(db, target, actor, procurement_id)
        return target.read_bytes()


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

