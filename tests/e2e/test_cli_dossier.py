"""``procure dossier`` and ``procure dossier verify`` through the installed command, on the
demo city: the dossier proves itself, and a change to any file, or to the database's audit
chain, is found (issue 14)."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from docx import Document as Word

from tests.e2e.cli import procure

AWARDED = "3"  # the demo's HC-2025-009, awarded a year ago


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


@pytest.fixture(scope="module")
def dossier(city: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dossier") / "HC-2025-009.zip"
    run = procure("dossier", "--procurement", AWARDED, "--out", out, "--db", city)
    assert run.returncode == 0, run.stderr
    # 2 × (report, contract, 3 summaries), methodology, integrity screening, audit log, the
    # contract record
    assert run.stdout.startswith(f"Wrote {out}: 14 files, audit chain head ")
    return out


def _copy(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """``source`` with members replaced (bytes), removed (None) or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.infolist():
            if member.filename in change:
                continue
            new.writestr(member, old.read(member.filename))
        for name, content in change.items():
            if content is not None:
                new.writestr(name, content)
    return target


def test_the_dossier_holds_every_document_and_a_manifest_that_proves_them(city, dossier):
    with zipfile.ZipFile(dossier) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = sorted(archive.namelist())
        contents = {name: archive.read(name) for name in names}
    assert manifest["format"] == "procurement-dossier/1"
    assert manifest["procurement"]["reference"] == "HC-2025-009"
    assert manifest["toolkit_version"] and manifest["created_at"]
    assert sorted([*(f["name"] for f in manifest["files"]), "manifest.json"]) == names
    for lang in ("en", "zh"):  # both languages: the report, the contract, every summary
        assert f"{lang}/HC-2025-009-evaluation-report.{lang}.docx" in names
        assert f"{lang}/HC-2025-009-contract.{lang}.docx" in names
        assert len([n for n in names if n.startswith(f"{lang}/")
                    and "assessment-summary" in n]) == 3
    assert {"methodology.json", "integrity.json", "audit-log.csv",
            "contract-record.json"} <= set(names)
    screening = json.loads(contents["integrity.json"])  # the demo's award raised no flag
    assert screening["flags"] == [] and screening["recommendation"]["outcome"] == "approved"
    assert screening["recommendation"]["approved_by"] == "zhou.min"
    (record,) = json.loads(contents["contract-record.json"])
    # The whole contract stage: payments, milestones, benefits with the evaluation's score.
    assert len(record["contract"]["payments"]) == 13 and record["contract"]["milestones"]
    assert len(record["benefits"]) == 2 and record["confidence"]["score"] == 3.0
    for entry in manifest["files"]:
        assert hashlib.sha256(contents[entry["name"]]).hexdigest() == entry["sha256"]
        assert len(contents[entry["name"]]) == entry["bytes"]
    head = manifest["audit"]["head_hash"]
    for name in (n for n in names if n.endswith(".docx")):
        properties = Word(io.BytesIO(contents[name])).core_properties
        assert properties.identifier == f"audit-head:{head}", name  # each carries the head
        assert properties.language == ("zh-CN" if name.startswith("zh/") else "en")
        assert properties.author.startswith("Harbourside City Transport Bureau")
        assert properties.created.year >= 2026  # made now, not the template's 2013
    methodology = json.loads(contents["methodology.json"])
    assert methodology["rubric"]["id"] == "iso37106-smart" and methodology["jurisdiction"] == "cn"
    # Making it is recorded, after the head it proves.
    audit = sqlite3.connect(city)
    (after,), = audit.execute(
        "select after from audit_log where action = 'dossier.build'").fetchall()
    assert json.loads(after)["audit_head"] == head
    assert procure("audit", "verify", "--db", city).returncode == 0


def test_verify_says_the_dossier_is_intact_and_the_chain_holds_its_head(city, dossier):
    run = procure("dossier", "verify", dossier, "--db", city)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Dossier intact: 14 files of HC-2025-009, made ")
    assert lines[1].startswith("The database's audit chain holds and contains the dossier's "
                               "head (entry ")
    alone = procure("dossier", "verify", dossier)  # without a database: the files only
    assert alone.returncode == 0 and len(alone.stdout.splitlines()) == 1
    zh = procure("dossier", "verify", dossier, "--lang", "zh")
    assert zh.returncode == 0 and "完好" in zh.stdout


def test_a_changed_missing_or_added_file_is_named(dossier, tmp_path):
    report = "en/HC-2025-009-evaluation-report.en.docx"
    with zipfile.ZipFile(dossier) as archive:
        changed = archive.read(report) + b"\0"  # one byte more
    cases: dict[str, tuple[dict[str, bytes | None], str]] = {
        "changed": ({report: changed}, f"{report} has changed since the dossier was made"),
        "missing": ({"audit-log.csv": None}, "audit-log.csv is listed in the manifest and "
                                             "missing"),
        "added": ({"zh/extra.docx": b"x"}, "zh/extra.docx is not listed in the manifest"),
    }
    for case, (change, message) in cases.items():
        run = procure("dossier", "verify", _copy(dossier, tmp_path / f"{case}.zip", change))
        assert run.returncode == 1, case
        assert run.stderr.splitlines() == [message + (
            " (its SHA-256 is not the manifest's)" if case == "changed" else "")], case


def test_a_database_whose_chain_was_changed_or_is_another_is_refused(city, dossier, tmp_path):
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(city.read_bytes())
    _tamper(copy, 5)
    run = procure("dossier", "verify", dossier, "--db", copy)
    assert run.returncode == 1
    assert run.stderr.strip() == "the database's audit chain is broken at entry 5"
    other = tmp_path / "other.sqlite"
    assert procure("demo", "--db", other).returncode == 0  # another city: another chain
    run = procure("dossier", "verify", dossier, "--db", other)
    assert run.returncode == 1
    assert run.stderr.startswith("the database's audit chain does not contain the dossier's "
                                 "head (entry ")


def test_bad_input_gets_one_line_and_nothing_is_written(city, tmp_path):
    out = tmp_path / "d.zip"
    undecided = procure("dossier", "--procurement", "1", "--out", out, "--db", city)
    assert undecided.returncode == 2
    assert undecided.stderr.strip() == ("error: there is no award recommendation for "
                                        "procurement HC-2026-017 yet")
    assert not out.exists() and list(tmp_path.iterdir()) == []
    (tmp_path / "not.zip").write_text("hello", encoding="utf-8")
    for path, message in ((tmp_path / "not.zip", "is not a dossier (not a zip file)"),
                          (tmp_path / "none.zip", "no such file")):
        run = procure("dossier", "verify", path)
        assert (run.returncode, run.stderr.strip()) == (2, f"error: {path}: {message}")
    manifestless = _copy_zip(tmp_path / "plain.zip", {"a.txt": b"a"})
    run = procure("dossier", "verify", manifestless)
    assert run.stderr.strip() == f"error: {manifestless}: is not a dossier (it has no " \
                                 "manifest.json)"
    usage = procure("dossier", "--db", city)
    assert usage.returncode == 2 and "give --procurement ID and --out FILE.zip" in usage.stderr


def test_a_broken_chain_makes_no_dossier(city, tmp_path):
    copy = tmp_path / "broken.sqlite"
    copy.write_bytes(city.read_bytes())
    _tamper(copy, 7)
    out = tmp_path / "d.zip"
    run = procure("dossier", "--procurement", AWARDED, "--out", out, "--db", copy)
    assert run.returncode == 2
    assert run.stderr.strip() == ("error: the audit chain is broken at entry 7; a dossier made "
                                  "now would prove nothing")
    assert not out.exists()


def _copy_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _tamper(database: Path, seq: int) -> None:
    """Change one audit entry as someone with the file could (the trigger dropped first)."""
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        connection.execute(f"update audit_log set actor = 'someone.else' where seq = {seq}")
