"""Databases for the storage and workflow tests: every test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``PROCUREMENT_TEST_POSTGRES`` (the maintenance URL ``./dev test`` sets
after starting Debian's server). Each test gets a fresh database copied from a migrated
template, so tests are independent and fast.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from procurement.store.db import Database

POSTGRES_ENV = "PROCUREMENT_TEST_POSTGRES"


def _postgres_admin() -> str | None:
    return os.environ.get(POSTGRES_ENV)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database(f"sqlite+pysqlite:///{path}")
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template(worker_id: str) -> Iterator[str | None]:
    admin_url = _postgres_admin()
    if admin_url is None:
        yield None
        return
    name = f"procure_tpl_{worker_id}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    Database(make_url(admin_url).set(database=name).render_as_string(False)).dispose()
    yield name
    _drop(admin, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path,
           postgres_template: str | None) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite"
        shutil.copy(sqlite_template, path)
        yield f"sqlite+pysqlite:///{path}"
        return
    admin_url = _postgres_admin()
    if admin_url is None or postgres_template is None:
        if request.config.getoption("--require-postgres"):
            pytest.fail(f"{POSTGRES_ENV} is not set: start PostgreSQL with ./dev postgres")
        pytest.skip(f"{POSTGRES_ENV} is not set")
    name = f"procure_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"'))
    yield make_url(admin_url).set(database=name).render_as_string(False)
    _drop(admin, name)


def _drop(admin: Engine, name: str) -> None:
    # FORCE ends the sessions still on it (the test's pool, an autovacuum worker); the admin
    # engine is disposed even when the drop fails, so no connection outlives the test.
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2's production cost (64 MiB, 3 passes) is the point in use and a waste in tests."""
    from argon2 import PasswordHasher

    from procurement.services import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                         parallelism=1))
