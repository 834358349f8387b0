"""Backups of the embedded SQLite database, taken and restored while the app runs.

SQLite's online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot of a
database that other connections go on writing to: in WAL mode readers do not block the
writer, and the copy is the database as of one transaction. The copy is made beside the
target under a temporary name, checked (``PRAGMA integrity_check``, the schema revision,
the audit log's hash chain) and only then renamed into place; a backup that does not verify
is never left where one is expected.

A restore copies a verified backup *into* the live database through the same API, under
SQLite's own locks (connections open elsewhere see the restored content on their next
transaction), after keeping the database as it was beside it.

PostgreSQL has its own tools (``pg_dump`` / ``pg_restore``); the command says how to use them.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from procurement import clock
from procurement.atomic import atomic_path
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.store import audit
from procurement.store.db import SCHEMA_REVISION, check_sqlite_file

_PAGES_PER_STEP = -1  # the whole database in one step: one snapshot, however busy it is


@dataclass(frozen=True)
class BackupReport:
    """What a verified backup holds."""

    path: Path
    size: int
    revision: str
    audit_entries: int
    audit_head: str


def backup(url: str, out: Path) -> BackupReport:
    """Copy the database at ``url`` to ``out`` (replaced whole, atomically) and verify the
    copy. The database is read as it is, never migrated."""
    source = _sqlite_path(url)
    check_sqlite_file(str(source), must_exist=True)
    if out.resolve() == source.resolve():
        raise ProcurementError(N_("the backup {file} would overwrite the database itself; "
                                  "give another file"), file=str(out))
    with atomic_path(out) as temporary:
        _copy(source, temporary)
        report = verify(temporary)
    return replace(report, path=out, size=out.stat().st_size)


def restore(url: str, backup_file: Path) -> tuple[BackupReport, Path | None]:
    """Replace the content of the database at ``url`` with ``backup_file``'s once that
    verifies; return the backup's report and where the database as it was has been kept
    (None if there was none). The database is not opened first: it may be the damaged one
    the backup replaces."""
    target = _sqlite_path(url)
    check_sqlite_file(str(backup_file), must_exist=True)
    report = verify(backup_file)
    if target.exists() and backup_file.resolve() == target.resolve():
        raise ProcurementError(N_("the backup {file} is the database itself"),
                               file=str(backup_file))
    kept = None
    if target.exists():
        stamp = clock.now().strftime("%Y%m%dT%H%M%S")
        kept = target.with_name(f"{target.name}.before-restore-{stamp}.sqlite")
        with atomic_path(kept) as temporary:
            try:
                _copy(target, temporary)
            except ProcurementError:  # damaged: keep its bytes as they are
                shutil.copyfile(target, temporary)
    try:
        _copy(backup_file, target)
    except ProcurementError:
        # A damaged database cannot be written through SQLite: put the backup in its place.
        with atomic_path(target) as temporary:
            shutil.copyfile(backup_file, temporary)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
    return report, kept


def verify(path: Path) -> BackupReport:
    """Check that ``path`` is a whole database of this toolkit: SQLite's integrity check,
    a schema this version knows, and an audit chain that verifies."""
    where = str(path)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as check:
            (integrity,) = check.execute("PRAGMA integrity_check").fetchone()
            revision = check.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ProcurementError(N_("the backup {file} is not a database of this toolkit "
                                  "({reason})"), file=where, reason=str(exc)) from exc
    if integrity != "ok":
        raise ProcurementError(N_("the backup {file} is damaged ({reason})"), file=where,
                               reason=integrity)
    if revision is None or revision[0] > SCHEMA_REVISION:
        raise ProcurementError(N_("the backup {file} was made by a newer version of the "
                                  "toolkit (schema {revision}): upgrade the toolkit"),
                               file=where, revision=revision[0] if revision else "?")
    engine = create_engine(f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true")
    try:
        with Session(bind=engine) as session:
            chain = audit.verify(session)
    finally:
        engine.dispose()
    if not chain.ok:
        assert chain.problem is not None
        raise ProcurementError(N_("the backup {file} has an audit log that does not verify "
                                  "(entry {seq})"), file=where, seq=chain.first_bad or 0)
    return BackupReport(path, path.stat().st_size, revision[0], chain.entries, chain.head_hash)


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into ``target``, as one self-contained file."""
    try:
        with contextlib.closing(sqlite3.connect(source)) as reader, \
                contextlib.closing(sqlite3.connect(target)) as writer:
            writer.execute("PRAGMA busy_timeout=30000")
            reader.execute("PRAGMA busy_timeout=30000")
            reader.backup(writer, pages=_PAGES_PER_STEP)
            # One self-contained file (a WAL database's copy would want -wal and -shm files).
            writer.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise ProcurementError(N_("cannot copy the database {file} ({reason})"),
                               file=str(source), reason=str(exc)) from exc


def _sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise ProcurementError(N_(
            "the database is PostgreSQL: back it up with pg_dump --format=custom --file "
            "BACKUP.dump \"{url}\" and restore it with pg_restore --clean --dbname \"{url}\" "
            "BACKUP.dump"),
            url=parsed.set(drivername="postgresql").render_as_string(hide_password=True))
    path = parsed.database
    if not path or path == ":memory:":
        raise ProcurementError(N_("an in-memory database has nothing to back up"))
    return Path(path)
