"""Generated outputs compared with reviewed golden files (UPDATE_GOLDEN=1 rewrites them)."""

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import MINI_BIDS, MINI_RUBRIC
from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = ROOT / "examples" / "smart-parking"


def _rounded(value: Any) -> Any:
    # Floats to 9 significant digits: the last bits of a sum may differ between CPUs.
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; review the diff"


def test_smart_parking_json():
    run = procure("score", EXAMPLE / "bids.csv", "--panel", EXAMPLE / "panel.csv",
                  "--sme-deduction", "0.1", "--sensitivity", "2000", "--seed", "1", "--json")
    assert run.returncode == 0, run.stderr
    result = _rounded(json.loads(run.stdout))
    _check("smart-parking.json", json.dumps(result, ensure_ascii=False, indent=1) + "\n")


def test_smart_parking_report_in_chinese():
    run = procure("score", EXAMPLE / "bids.csv", "--panel", EXAMPLE / "panel.csv",
                  "--sme-deduction", "0.1", "--sensitivity", "2000", "--seed", "1", "--lang", "zh")
    assert run.returncode == 0, run.stderr
    _check("smart-parking.zh.txt", run.stdout)


def test_mini_results_csv(tmp_path):
    out = tmp_path / "results.csv"
    assert procure("score", MINI_BIDS, "--rubric", MINI_RUBRIC, "--sme-deduction", "0.1",
                   "--out", out).returncode == 0
    _check("mini-results.csv", out.read_text(encoding="utf-8-sig"))


def test_clause_pack_text_in_both_languages(tmp_path, monkeypatch):
    # The clause pack is what bidders read with the tender: any change to its wording should be
    # a reviewed diff. The date is fixed because the pack prints the day it was generated.
    import io

    from docx import Document as Word

    from procurement.services import clock, documents, users
    from procurement.services.demo import build_demo
    from procurement.store.db import Database

    db = Database.open(tmp_path / "city.sqlite")
    build_demo(db)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    lead = users.get_actor(db, "li.na")
    for lang in ("en", "zh"):
        doc = Word(io.BytesIO(documents.clause_pack(db, lead, 1, lang).content))
        text = "\n".join(p.text for p in doc.paragraphs if p.text.strip())
        _check(f"clause-pack.{lang}.txt", text + "\n")
    db.dispose()


def test_contract_documents_text(tmp_path, monkeypatch):
    # The performance notice and the acceptance report of the demo's signals contract for its
    # first year, their paragraphs and every table row: a change of wording, a rating or a
    # rule is a reviewed diff. English only until the Chinese catalog has their messages.
    import io

    from docx import Document as Word

    from procurement.services import clock, contract_documents, users
    from procurement.services.demo import build_demo
    from procurement.store.db import Database

    db = Database.open(tmp_path / "city.sqlite")
    build_demo(db)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    lead = users.get_actor(db, "li.na")
    year = contract_documents.span("2025-11", "2026-10")
    made = {"performance-notice": contract_documents.performance_notice(db, lead, 1, year, "en"),
            "acceptance": contract_documents.acceptance_report(
                db, lead, 1, year, [contract_documents.member("Zhou Min (chair)")],
                date(2026, 11, 10), "en")}
    for name, document in made.items():
        doc = Word(io.BytesIO(document.content))
        lines = [p.text for p in doc.paragraphs if p.text.strip()]
        lines += [" | ".join(cell.text for cell in row.cells) for table in doc.tables
                  for row in table.rows]
        _check(f"{name}.en.txt", "\n".join(lines) + "\n")
    db.dispose()
