"""`procure integrity` through the installed script: the lead's preview before recommending
and the warning of `procure recommend`, the recommendation's flags listed, the approver's
notes recorded, `procure approve` refused until every flag has one, and the flags with their
notes in the award dossier (integrity.json and the evaluation report)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document as Word

from tests.e2e.cli import procure
from tests.integration.services.test_integrity import FLAGGED


def _moderation(path: Path, bids: list[dict[str, str]], resolve: dict[str, str]) -> Path:
    """A procurement of ``bids`` in moderation, ready to recommend: the panel's disagreement
    moderated and the evaluation's flags resolved (bid → flag)."""
    assert procure("db", "upgrade", "--db", path).returncode == 0
    from procurement.services import moderation
    from procurement.store.db import Database
    from tests.integration import world

    refs = {b["bid_id"] for b in bids}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(world, "BIDS", bids)
        patch.setattr(world, "SCORES", {name: {cell: score for cell, score in scores.items()
                                               if cell[0] in refs}
                                        for name, scores in world.SCORES.items()})
        db = Database.open(str(path))
        who = world.people(db)
        pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    for bid, flag in resolve.items():
        moderation.resolve_flag(db, who["lead"], pid, bid, flag, "checked")
    db.dispose()
    return path


@pytest.fixture
def moderated(tmp_path: Path) -> Path:
    """A procurement whose recommendation would raise R024 on A and a cover bid on C."""
    # A and B far below C's 250: the lead's abnormally-low check comes first.
    return _moderation(tmp_path / "city.sqlite", FLAGGED,
                       {"A": "abnormally_low", "B": "abnormally_low"})


@pytest.fixture
def recommended(moderated: Path) -> Path:
    run = procure("recommend", "1", "--note", "best value", "--as", "lead", "--db", moderated)
    assert run.returncode == 0, run.stderr
    return moderated


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


def test_the_lead_previews_the_flags_and_recommend_warns_of_them(moderated: Path) -> None:
    db = moderated
    preview = procure("integrity", "1", "--as", "lead", "--db", db)
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.startswith("Before you recommend: the integrity flags")
    assert "R024 · A · Price close to the winning bid — " in preview.stdout
    assert "BR-COVER · C · Cover bid — " in preview.stdout
    assert "no note yet" not in preview.stdout  # the approver notes them, once recommended
    flags = json.loads(procure("integrity", "1", "--as", "lead", "--json", "--db", db).stdout)
    assert [(f["code"], f["bid"], f["note"]) for f in flags] == [
        ("R024", "A", None), ("BR-COVER", "C", None)]
    approver = procure("integrity", "1", "--as", "boss", "--db", db)  # nothing to note yet
    assert approver.returncode == 2 and "none yet" in approver.stderr

    run = procure("recommend", "1", "--note", "best value; B's close price checked",
                  "--as", "lead", "--db", db)
    assert run.returncode == 0, run.stderr  # a warning, not a refusal
    assert run.stdout == "Award recommended. T-1 is now in status award recommended.\n"
    assert run.stderr.startswith("warning: the recommendation raises integrity flags (2); "
                                 "the approver notes each before approving:\n")
    assert "  R024 · A · Price close to the winning bid" in run.stderr
    assert "4.0 % above" in run.stderr and "BR-COVER · C" in run.stderr
    listed = json.loads(procure("integrity", "1", "--as", "boss", "--json", "--db", db).stdout)
    assert [f["rule"] for f in listed] == [f["rule"] for f in flags]  # what the lead saw


def test_a_recommendation_without_flags_warns_of_nothing(tmp_path: Path) -> None:
    db = tmp_path / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    preview = procure("integrity", "1", "--as", "li.na", "--db", db)
    assert preview.returncode == 0 and "No integrity flag on the recommendation." in preview.stdout
    run = procure("recommend", "1", "--note", "best value", "--as", "li.na", "--db", db)
    assert run.returncode == 0 and run.stderr == ""


def test_the_dossier_holds_the_flags_and_the_approvers_notes(tmp_path: Path) -> None:
    """One bid (Cardinal R018), noted by the approver: integrity.json and the report say so."""
    db = _moderation(tmp_path / "city.sqlite", FLAGGED[:1], {"A": "single_bid"})
    run = procure("recommend", "1", "--note", "the only bid; the market sounding found one "
                  "supplier", "--as", "lead", "--db", db)
    assert run.returncode == 0 and "R018 · A · Single bid received" in run.stderr
    for wrong in (("--flag", "R028", "--bid", "A"), ("--flag", "R018", "--bid", "B"),
                  ("--flag", "R018", "--lot", "all")):
        refused = procure("integrity", "note", "1", *wrong, "--note", "x", "--as", "boss",
                          "--db", db)
        assert refused.returncode == 2
        (line,) = refused.stderr.strip().splitlines()  # one line, no traceback
        assert line.startswith("error: no integrity flag R0")
    noted = procure("integrity", "note", "1", "--flag", "R018", "--bid", "A", "--note",
                    "Checked: one supplier in the market sounding <b>too</b>", "--as", "boss",
                    "--db", db)
    assert noted.returncode == 0, noted.stderr
    assert procure("approve", "1", "--as", "boss", "--db", db).returncode == 0
    out = tmp_path / "dossier.zip"
    built = procure("dossier", "--procurement", "1", "--out", out, "--db", db)
    assert built.returncode == 0, built.stderr
    assert procure("dossier", "verify", out, "--db", db).returncode == 0
    with zipfile.ZipFile(out) as archive:
        screening = json.loads(archive.read("integrity.json"))
        manifest = json.loads(archive.read("manifest.json"))
        report = Word(io.BytesIO(archive.read("en/T-1-evaluation-report.en.docx")))
    assert "integrity.json" in [f["name"] for f in manifest["files"]]
    assert screening["recommendation"]["outcome"] == "approved"
    assert screening["recommendation"]["approved_by"] == "boss"
    assert screening["settings"]["close_price"] == 0.05
    (flag,) = screening["flags"]
    assert (flag["code"], flag["bid"], flag["lot"], flag["bids"]) == ("R018", "A", "all", ["A"])
    assert flag["indicator"]["en"] == "Single bid received"
    assert "(Cardinal R018)" in flag["rule"]["en"] and flag["rule"]["zh"]
    assert flag["detail"]["en"] == "The only tenderer: Alpha 阿尔法."
    assert flag["source"].endswith("/docs/cli/indicators/R/018.md")
    assert flag["note"] == "Checked: one supplier in the market sounding <b>too</b>"
    assert (flag["noted_by"], flag["noted_by_name"]) == ("boss", "BOSS")
    assert flag["noted_at"].startswith("20") and flag["note_version"] == 1
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert "R018 · Single bid received" in cells
    assert any(c.startswith("Checked: one supplier in the market sounding <b>too</b> (BOSS, ")
               for c in cells)
    headings = [p.text for p in report.paragraphs
                if p.style is not None and p.style.name.startswith("Heading")]
    assert "9. Integrity screening" in headings and "10. Audit trail" in headings
