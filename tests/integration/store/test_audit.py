"""The audit chain: verified after real work, and broken by any edit, deletion or reordering."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from procurement.services import audit_log
from procurement.store import audit
from tests.integration import world


def _tamper(db, *statements):
    """Change the log as an attacker with database rights would: around the triggers."""
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        for statement in statements:
            connection.execute(text(statement))


@pytest.fixture
def logged(db):
    who = world.people(db)
    world.procurement(db, who, "quality_evaluation")
    report = audit_log.verify_chain(db)
    assert report.ok and report.entries > 10
    return report.entries


def test_the_database_refuses_edits_and_deletions(db, logged):
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE seq = 1",
                      "DELETE FROM audit_log WHERE seq = 1"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
            connection.execute(text(statement))


def test_an_edited_entry_is_named(db, logged):
    _tamper(db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 7")
    report = audit_log.verify_chain(db)
    assert (report.ok, report.first_bad) == (False, 7)
    assert report.problem is not None and report.problem[0] == (
        "entry {seq} was altered after it was written")


def test_a_deleted_entry_is_named(db, logged):
    _tamper(db, "DELETE FROM audit_log WHERE seq = 5")
    report = audit_log.verify_chain(db)
    assert report.first_bad == 5 and report.problem and "missing" in report.problem[0]


def test_reordered_entries_are_caught(db, logged):
    # Swap the content of entries 3 and 4, keeping their sequence numbers.
    columns = "at, actor, action, entity, procurement_id, before, after, prev_hash, hash"
    _tamper(db, "CREATE TEMPORARY TABLE swap AS SELECT * FROM audit_log WHERE seq IN (3, 4)",
            *[f"UPDATE audit_log SET ({columns}) = (SELECT {columns} FROM swap WHERE seq = {o}) "
              f"WHERE seq = {s}" for s, o in ((3, 4), (4, 3))])
    report = audit_log.verify_chain(db)
    assert report.first_bad == 3 and report.problem and "does not follow" in report.problem[0]


def test_a_deleted_tail_is_caught(db, logged):
    _tamper(db, f"DELETE FROM audit_log WHERE seq > {logged - 2}")
    report = audit_log.verify_chain(db)
    assert report.first_bad == logged - 1 and report.problem and "were deleted" in report.problem[0]


def test_export_is_csv_with_the_chain(db, logged, tmp_path):
    count = audit_log.export_log(db, tmp_path / "audit.csv")
    lines = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig").splitlines()
    assert count == logged and len(lines) == logged + 1
    assert lines[0] == ",".join(audit.CSV_COLUMNS)


def test_hashes_are_stable_canonical_json():
    assert audit.canonical({"b": 1, "a": "港"}) == '{"a":"港","b":1}'
