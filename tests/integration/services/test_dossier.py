"""The award dossier built in two processes (the command line's way) holds the same files as
one built in one, on SQLite and PostgreSQL, and proves itself against the database."""

import zipfile
from datetime import date

from procurement.services import award, clock, dossier, moderation
from tests.integration import world


def test_two_processes_make_the_same_dossier(db, tmp_path, monkeypatch):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    one = dossier.build(db, who["lead"], pid, tmp_path / "one.zip")
    two = dossier.build(db, who["lead"], pid, tmp_path / "two.zip", parallel=True)
    with zipfile.ZipFile(one.path) as first, zipfile.ZipFile(two.path) as second:
        assert first.namelist() == second.namelist()
        names = first.namelist()
    assert "en/T-1-evaluation-report.en.docx" in names and "zh/T-1-contract.zh.docx" in names
    assert "integrity.json" in names
    assert two.files == one.files == 2 * (2 + 3) + 3  # + methodology, integrity, audit log
    # The first dossier's building is in the chain after its head: the second proves a
    # later head, and both still verify.
    assert dossier.verify(one.path, db).ok and dossier.verify(two.path, db).ok
    assert one.head_hash != two.head_hash
