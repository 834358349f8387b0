"""``procure review`` through the installed entry point: both examples, JSON, Chinese, the
Markdown report, and one clear line per problem for bad designs."""

import json
from pathlib import Path

import pytest

from tests.e2e.cli import procure

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "design"
SMART = EXAMPLES / "smart-parking.yaml"
LEGACY = EXAMPLES / "legacy-cctv.yaml"


def test_the_smart_example_reads_as_a_table_with_its_summary():
    run = procure("review", SMART)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Design review: Harbourside smart parking platform")
    assert "13 of 16 rows smart · 3 in transition, 0 traditional" in run.stdout
    assert " 8  Basis of the decision        smart" in run.stdout
    assert "6.6.3 b) incentives for innovation and collaboration (7 Delivery model)" in run.stdout
    assert run.stderr == ""


def test_the_legacy_example_is_mostly_traditional_and_says_what_it_does_not_state():
    run = procure("review", LEGACY)
    assert run.returncode == 0, run.stderr
    assert ("0 of 16 rows smart · 2 in transition, 14 traditional, 3 of them because the design "
            "does not say") in run.stdout
    assert "the design does not say (estimated_exit_cost)" in run.stdout
    assert "6.6.3 b) avoid supplier lock-in (8 Basis of the decision, 10 Contract term" in run.stdout


def test_json_has_sixteen_rows_and_the_summary():
    run = procure("review", SMART, "--json")
    assert run.returncode == 0, run.stderr
    view = json.loads(run.stdout)
    assert set(view) == {"design", "source", "rows", "summary"}
    assert view["design"] == {"title": "Harbourside smart parking platform · 港湾市智慧停车平台",
                              "reference": "HC-2026-017",
                              "buyer": "Harbourside City Transport Department · 港湾市交通运输局"}
    assert [row["row"] for row in view["rows"]] == list(range(1, 17))
    for row in view["rows"]:
        assert set(row) == {"row", "name", "level", "level_name", "stated", "reason",
                            "recommendation", "reference", "traditional", "smart"}
        assert row["level"] in {"traditional", "transition", "smart"}
        assert row["reference"].startswith("6.6.3 ")
    assert view["summary"] == {"smart": 13, "transition": 3, "traditional": 0, "not_stated": 0,
                               "total": 16, "text": "13 of 16 rows smart",
                               "detail": "3 in transition, 0 traditional"}
    legacy = json.loads(procure("review", LEGACY, "--json").stdout)
    assert [r["row"] for r in legacy["rows"] if not r["stated"]] == [8, 14, 16]


def test_chinese_names_rows_and_recommendations_in_chinese():
    run = procure("review", LEGACY, "--lang", "zh")
    assert run.returncode == 0, run.stderr
    assert "委托服务策略" in run.stdout and "城市数据" in run.stdout
    assert "6.6.3 b) 为所有采购建立公开数据（13 城市数据）" in run.stdout
    assert "为所有采购建立公开数据：明确所有数据都归城市所有而不是归供应商" in run.stdout
    view = json.loads(procure("review", LEGACY, "--json", "--lang", "zh").stdout)
    assert view["rows"][12]["smart"].startswith("标准化的签约管理确保所有城市供应商通过公开标准")


def test_out_writes_the_markdown_report(tmp_path):
    out = tmp_path / "review.md"
    run = procure("review", SMART, "--out", out)
    assert run.returncode == 0, run.stderr
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Design review: Harbourside smart parking platform")
    assert "**13 of 16 rows smart** — 3 in transition, 0 traditional." in report
    assert "| 10 | Contract term | smart |" in report
    assert "## What would move the other rows" in report
    zh = tmp_path / "review.zh.md"
    assert procure("review", SMART, "--lang", "zh", "--out", zh).returncode == 0
    assert "| 13 | 城市数据 |" in zh.read_text(encoding="utf-8")


def _bad(tmp_path, text: str, name: str = "design.yaml") -> tuple[Path, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = procure("review", path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    return path, run.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("title: x\ncomissioning: city_wide\n",
     "field comissioning: unknown field (not part of the design format)"),
    ("title: x\nlots: two\n", "field lots: must be a whole number"),
    ("title: x\nbreak_clause: maybe\n", "field break_clause: must be yes or no"),
    ("title: x\nspecifies: outcome\n",
     "field specifies: must be one of 'technology', 'mixed' or 'outcomes'"),
    ("title: x\ninitial_term_years: 5\nmax_term_years: 3\n",
     "field max_term_years: must not be shorter than the initial term (5 years)"),
    ("title: x\nestimated_exit_cost: -1\n", "field estimated_exit_cost: must be at least 0"),
    ("reference: X-1\n", "field title: required field is missing"),
    ("title: [x\n", "line 2: not valid YAML (expected ',' or ']', but got '<stream end>')"),
    ("- a list\n", "the file must be a mapping of fields (key: value)"),
    ("", "the file is empty"),
])
def test_a_bad_design_gets_one_line_naming_file_and_field(tmp_path, text, message):
    path, stderr = _bad(tmp_path, text)
    separator = ", " if message.startswith("field") else ": "
    assert stderr == f"error: {path}{separator}{message}\n"


def test_every_problem_gets_its_own_line(tmp_path):
    _, stderr = _bad(tmp_path, "title: x\nlots: 0\nestimated_exit_cost: -5\ncurrency: yuan\n")
    assert stderr.splitlines() == [
        f"error: {tmp_path / 'design.yaml'}, field estimated_exit_cost: must be at least 0",
        f"error: {tmp_path / 'design.yaml'}, field currency: must be a three-letter currency "
        "code such as CNY",
        f"error: {tmp_path / 'design.yaml'}, field lots: must be at least 1",
    ]


def test_a_missing_file_and_a_bad_report_path(tmp_path):
    missing = procure("review", tmp_path / "nope.yaml")
    assert missing.returncode == 2
    assert missing.stderr == f"error: {tmp_path / 'nope.yaml'}: no such file\n"
    wrong = procure("review", SMART, "--out", tmp_path / "review.html")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr == f"error: cannot write {tmp_path / 'review.html'}: the report must end in .md\n"
    nowhere = procure("review", SMART, "--out", tmp_path / "no" / "review.md")
    assert nowhere.returncode == 2
    assert "the folder" in nowhere.stderr and "Traceback" not in nowhere.stderr


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("city") / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    return db


def test_record_keeps_the_review_in_the_portfolio(city: Path) -> None:
    run = procure("review", LEGACY, "--record", "--as", "li.na", "--db", city, "--procurement", "1")
    assert run.returncode == 0, run.stderr
    assert "0 of 16 rows smart" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith(
        "Recorded in the city's portfolio as review 4 of HC-2026-031")
    as_json = procure("review", SMART, "--record", "--as", "li.na", "--db", city, "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["summary"]["smart"] == 13  # stdout stays JSON
    assert "review 5 of HC-2026-017" in as_json.stderr
    shown = json.loads(procure("indicators", city, "--json").stdout)["maturity"]["periods"]
    assert shown[-1]["designs"] == 2  # both designs, reviewed today


@pytest.mark.parametrize(("args", "message"), [
    (["--record"], "--as: --record needs --as USER"),
    (["--as", "li.na"], "--record: --procurement and --as go with --record"),
    (["--record", "--as", "nobody"], "nobody"),
    (["--record", "--as", "zhou.min"], "your role (approver) may not do this"),
    (["--record", "--as", "li.na", "--procurement", "99"], "no procurement 99"),
])
def test_record_refuses_bad_requests_in_one_line_and_keeps_nothing(
        city: Path, args: list[str], message: str) -> None:
    before = json.loads(procure("indicators", city, "--json").stdout)["maturity"]
    run = procure("review", SMART, "--db", city, *args)
    assert run.returncode == 2, run.stdout
    assert len(run.stderr.strip().splitlines()) == 1 and message in run.stderr, run.stderr
    assert json.loads(procure("indicators", city, "--json").stdout)["maturity"] == before
