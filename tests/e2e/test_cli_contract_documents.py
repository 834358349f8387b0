"""The contract-stage documents through the installed `procure`, on the demo city's running
signals contract (HC-2025-009: 3 KPIs measured 2025-11..2026-10, 2026-02 short of target
with a service credit, the exit plan received 2026-01-20), in both languages."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as Word

from procurement import labels
from procurement.i18n import tr
from procurement.vocabulary import Milestone, Rating
from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "pages"
SUPPLIER_ID = "CN-USCI-91440300MA5G0001TB"
BUYER_ID = "CN-USCI-11440300MB2C123452"
TEAM = ["--member", "Zhou Min (chair)", "--member", "李伟（技术专家）"]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    run = procure("demo", "--db", path)
    assert run.returncode == 0, run.stderr
    return path


def _contract(city: Path) -> str:
    """The signals contract's number, as a user finds it."""
    run = procure("contracts", "--db", city, "--procurement", "3", "--json")
    assert run.returncode == 0, run.stderr
    import json

    (found,) = json.loads(run.stdout)
    return str(found["id"])


def _tables(path: Path) -> tuple[str, list[list[list[str]]]]:
    doc = Word(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    return text, [[[cell.text for cell in row.cells] for row in table.rows]
                  for table in doc.tables]


def _facts(tables: list[list[list[str]]]) -> dict[str, str]:
    return {label: value for label, value in tables[0]}


def _rating(rating: Rating, lang: str) -> str:
    return tr(labels.RATINGS[rating], lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_months_performance_notice(city, tmp_path, lang):
    out = tmp_path / "notice.docx"
    run = procure("performance-notice", "--db", city, "--contract", _contract(city),
                  "--period", "2026-02", "--lang", lang, "--out", out)
    assert run.returncode == 0, run.stderr
    text, tables = _tables(out)
    facts = _facts(tables)
    supplier_id = "供应商标识码" if lang == "zh" else "Supplier identifier"
    buyer_id = "采购人标识码" if lang == "zh" else "Contracting authority identifier"
    assert facts[supplier_id] == SUPPLIER_ID and facts[buyer_id] == BUYER_ID
    assert facts["评价期间" if lang == "zh" else "Period assessed"] == \
        ("2026年2月" if lang == "zh" else "February 2026")
    assert "Greenwave Mobility Ltd" in facts["供应商" if lang == "zh" else "Supplier"]
    header, *rows = tables[1]
    assert header[0] == ("序号" if lang == "zh" else "No.")
    assert [row[:5] for row in rows] == [
        ["1", "Average peak-hour delay at 60 junctions (s)", "≤ 36 s", "38.2 s",
         _rating(Rating.REQUIRES_IMPROVEMENT, lang)],
        ["2", "Bus on-time arrival (%)", "≥ 88%", "86.4%", _rating(Rating.APPROACHING_TARGET, lang)],
        ["3", "Signal timing data published (%)", "≥ 99%", "97.2%",
         _rating(Rating.APPROACHING_TARGET, lang)]]
    assert "3,025.00" in rows[0][5] and "0.00" in rows[1][5]
    assert tables[2][1][:2] == ["2026-02", rows[0][5]]  # the month's credits, capped
    assert ("本期合计" if lang == "zh" else "Total for the period") in text
    cited = "Procurement Regulations 2024 reg. 39"
    assert cited in text or "《2024年采购条例》第39条" in text


def test_a_years_notice_gives_each_kpi_its_worst_month(city, tmp_path):
    out = tmp_path / "year.docx"
    run = procure("performance-notice", "--db", city, "--contract", _contract(city),
                  "--from", "2025-11", "--to", "2026-10", "--out", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"Wrote {out}."
    text, tables = _tables(out)
    assert _facts(tables)["Period assessed"].startswith("November 2025 to October 2026")
    rows = tables[1][1:]
    assert [row[4] for row in rows] == ["Requires improvement", "Approaching target",
                                        "Approaching target"]
    assert rows[0][3].startswith("12 months, 33.5 s to 38.2 s; worst 38.2 s (2026-02)")
    assert "latest 33.5 s (2026-10)" in rows[0][3]
    assert [row[0] for row in tables[2][1:]] == ["2026-02"]  # the one month owing a credit
    assert "rated by its worst month" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_acceptance_report(city, tmp_path, lang):
    out = tmp_path / "acceptance.docx"
    run = procure("acceptance", "--db", city, "--contract", _contract(city), "--from",
                  "2025-11", "--to", "2026-10", *TEAM, "--accepted-on", "2026-11-10",
                  "--lang", lang, "--out", out)
    assert run.returncode == 0, run.stderr
    text, tables = _tables(out)
    facts = _facts(tables)
    assert facts["供应商标识码" if lang == "zh" else "Supplier identifier"] == SUPPLIER_ID
    assert facts["验收日期" if lang == "zh" else "Accepted on"] == \
        ("2026年11月10日" if lang == "zh" else "10 November 2026")
    yes, no = tr("Accepted", lang), tr("Not accepted", lang)
    rows = tables[1][1:]
    assert [(row[0], row[4]) for row in rows] == [("1", no), ("2", yes), ("3", yes), ("4", yes)]
    assert rows[0][1].endswith("Average peak-hour delay at 60 junctions (s)")
    assert "2026-02 38.2 s" in rows[0][3] and "loop detectors" in rows[0][3]
    assert rows[3][1] == tr(labels.MILESTONES[Milestone.EXIT_PLAN_DUE], lang)
    assert ("2026年1月20日" if lang == "zh" else "20 January 2026") in rows[3][3]
    team = tables[2]
    assert team[0] == (["姓名", "职责", "签字", "日期"] if lang == "zh"
                       else ["Name", "Role", "Signature", "Date"])
    assert team[1:] == [["Zhou Min", "chair", "", ""], ["李伟", "技术专家", "", ""]]
    assert "Government Procurement Law art. 41" in text or "第四十一条" in text


def test_each_document_made_is_in_the_audit_log(city, tmp_path):
    contract = _contract(city)
    assert procure("performance-notice", "--db", city, "--contract", contract, "--period",
                   "2026-10", "--out", tmp_path / "n.docx").returncode == 0
    assert procure("acceptance", "--db", city, "--contract", contract, "--period", "2026-01",
                   *TEAM, "--accepted-on", "2026-02-05", "--out", tmp_path / "a.docx"
                   ).returncode == 0
    run = procure("audit", "export", tmp_path / "audit.csv", "--db", city)
    assert run.returncode == 0, run.stderr
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig") as handle:
        actions = [row["action"] for row in csv.DictReader(handle)]
    assert "contract.performance_notice" in actions and "contract.acceptance" in actions


@pytest.mark.parametrize(("command", "args", "message"), [
    ("performance-notice", ["--contract", "99", "--period", "2026-10"], "no contract 99"),
    ("performance-notice", ["--period", "2031-01"],
     "the period 2031-01 is outside the contract's term (2025-11 to 2030-10)"),
    ("performance-notice", ["--from", "2025-01", "--to", "2025-12"],
     "the period 2025-01 – 2025-12 is outside the contract's term"),
    ("performance-notice", ["--period", "2026-11"],
     "the contract has no KPI measurement in 2026-11"),
    ("performance-notice", ["--period", "2026-13"], "--period: 2026-13 is not a month"),
    ("performance-notice", ["--from", "2026-05", "--to", "2026-01"],
     "--to: the period ends (2026-01) before it starts (2026-05)"),
    ("performance-notice", [], "give the period"),
    ("acceptance", ["--period", "2026-10", "--accepted-on", "2026-11-10"],
     "--member: an acceptance report names the members"),
    ("acceptance", ["--period", "2026-10", "--member", "Zhou Min", "--accepted-on",
                    "2026-11-10"], "--member: Zhou Min: give each member as Name (role)"),
    ("acceptance", ["--period", "2026-10", *TEAM, "--accepted-on", "2026-10-15"],
     "--accepted-on: the acceptance on 2026-10-15 is before the end of the period accepted"),
    ("acceptance", ["--period", "2026-10", *TEAM, "--accepted-on", "10/11/2026"],
     "--accepted-on: 10/11/2026 is not a date"),
])
def test_bad_input_is_one_line_and_writes_nothing(city, tmp_path, command, args, message):
    if "--contract" not in args:
        args = ["--contract", _contract(city), *args]
    out = tmp_path / "document.docx"
    run = procure(command, "--db", city, *args, "--out", out)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_copies_to_look_at(city, tmp_path, request, lang):
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if request.config.getoption("--require-libreoffice"):
            pytest.fail("LibreOffice is missing: ./dev test installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice is not installed")
    contract = _contract(city)
    base = ["--db", city, "--contract", contract, "--from", "2025-11", "--to", "2026-10",
            "--lang", lang, "--pdf"]
    for command, extra in (("performance-notice", []),
                           ("acceptance", [*TEAM, "--accepted-on", "2026-11-10"])):
        run = procure(command, *base, *extra, "--out", tmp_path / f"{command}.docx")
        assert run.returncode == 0, run.stderr
        pdf = tmp_path / f"{command}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf),
                        str(ARTIFACTS / f"{command}-{lang}")], check=True)
        words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert SUPPLIER_ID in words  # the identifier on one line, not broken across two
