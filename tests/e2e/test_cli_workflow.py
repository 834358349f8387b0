"""The workflow commands through the installed `procure`: db, users, demo, list, import,
audit."""

import csv
import json
import sqlite3

from tests.e2e.cli import procure


def test_db_upgrade_creates_and_migrates(tmp_path):
    path = tmp_path / "new.sqlite"
    run = procure("db", "upgrade", "--db", path)
    assert run.returncode == 0, run.stderr
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"procurements", "bids", "price_envelopes", "scores", "audit_log"} <= tables
    assert procure("db", "upgrade", "--db", path).returncode == 0  # idempotent


def test_missing_folder_is_a_clear_error(tmp_path):
    run = procure("list", "--db", tmp_path / "no" / "such.sqlite")
    assert run.returncode == 2 and "no such folder" in run.stderr and "Traceback" not in run.stderr


def test_users_demo_list_and_audit(tmp_path):
    db = tmp_path / "city.sqlite"
    run = procure("user", "add", "ada", "--role", "lead", "--name", "Ada", "--password-stdin",
                  "--db", db, input_text="a sufficiently long one\n")
    assert run.returncode == 0, run.stderr
    again = procure("user", "add", "ada", "--role", "lead", "--password-stdin", "--db", db,
                    input_text="a sufficiently long one\n")
    assert again.returncode == 2 and again.stderr.strip() == "error: user ada exists already"
    short = procure("user", "add", "bob", "--role", "lead", "--password-stdin", "--db", db,
                    input_text="short\n")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr

    demo = procure("demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    assert "HC-2026-017" in demo.stdout and "harbourside-2026" in demo.stdout
    listed = json.loads(procure("list", "--db", db, "--json").stdout)
    assert [(p["reference"], p["status"], p["bid_count"]) for p in listed] == [
        ("HC-2026-017", "moderation", 5), ("HC-2026-021", "draft", 0),
        ("HC-2025-009", "awarded", 3)]
    assert {"id", "title"} <= set(listed[0])
    chinese = procure("list", "--db", db, "--lang", "zh")
    assert "评审协调" in chinese.stdout and "草稿" in chinese.stdout

    verify = procure("audit", "verify", "--db", db)
    assert verify.returncode == 0 and "Audit chain intact" in verify.stdout
    out = tmp_path / "audit.csv"
    assert procure("audit", "export", out, "--db", db).returncode == 0
    assert out.read_text(encoding="utf-8-sig").startswith("seq,at,actor")

    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 12")
    connection.commit()
    broken = procure("audit", "verify", "--db", db)
    assert broken.returncode == 1
    assert broken.stderr.strip() == (
        "Audit chain broken at entry 12: entry 12 was altered after it was written")


def test_imports_are_all_or_nothing_with_clear_errors(tmp_path):
    db = tmp_path / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    from procurement.services import lifecycle, users
    from procurement.store.db import Database

    database = Database.open(db)
    lifecycle.open_for_bids(database, users.get_actor(database, "li.na"), 2)
    database.dispose()
    bids = tmp_path / "bids.csv"
    bids.write_text("bid_id,supplier,accepts_data_terms,open_standards_compliant,capex,"
                    "opex_per_year,term_years,exit_cost\n"
                    "P-1,Alpha,yes,yes,100,10,3,5\nP-2,Beta,yes,perhaps,100,10,0,5\n",
                    encoding="utf-8")
    run = procure("import", "bids", bids, "--procurement", "2", "--as", "li.na", "--db", db)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"error: {bids}, row 3, column open_standards_compliant: 'perhaps' is not a yes/no answer",
        f"error: {bids}, row 3, column term_years: must be greater than 0, not 0"]
    run = procure("import", "bids", bids, "--procurement", "2", "--as", "zhou.min", "--db", db)
    assert run.returncode == 2 and "only the lead" in run.stderr
    run = procure("import", "bids", bids, "--procurement", "1", "--as", "li.na", "--db", db)
    assert run.returncode == 2 and "in status moderation" in run.stderr
    listed = json.loads(procure("list", "--db", db, "--json").stdout)
    assert [p["bid_count"] for p in listed] == [5, 0, 3]
    bids.write_text(bids.read_text(encoding="utf-8").replace("perhaps", "yes").replace(
        ",0,5", ",2,5"), encoding="utf-8")
    run = procure("import", "bids", bids, "--procurement", "2", "--as", "li.na", "--db", db)
    assert run.returncode == 0 and run.stdout.strip() == "Imported 2 bids."
    scores = tmp_path / "scores.csv"
    scores.write_text("bid_id,evaluator,criterion,score,rationale\nP-1,nobody,open_data,9,x\n",
                      encoding="utf-8")
    run = procure("import", "scores", scores, "--procurement", "2", "--as", "li.na", "--db", db)
    assert run.returncode == 2 and run.stderr.strip() == (
        "error: not possible while procurement HC-2026-021 is in status open for bids")


def test_an_audit_export_for_the_audit_office_withholds_the_scores_and_verifies(tmp_path):
    db = tmp_path / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    out = tmp_path / "observer.csv"
    run = procure("audit", "export", out, "--procurement", "1", "--as", "audit.office",
                  "--db", db)
    assert run.returncode == 0, run.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    scores = [r for r in rows if r["action"] == "score.save"]
    assert scores and all(r["withheld"] == "withheld" and not r["after"] for r in scores)
    assert all(r["after_sha256"] for r in scores)
    verified = procure("audit", "verify", "--csv", out)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith(f"Exported log intact: {len(rows)} entries (")
    chinese = procure("audit", "verify", "--csv", out, "--lang", "zh")
    assert chinese.stdout.startswith("导出的日志完整")

    lines = out.read_text(encoding="utf-8-sig").splitlines()
    target = next(i for i, line in enumerate(lines) if ",score.save," in line)
    lines[target] = lines[target].replace(",withheld", ",")  # claim the content was empty
    out.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    broken = procure("audit", "verify", "--csv", out)
    assert broken.returncode == 1 and "does not match the digest" in broken.stderr

    refused = procure("audit", "export", tmp_path / "x.csv", "--as", "audit.office", "--db", db)
    assert refused.returncode == 2 and "name the procurement" in refused.stderr
    evaluator = procure("audit", "export", tmp_path / "y.csv", "--procurement", "1",
                        "--as", "li.wei", "--db", db)
    assert evaluator.returncode == 2 and "may not read the audit log" in evaluator.stderr
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "y.csv").exists()
    not_a_log = tmp_path / "not.csv"
    not_a_log.write_text("a,b\n1,2\n", encoding="utf-8")
    bad = procure("audit", "verify", "--csv", not_a_log)
    assert bad.returncode == 2 and "not an audit log" in bad.stderr and "Traceback" not in bad.stderr
