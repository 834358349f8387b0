"""``procure joint`` as a user runs it (issue 16): opportunities in a pipeline file and in a
database, accepted and dismissed there; the joint entry published and passing the Data
Review Tool (libcoveocds, offline); bad input as one line and exit status 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli import procure
from tests.ocds_review import review

CSV = """id,title,buyer,cpv,expected_tender_date,estimated_value,currency,language
T1,Car park sensors and guidance,Transport Bureau,34926000,2027-03-01,1000000,CNY,en
P1,Car park sensors for parks,Parks Department,34923000,2027-05-01,500000,CNY,en
E1,学校午餐配送服务,教育局,55523100,2027-04-01,,,zh
E2,中小学校午餐配送,卫生健康委员会,55524000,2027-06-30,300000,CNY,zh
X1,Road salt,Transport Bureau,34927100,2027-12-01,,,en
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("joint") / "pipeline.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def database(source: Path) -> Path:
    db = source.with_name("city.sqlite")
    assert procure("user", "add", "li.na", "--name", "Li Na", "--role", "lead",
                   "--no-password", "--db", db).returncode == 0
    run = procure("import", "pipeline", source, "--db", db, "--as", "li.na")
    assert run.returncode == 0, run.stderr
    return db


def _found(source: Path, *more: str) -> list[dict[str, Any]]:
    run = procure("joint", source, "--json", *more)
    assert run.returncode == 0, run.stderr
    found: list[dict[str, Any]] = json.loads(run.stdout)["opportunities"]
    return found


def test_opportunities_in_a_pipeline_file(source):
    parking, meals = _found(source)
    assert parking["entries"] == ["T1", "P1"]
    assert parking["buyers"] == ["Transport Bureau", "Parks Department"]
    assert parking["combined_value"] == [{"amount": 1500000.0, "currency": "CNY"}]
    (reason,) = parking["reasons"]
    assert (reason["cpv_level"], reason["cpv_prefix"], reason["tender_dates"]) == (
        "class", "3492", ["2027-03-01", "2027-05-01"])
    assert reason["similarity"] >= 60 and parking["status"] == "open"
    assert meals["entries"] == ["E1", "E2"]
    assert _found(source, "--window-months", "1") == []
    run = procure("joint", "--window-months", "1", source, "--json")  # options first
    assert run.returncode == 0 and json.loads(run.stdout) == {"opportunities": []}


def test_the_readable_table_in_both_languages(source):
    english = procure("joint", source)
    assert english.returncode == 0, english.stderr
    assert "Transport Bureau, Parks Department — combined value CN¥1,500,000.00" in \
        english.stdout
    assert "CPV class 3492" in english.stdout and "T1 + P1" in english.stdout
    chinese = procure("joint", source, "--lang", "zh")
    assert chinese.returncode == 0, chinese.stderr
    assert "2027年3月1日" in chinese.stdout


def test_the_lead_accepts_and_dismisses_in_the_database(database, tmp_path):
    parking, meals = _found(database)
    run = procure("joint", "accept", parking["id"], "--db", database, "--as", "li.na")
    assert run.returncode == 0, run.stderr
    entry = f"joint-{parking['id'][:10]}"
    assert run.stdout == (f"Opportunity {parking['id']} accepted: joint pipeline entry {entry} "
                          "for 2 buyers.\n")
    run = procure("joint", "dismiss", meals["id"], "--reason", "不同配送区域", "--db", database,
                  "--as", "li.na")
    assert run.returncode == 0, run.stderr
    assert _found(database) == []
    assert [o["status"] for o in _found(database, "--all")] == ["accepted", "dismissed"]
    again = procure("joint", "dismiss", meals["id"], "--reason", "x", "--db", database,
                    "--as", "li.na")
    assert again.returncode == 2
    assert again.stderr == f"error: opportunity {meals['id']} has already been dismissed\n"

    site = tmp_path / "site"
    run = procure("publish", database, "--out", site, "--ocid-prefix", "ocds-hc2027",
                  "--publisher", "Harbourside City", env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert run.returncode == 0, run.stderr
    package = json.loads((site / "release-package.json").read_text("utf-8"))
    (release,) = [r for r in package["releases"] if r["tender"]["id"] == entry]
    assert [(p["name"], p["roles"]) for p in release["parties"]] == [
        ("Transport Bureau", ["buyer", "procuringEntity"]), ("Parks Department", ["buyer"])]
    report = review(package)
    assert report["validation_errors"] == []
    assert report["additional_fields"] == []


@pytest.mark.parametrize(("args", "message"), [
    (("joint", "no-such-folder"), "error: no-such-folder: no such file or folder"),
    (("joint", "{source}", "--window-months", "six"),
     "error: --window-months: must be a whole number of months from 0 to 120"),
    (("joint", "{source}", "--window-months", "-3"),
     "error: --window-months: must be a whole number of months from 0 to 120"),
    (("joint", "missing.sqlite"), "error: missing.sqlite: no such database file"),
])
def test_bad_input_is_one_line_and_exit_status_2(source, tmp_path, args, message):
    run = procure(*(str(a).replace("{source}", str(source)) for a in args), cwd=tmp_path)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [message]


def test_an_unknown_opportunity(database):
    run = procure("joint", "accept", "0123456789abcdef", "--db", database, "--as", "li.na")
    assert run.returncode == 2
    assert run.stderr == "error: no joint procurement opportunity 0123456789abcdef\n"


def test_the_docs_show_what_the_example_prints():
    root = Path(__file__).resolve().parents[2]
    run = procure("joint", "examples/joint/pipeline.csv", cwd=root)
    assert run.returncode == 0, run.stderr
    docs = (root / "docs" / "joint.md").read_text("utf-8")
    assert f"$ procure joint examples/joint/pipeline.csv\n{run.stdout}```" in docs
