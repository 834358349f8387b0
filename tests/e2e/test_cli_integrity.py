"""`procure integrity` through the installed script: the recommendation's flags listed, the
approver's notes recorded, and `procure approve` refused until every flag has one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli import procure
from tests.integration.services.test_integrity import FLAGGED


@pytest.fixture
def recommended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A procurement whose recommendation raises R024 on A and a cover bid on C."""
    path = tmp_path / "city.sqlite"
    assert procure("db", "upgrade", "--db", path).returncode == 0
    from procurement.services import award, moderation
    from procurement.store.db import Database
    from tests.integration import world

    monkeypatch.setattr(world, "BIDS", FLAGGED)
    db = Database.open(str(path))
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    for bid in ("A", "B"):
        moderation.resolve_flag(db, who["lead"], pid, bid, "abnormally_low", "costing checked")
    award.recommend(db, who["lead"], pid, note="best value")
    db.dispose()
    return path


def test_list_note_and_approve(recommended: Path) -> None:
    db = recommended
    listed = procure("integrity", "1", "--as", "boss", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert "R024 · A" in listed.stdout and "BR-COVER · C" in listed.stdout
    assert "no note yet" in listed.stdout and "024.md" in listed.stdout
    flags = json.loads(procure("integrity", "list", "1", "--as", "boss", "--json",
                               "--db", db).stdout)
    assert [(f["code"], f["subject"], f["note"]) for f in flags] == [
        ("R024", "A", None), ("BR-COVER", "C", None)]

    refused = procure("approve", "1", "--as", "boss", "--db", db)
    assert refused.returncode == 2
    assert "integrity flag before approving: R024/A, BR-COVER/C" in refused.stderr
    lead = procure("integrity", "note", "1", "--flag", "R024", "--bid", "A", "--note", "ok",
                   "--as", "lead", "--db", db)
    assert lead.returncode == 2 and "Traceback" not in lead.stderr
    both = procure("integrity", "note", "1", "--flag", "R024", "--bid", "A", "--lot", "all",
                   "--note", "ok", "--as", "boss", "--db", db)
    assert both.returncode == 2 and "either --bid REF or --lot LOT" in both.stderr
    for code, bid in (("R024", "A"), ("BR-COVER", "C")):
        run = procure("integrity", "note", "1", "--flag", code, "--bid", bid, "--note",
                      f"checked {bid}", "--as", "boss", "--db", db)
        assert run.returncode == 0 and f"Note recorded on {code} · {bid}." in run.stdout
    chinese = procure("integrity", "1", "--as", "boss", "--db", db, "--lang", "zh")
    assert chinese.returncode == 0 and "checked A" in chinese.stdout
    approved = procure("approve", "1", "--as", "boss", "--db", db)
    assert approved.returncode == 0, approved.stderr


def test_nothing_to_screen_before_a_recommendation(tmp_path: Path) -> None:
    db = tmp_path / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    run = procure("integrity", "1", "--as", "zhou.min", "--db", db)
    assert run.returncode == 2 and "none yet" in run.stderr
