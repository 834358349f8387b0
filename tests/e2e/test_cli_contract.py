"""The contract record through the installed `procure`, on the demo's signals contract: its
milestones and payments, a payment and a review recorded, a modification past the law's
total refused with the rule, the benefits planned against realised beside the evaluation's
confidence, and bad input refused in one line with nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli import procure


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


def test_milestones_payments_and_a_review(city):
    base = ["--contract", "1", "--db", city]
    shown = procure("contracts", "show", *base)
    assert shown.returncode == 0, shown.stderr
    assert "Annual review 1" in shown.stdout and "31 October 2026" in shown.stdout
    assert "Paid in total: CN¥5,850,000.00" in shown.stdout  # capital cost and 12 charges
    paid = procure("contracts", "pay", *base, "--paid-on", "2026-12-01", "--amount", "137500",
                   "--description", "Monthly charge 2026-11", "--as", "li.na")
    assert paid.returncode == 0, paid.stderr
    assert paid.stdout.strip() == "Payment recorded; paid in total: CN¥5,987,500.00."
    data = json.loads(procure("contracts", "show", *base, "--json").stdout)
    review = next(m for m in data["milestones"] if m["kind"] == "annual_review")
    assert review == {"kind": "annual_review", "due": "2026-10-31", "met": "2026-10-28",
                      "number": 1}
    zh = procure("contracts", "show", *base, "--lang", "zh")
    assert "年度评审 1" in zh.stdout and "累计已付" in zh.stdout


def test_refusals_in_one_line_with_nothing_stored(city):
    base = ["--contract", "1", "--db", city]
    before = procure("contracts", "show", *base, "--json").stdout
    future = procure("contracts", "pay", *base, "--paid-on", "2099-01-01", "--amount", "1",
                     "--as", "li.na")
    assert future.returncode == 2
    assert future.stderr.strip() == ("error: 2099-01-01 is in the future: record a payment "
                                     "once it is made")
    # The Government Procurement Law's 10 % of the value in total (art. 49): refused.
    over = procure("contracts", "modify", *base, "--value-change", "2000000", "--rationale",
                   "forty junctions", "--as", "li.na")
    assert over.returncode == 2 and "art. 49" in over.stderr
    assert len(over.stderr.strip().splitlines()) == 1
    observer = procure("contracts", "review", *base, "--held-on", "2026-11-30", "--summary",
                       "fine", "--as", "audit.office")
    assert observer.returncode == 2 and "contract manager" in observer.stderr
    setting = procure("contracts", "refine", *base, "--kpi", "1", "--set", "colour=red",
                      "--reason", "x", "--as", "li.na")
    assert setting.returncode == 2 and "colour is not a KPI term" in setting.stderr
    started = procure("contracts", "refine", *base, "--kpi", "1", "--set", "target=30",
                      "--reason", "tighter", "--as", "li.na")
    assert started.returncode == 2 and "its KPIs are fixed" in started.stderr
    assert procure("contracts", "show", *base, "--json").stdout == before.replace(
        '"version": 4', '"version": 6')  # only the two exit-cost records changed it
    dearer = procure("contracts", "exit", *base, "--exit-cost", "400000", "--as", "li.na")
    assert dearer.returncode == 0 and dearer.stderr.strip() == (
        "Warning: leaving now would cost CN¥50,000.00 more than the bid's exit cost (the "
        "contract's cap on exit charges).")
    procure("contracts", "exit", *base, "--exit-cost", "315000", "--as", "li.na")
    nothing = procure("contracts", "--db", city)
    assert nothing.returncode == 2 and "give --procurement ID" in nothing.stderr


def test_benefits_planned_against_realised(city):
    base = ["--contract", "1", "--db", city]
    listed = procure("benefit", "list", *base)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("Evaluation: Confidence in delivering the expected "
                                    "business benefits 3 of 4")
    assert "75%" in listed.stdout and "33%" in listed.stdout
    added = procure("benefit", "add", *base, "--description", "Open datasets published",
                    "--owner", "Chief Data Officer", "--baseline", "40", "--target", "100",
                    "--due", "2027-12-31", "--as", "li.na")
    assert added.returncode == 0 and added.stdout.strip() == "Benefit 3 added."
    measured = procure("benefit", "measure", *base, "--benefit", "3", "--on", "2026-12-01",
                       "--value", "55", "--evidence", "portal count", "--as", "li.na")
    assert measured.returncode == 0, measured.stderr
    assert measured.stdout.startswith("Benefit 3 on 2026-12-01: 25% of the planned change")
    flat = procure("benefit", "add", *base, "--description", "x", "--owner", "y",
                   "--baseline", "1", "--target", "1", "--due", "2027-01-01", "--as", "li.na")
    assert flat.returncode == 2 and "target" in flat.stderr
    data = json.loads(procure("benefit", "list", *base, "--json").stdout)
    assert len(data["benefits"]) == 3 and data["confidence"]["score"] == 3.0
