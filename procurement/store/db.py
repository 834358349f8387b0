"""Where the database is, how to open it, and one transaction per use case.

The embedded default is one SQLite file (WAL journal, foreign keys on), created and migrated
on first use. Several app instances share a PostgreSQL database instead, named by
``PROCUREMENT_DATABASE_URL=postgresql+psycopg://…``.

Writes are serialised: SQLite takes its write lock when the transaction begins
(``BEGIN IMMEDIATE``), PostgreSQL an advisory transaction lock. The audit log is a hash
chain, and two writers appending to it at once would fork it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from procurement.errors import ProcurementError
from procurement.i18n import N_

DATABASE_URL_ENV = "PROCUREMENT_DATABASE_URL"
DATABASE_PATH_ENV = "PROCUREMENT_DB"
DEFAULT_PATH = "procurement.sqlite"
_WRITE_LOCK_KEY = 37106  # the PostgreSQL advisory lock that serialises writers
_MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration. A database already there opens without importing Alembic (a tenth of
# a second at every start of the app); a test checks that this is Alembic's head.
SCHEMA_REVISION = "0011"


def database_url(db_path: str | Path | None = None) -> str:
    """Resolve the database: ``--db PATH``, else ``PROCUREMENT_DATABASE_URL``, else
    ``PROCUREMENT_DB``, else ``procurement.sqlite`` in the working folder."""
    if db_path is not None:
        return f"sqlite+pysqlite:///{Path(db_path)}"
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite+pysqlite:///{Path(os.environ.get(DATABASE_PATH_ENV) or DEFAULT_PATH)}"


class Database:
    """An opened, migrated database. ``write()`` and ``read()`` give one transaction each."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self.engine = _engine(url, self.is_sqlite)
        if migrate:
            self.upgrade()

    @classmethod
    def open(cls, db_path: str | Path | None = None) -> Database:
        return cls(database_url(db_path))

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is there). A file that
        is not a database, a damaged one, one a newer toolkit made and a read-only one are each
        refused in one line."""
        if self.is_sqlite:
            check_sqlite_file(make_url(self.url).database)
        try:
            if self._at_newest_revision():
                return
            self._migrate()
        except DatabaseError as exc:
            reason = str(exc.orig).strip()
            if any(sign in reason for sign in _DAMAGED):
                raise ProcurementError(N_("the database {url} is damaged ({reason}); restore it "
                                          "from a backup"), url=self.where,
                                       reason=reason) from exc
            raise ProcurementError(N_("cannot open the database {url} ({reason})"),
                                   url=self.safe_url, reason=reason) from exc

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        if self.is_sqlite:
            path = make_url(self.url).database
            if path and path != ":memory:" and not Path(path).parent.is_dir():
                raise ProcurementError(N_("cannot open the database {path}: no such folder"),
                                       path=path)
        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        try:
            with self.engine.connect() as connection:
                if not self.is_sqlite:
                    connection.execute(text("SELECT pg_advisory_lock(:key)"),
                                       {"key": _WRITE_LOCK_KEY + 1})
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
        except OperationalError as exc:
            raise ProcurementError(N_("cannot open the database {url} ({reason})"),
                                   url=self.safe_url, reason=str(exc.orig).strip()) from exc

    def _at_newest_revision(self) -> bool:
        try:
            with self.engine.connect() as connection:
                found = [row[0] for row in connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version")]
        except (OperationalError, ProgrammingError) as exc:
            if any(sign in str(exc.orig) for sign in _DAMAGED):
                raise
            return False  # a new database, or one Alembic must look at
        if found and found[0] > SCHEMA_REVISION:  # revisions are numbered 0001, 0002, …
            raise ProcurementError(N_(
                "the database {url} was made by a newer version of the toolkit (schema "
                "{revision}, this version knows up to {known}): upgrade the toolkit"),
                url=self.where, revision=found[0], known=SCHEMA_REVISION)
        return found == [SCHEMA_REVISION]

    @property
    def where(self) -> str:
        """The database as its user names it: the file of an SQLite one, else its URL
        without the password."""
        path = make_url(self.url).database if self.is_sqlite else None
        return path or self.safe_url

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One read-write transaction: committed if the block ends normally, else rolled back."""
        with (self.engine.connect().execution_options(immediate=True) as connection,
              Session(bind=connection, expire_on_commit=False) as session,
              session.begin()):
            if not self.is_sqlite:
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction. Rows read stay usable after it ends (nothing is expired)."""
        with Session(bind=self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


_SQLITE_HEADER = b"SQLite format 3\x00"
# How SQLite says a file is a damaged database (truncated, overwritten).
_DAMAGED = ("not a database", "malformed", "disk image")


def check_sqlite_file(path: str | None, *, must_exist: bool = False) -> None:
    """Refuse, before SQLite does in its own words, what cannot be this toolkit's database."""
    if not path or path == ":memory:":
        return
    file = Path(path)
    if file.is_dir():
        raise ProcurementError(N_("the database {path} is a folder; give a database file"),
                               path=path)
    if not file.exists():
        if must_exist:
            raise ProcurementError(N_("no such file: {path}"), path=path)
        return  # created on first use
    with file.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header and header != _SQLITE_HEADER:
        raise ProcurementError(N_("{path} is not a database (not an SQLite file)"), path=path)
    if not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK):
        raise ProcurementError(N_("the database {path} is read-only: the toolkit writes to it "
                                  "(and beside it) even to read; give it write permission or "
                                  "work on a copy"), path=path)


def _engine(url: str, is_sqlite: bool) -> Engine:
    if not is_sqlite:
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (below), not pysqlite.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@cache
def shared(url: str) -> Database:
    """One opened database per URL for the whole process (an app server's sessions and its
    routes share its engine; SQLAlchemy engines are thread-safe)."""
    return Database(url)
