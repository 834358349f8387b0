"""``procure dates``: the legal dates through the real command, and its refusals (one line,
exit status 2)."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli import procure


def test_the_uk_standstill_across_easter_names_each_holiday():
    # Procurement Act 2023 s.51(2): notice published Wednesday 24 March 2027.
    run = procure("dates", "standstill", "--jurisdiction", "uk", "--from", "2027-03-24")
    assert run.returncode == 0, run.stderr
    assert "end of the standstill period: 2027-04-06 (Tuesday, 6 April 2027)" in run.stdout
    assert "the contract may be signed from 2027-04-07" in run.stdout
    assert "2027-03-26 Good Friday; 2027-03-29 Easter Monday" in run.stdout


def test_the_chinese_periods_as_json_in_chinese():
    run = procure("dates", "standstill", "--jurisdiction", "cn", "--from", "2026-02-12",
                  "--json", "--lang", "zh")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(d["what"], d["date"]) for d in data["deadlines"]] == [
        ("中标公告期届满", "2026-02-13"), ("质疑期届满", "2026-03-02")]
    assert data["deadlines"][1]["source"].startswith("《中华人民共和国政府采购法》第五十二条")
    assert data["sign_from"] == "2026-03-03" and data["sign_by"]["date"] == "2026-03-16"
    assert [d["date"] for d in data["worked"]] == ["2026-02-14", "2026-02-28"]
    assert {d["name"] for d in data["skipped"]} == {"春节"}


def test_working_days_in_scotland():
    run = procure("dates", "working-days", "--jurisdiction", "uk", "--from", "2026-12-21",
                  "--days", "8", "--region", "scotland", "--json")
    assert run.returncode == 0, run.stderr
    # After the 21st: 22, 23, 24, (25–28 Christmas, Boxing Day moved to the 28th), 29, 30, 31,
    # (1 January, 2 January moved to Monday the 4th), 5, 6.
    assert json.loads(run.stdout)["date"] == "2027-01-06"


@pytest.mark.parametrize(("args", "message"), [
    (("--jurisdiction", "fr", "--from", "2026-12-01"),
     "error: --jurisdiction: unknown jurisdiction fr; use one of cn, uk, eu, generic"),
    (("--jurisdiction", "uk", "--from", "2027-02-30"),
     "error: --from: 2027-02-30 is not a date (YYYY-MM-DD)"),
    (("--jurisdiction", "uk", "--from", "2026-12-01", "--region", "wales"),
     "error: --region: unknown region wales; use one of england-wales, scotland, "
     "northern-ireland, all-uk"),
    (("--jurisdiction", "cn", "--from", "2040-01-02"),
     "error: the working-day calendar (China's holiday arrangement (State Council)) has no data "
     "for 2040"),
])
def test_bad_input_is_one_line_and_exit_status_2(args, message):
    run = procure("dates", "standstill", *args)
    assert run.returncode == 2 and run.stdout == ""
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith(message)
