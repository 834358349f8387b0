"""Migration 0004: a recommendation returned under the old schema gets its note back (it was
recorded in the audit log) and its reason in its own column; old entries keep scheme 1 and
the chain verifies across the change."""

from __future__ import annotations

import json
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from procurement.services import audit_log, award
from procurement.store import audit
from procurement.store.db import _MIGRATIONS, SCHEMA_REVISION, Database


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_a_returned_recommendation_gets_its_note_back(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0003")
        now = "2026-11-30 10:00:00"
        for user_id, name, role in ((1, "li.na", "lead"), (2, "zhou.min", "approver")):
            connection.execute(text(
                "INSERT INTO users (id, username, display_name, role, active, created_at) "
                "VALUES (:i, :n, :n, :r, 1, :t)"), {"i": user_id, "n": name, "r": role, "t": now})
        connection.execute(text(
            "INSERT INTO procurements (id, reference, title, description, buyer_name, buyer_id, "
            "lots, rubric, options, standstill_days, contract_terms, status, lead_id, "
            "created_at, status_changed_at, version) VALUES (1, 'R-1', 'T', '', 'B', '', '[]', "
            "'{}', '{}', 8, '{}', 'moderation', 1, :t, :t, 1)"), {"t": now})
        connection.execute(text(
            "INSERT INTO decisions (id, procurement_id, evaluation, winners, recommended_by, "
            "recommended_at, outcome, note) VALUES (1, 1, '{}', '{\"all\": \"A\"}', 1, :t, "
            "'returned', 'explain the exit cost')"), {"t": now})
        previous = audit.GENESIS
        for seq, actor, action, after in (
                (1, "li.na", "award.recommend", {"note": "lowest exit cost", "winners": {}}),
                (2, "zhou.min", "award.return", {"reason": "explain the exit cost"})):
            row: dict[str, Any] = {"seq": seq, "at": f"2026-11-30T10:0{seq}:00.000000+00:00", "actor": actor,
                   "action": action, "entity": "procurement:1", "procurement_id": 1,
                   "before": None, "after": audit.canonical(after), "prev_hash": previous}
            row["hash"] = audit.chained_hash(1, **row)
            connection.execute(text(
                "INSERT INTO audit_log (seq, at, actor, action, entity, procurement_id, before, "
                "after, prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entity, "
                ":procurement_id, :before, :after, :prev_hash, :hash)"), row)
            previous = row["hash"]
        connection.execute(text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 2, :h)"),
                           {"h": previous})
    engine.dispose()

    db = Database(url)  # migrates to the newest schema
    from procurement.services.actors import OPERATOR

    (decision,) = award.decisions(db, OPERATOR, 1)
    assert (decision.note, decision.return_reason) == ("lowest exit cost", "explain the exit cost")
    assert decision.returned_by == "zhou.min" and decision.returned_at is not None
    report = audit_log.verify_chain(db)
    assert report.ok and report.entries == 2
    with db.write() as session:  # a new entry is hashed over digests, after the old ones
        audit.append(session, "li.na", "award.recommend", "procurement:1", procurement_id=1,
                     after={"note": json.dumps("again")})
    assert audit_log.verify_chain(db).ok
    db.dispose()


def test_the_fast_open_knows_the_newest_migration():
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_REVISION]
