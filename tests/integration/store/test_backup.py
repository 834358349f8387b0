"""Backups of the SQLite database (issue 12): taken while writers are busy, each one opens and
verifies; a restore replaces a damaged database and keeps what was there; PostgreSQL users are
told how to use pg_dump."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from procurement.errors import ProcurementError
from procurement.services import users
from procurement.store import audit, backup
from procurement.store.db import Database
from tests.e2e.cli import procure


def _writers(db: Database, stop: threading.Event, count: list[int]) -> None:
    while not stop.is_set():
        users.add_user(db, f"user{count[0]}", f"User {count[0]}", "evaluator")
        count[0] += 1


def test_backups_taken_under_active_writers_open_and_verify(tmp_path: Path):
    path = tmp_path / "city.sqlite"
    db = Database.open(path)
    stop, count = threading.Event(), [0]
    writer = threading.Thread(target=_writers, args=(db, stop, count))
    writer.start()
    try:
        reports: list[backup.BackupReport] = []
        while len(reports) < 5 or count[0] < 30:
            reports.append(backup.backup(db.url, tmp_path / f"backup-{len(reports)}.sqlite"))
    finally:
        stop.set()
        writer.join()
    assert count[0] >= 30
    entries = [report.audit_entries for report in reports]
    assert entries == sorted(entries) and entries[-1] > entries[0]  # taken while writing
    for report in reports:
        with sqlite3.connect(report.path) as check:  # one file, no -wal or -shm needed
            assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        copy = Database.open(report.path)
        with copy.read() as session:
            chain = audit.verify(session)
        assert chain.ok and chain.entries == report.audit_entries
        assert chain.head_hash == report.audit_head
        assert len(users.list_users(copy)) == report.audit_entries  # one entry per user added
        copy.dispose()
    db.dispose()
    assert not list(tmp_path.glob(".backup-*"))  # no temporary file left behind


def test_restore_puts_the_backup_back_and_keeps_the_database_as_it_was(tmp_path: Path):
    path = tmp_path / "city.sqlite"
    db = Database.open(path)
    users.add_user(db, "ada", "Ada", "lead")
    saved = backup.backup(db.url, tmp_path / "saved.sqlite")
    users.add_user(db, "bob", "Bob", "lead")
    db.dispose()
    report, kept = backup.restore(f"sqlite+pysqlite:///{path}", saved.path)
    assert report.audit_entries == 1 and kept is not None
    restored = Database.open(path)
    assert [u.username for u in users.list_users(restored)] == ["ada"]
    restored.dispose()
    before = Database.open(kept)
    assert [u.username for u in users.list_users(before)] == ["ada", "bob"]
    before.dispose()


def test_a_damaged_database_is_replaced_by_its_backup(tmp_path: Path):
    path = tmp_path / "city.sqlite"
    db = Database.open(path)
    users.add_user(db, "ada", "Ada", "lead")
    saved = backup.backup(db.url, tmp_path / "saved.sqlite")
    db.dispose()
    damaged = path.read_bytes()[:3000]
    path.write_bytes(damaged)
    with pytest.raises(ProcurementError, match="is damaged"):
        Database.open(path)
    _, kept = backup.restore(f"sqlite+pysqlite:///{path}", saved.path)
    assert kept is not None and kept.read_bytes() == damaged
    restored = Database.open(path)
    assert [u.username for u in users.list_users(restored)] == ["ada"]
    restored.dispose()


def test_a_backup_that_does_not_verify_is_refused(tmp_path: Path):
    path = tmp_path / "city.sqlite"
    db = Database.open(path)
    users.add_user(db, "ada", "Ada", "lead")
    users.add_user(db, "bob", "Bob", "lead")
    db.dispose()
    with sqlite3.connect(path) as connection:  # the triggers refuse this; a tamperer drops them
        connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")
    with pytest.raises(ProcurementError, match="has an audit log that does not verify"):
        backup.restore(f"sqlite+pysqlite:///{tmp_path / 'other.sqlite'}", path)
    assert not (tmp_path / "other.sqlite").exists()


def test_the_commands_say_what_they_did_in_one_line_each(tmp_path: Path):
    path = tmp_path / "city.sqlite"
    assert procure("user", "add", "ada", "--name", "Ada", "--role", "lead", "--no-password",
                   "--db", path).returncode == 0
    run = procure("db", "backup", tmp_path / "b.sqlite", "--db", path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Backed up to {tmp_path / 'b.sqlite'} (")
    assert "audit chain of 1 entries verified" in run.stdout
    chinese = procure("db", "restore", tmp_path / "b.sqlite", "--db", path, "--lang", "zh")
    assert chinese.returncode == 0, chinese.stderr
    assert "已恢复" in chinese.stdout
    run = procure("db", "backup", tmp_path / "x.dump", "--db", path, env={
        "PROCUREMENT_DATABASE_URL": "postgresql+psycopg://u:secret@127.0.0.1/city"})
    assert run.returncode == 0  # --db names an SQLite file: it wins over the URL
    postgres = procure("db", "backup", tmp_path / "x.dump", env={
        "PROCUREMENT_DATABASE_URL": "postgresql+psycopg://u:secret@127.0.0.1/city"})
    assert postgres.returncode == 2 and "Traceback" not in postgres.stderr
    assert postgres.stderr.strip() == (
        'error: the database is PostgreSQL: back it up with pg_dump --format=custom --file '
        'BACKUP.dump "postgresql://u:***@127.0.0.1/city" and restore it with pg_restore '
        '--clean --dbname "postgresql://u:***@127.0.0.1/city" BACKUP.dump')
    assert not (tmp_path / "y.dump").exists()
