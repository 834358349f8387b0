"""The workflow through the installed ``procure``: every step the app takes, and each refusal
(wrong role, wrong status, four eyes, the standstill not over) as one line and exit status 2."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli import procure


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    path = tmp_path_factory.mktemp("steps") / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


def _refused(run, message: str) -> None:
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_a_draft_goes_from_tender_to_moderation(city):
    db = ("--db", city)
    _refused(procure("open-tender", "2", "--as", "zhou.min", *db), "only the lead")
    _refused(procure("close-tender", "2", "--as", "li.na", *db), "in status draft")
    opened = procure("open-tender", "2", "--as", "li.na", *db)
    assert opened.returncode == 0 and "HC-2026-021 is now in status open for bids" in opened.stdout
    _refused(procure("close-tender", "2", "--as", "li.na", *db), "there are no bids")
    bids = city.parent / "bids.csv"
    bids.write_text("bid_id,supplier,accepts_data_terms,open_standards_compliant,capex,"
                    "opex_per_year,term_years,exit_cost\nP-1,Alpha,yes,yes,100,10,3,5\n",
                    encoding="utf-8")
    assert procure("import", "bids", bids, "--procurement", "2", "--as", "li.na",
                   *db).returncode == 0
    assert procure("close-tender", "2", "--as", "li.na", *db).returncode == 0
    _refused(procure("declare", "2", "--as", "li.wei", "--no-conflict", *db),
             "not on the evaluation panel")
    _refused(procure("close-quality", "2", "--as", "li.na", *db), "have not declared")
    usage = procure("declare", "2", "--as", "sarah.jones", *db)
    assert usage.returncode == 2 and "--no-conflict or --conflict" in usage.stderr
    declared = procure("declare", "2", "--as", "sarah.jones", "--no-conflict", "--json", *db)
    assert declared.returncode == 0 and json.loads(declared.stdout)["status"] == (
        "quality_evaluation")
    _refused(procure("close-quality", "2", "--as", "li.na", *db), "have not submitted")
    _refused(procure("open-prices", "2", "--as", "li.na", *db), "in status quality evaluation")


def test_moderation_to_award_with_every_refusal(city):
    db = ("--db", city)
    _refused(procure("moderate", "1", "--bid", "SP-01", "--criterion", "exit_plan", "--score",
                     "9", "--reason", "typo", "--as", "li.na", *db), "outside the scale 0–4")
    moderated = procure("moderate", "1", "--bid", "SP-01", "--criterion", "exit_plan",
                        "--score", "1", "--reason", "Agreed in the meeting", "--as", "li.na", *db)
    assert moderated.returncode == 0, moderated.stderr
    again = procure("moderate", "1", "--bid", "SP-01", "--criterion", "exit_plan", "--score",
                    "1.5", "--reason", "Revised", "--as", "li.na", "--json", *db)
    assert json.loads(again.stdout)["version"] == 2
    flag = procure("resolve-flag", "1", "--bid", "SP-04", "--flag", "abnormally_low", "--note",
                   "Explanation verified on site", "--as", "li.na", *db)
    assert flag.returncode == 0 and "Resolution recorded for SP-04" in flag.stdout
    bad_flag = procure("resolve-flag", "1", "--bid", "SP-04", "--flag", "nonsense", "--note",
                       "x", "--as", "li.na", *db)
    assert bad_flag.returncode == 2 and "nonsense" in bad_flag.stderr

    _refused(procure("recommend", "1", "--note", " ", "--as", "li.na", *db), "state why")
    _refused(procure("recommend", "1", "--note", "x", "--as", "zhou.min", *db), "only the lead")
    assert procure("recommend", "1", "--note", "Open data and the lowest exit cost", "--as",
                   "li.na", *db).returncode == 0
    _refused(procure("approve", "1", "--as", "li.na", *db), "may not do this")
    _refused(procure("return", "1", "--reason", "", "--as", "zhou.min", *db), "state why")
    returned = procure("return", "1", "--reason", "Check SP-04 again", "--as", "zhou.min", *db)
    assert returned.returncode == 0 and "now in status moderation" in returned.stdout
    assert procure("recommend", "1", "--note", "SP-04 checked; SP-02 still best", "--as",
                   "li.na", *db).returncode == 0
    approved = procure("approve", "1", "--as", "zhou.min", *db)
    assert approved.returncode == 0 and "now in status standstill" in approved.stdout
    _refused(procure("award", "1", "--as", "li.na", *db), "the standstill period runs until")
    shown = json.loads(procure("show", "1", "--json", *db).stdout)
    assert shown["status"] == "standstill" and shown["standstill_end"]
    assert [(d["outcome"], d["note"], d["return_reason"]) for d in shown["decisions"]] == [
        ("returned", "Open data and the lowest exit cost", "Check SP-04 again"),
        ("approved", "SP-04 checked; SP-02 still best", None)]
    _refused(procure("cancel", "3", "--reason", "late", "--as", "li.na", *db), "in status awarded")
    cancelled = procure("cancel", "2", "--reason", "Budget moved", "--as", "li.na", "--lang",
                        "zh", *db)
    assert cancelled.returncode == 0 and "已取消" in cancelled.stdout


def test_an_unknown_user_or_procurement_is_one_line(city):
    _refused(procure("approve", "1", "--as", "nobody", "--db", city), "no user nobody")
    _refused(procure("approve", "99", "--as", "zhou.min", "--db", city), "no procurement 99")


def test_the_demo_has_an_awarded_procurement_whose_documents_can_be_made(city, tmp_path):
    shown = json.loads(procure("show", "3", "--json", "--db", city).stdout)
    assert shown["status"] == "awarded" and shown["decisions"][0]["winners"] == {"all": "TS-01"}
    contract = procure("contract", "--procurement", "3", "--out", tmp_path / "c.docx",
                       "--db", city)
    assert contract.returncode == 0, contract.stderr
    summaries = procure("summaries", "--procurement", "3", "--out", tmp_path / "s.zip",
                        "--db", city)
    assert summaries.returncode == 0, summaries.stderr


def test_a_rubric_with_an_unknown_method_is_refused_by_rubric_show(tmp_path):
    from tests.conftest import MINI_RUBRIC

    bad = tmp_path / "bad.yaml"  # the mini rubric has no defaults: add one with a typo
    bad.write_text(MINI_RUBRIC.read_text(encoding="utf-8") + "\ndefaults:\n  method: topsys\n",
                   encoding="utf-8")
    run = procure("rubric", "show", bad)
    assert run.returncode == 2
    assert f"{bad}, field defaults.method: must be one of" in run.stderr


def test_the_command_line_imports_no_streamlit(tmp_path):
    # The import contract in pyproject.toml checks the code; this checks a real run.
    import subprocess
    import sys

    script = ("import sys\nfrom procurement.cli import main\n"
              "for args in (['demo', '--db', sys.argv[1]], ['show', '1', '--db', sys.argv[1]],\n"
              "             ['recommend', '--help'], ['rubric', 'list']):\n"
              "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'altair')))")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "city.sqlite")],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "[]"
