"""The contract stage through the installed `procure`, on the demo city's awarded signals
contract (a year of monthly measurements): the contract, its KPIs rated with the one month
that owes a service credit, a measurement recorded, a bad file refused per row and column
with nothing stored, and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli import procure


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kpi") / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


def test_the_demo_contract_a_year_on(city):
    listed = procure("contracts", "--procurement", "3", "--db", city)
    assert listed.returncode == 0, listed.stderr
    assert "Greenwave Mobility Ltd" in listed.stdout and "1 November 2025" in listed.stdout
    shown = procure("kpi", "list", "--contract", "1", "--db", city, "--json")
    data = json.loads(shown.stdout)
    assert len(data["measurements"]) == 36  # 3 KPIs × 12 months
    ratings = {m["rating"] for m in data["measurements"]}
    assert {"good", "approaching_target", "requires_improvement"} <= ratings
    owed = [p for p in data["periods"] if p["credits"] > 0]
    # February 2026: delay 38.2 s against 36, 2.2 points at 1 % of the 137,500 a month.
    assert owed == [{"period": "2026-02", "credits": pytest.approx(3025.0), "capped": False}]
    assert data["contract"]["exit_plan_received"] == "2026-01-20"
    (change,) = data["contract"]["modifications"]
    assert change["value_change"] == 498000.0 and change["findings"] == []
    text = procure("kpi", "list", "--contract", "1", "--db", city, "--lang", "zh")
    assert "需要改进" in text.stdout and "2026-02：服务抵扣" in text.stdout


def test_record_and_refusals(city, tmp_path):
    base = ["--contract", "1", "--db", city]
    run = procure("kpi", "record", *base, "--kpi", "2", "--period", "2026-11", "--value", "86",
                  "--evidence", "AVL data", "--as", "li.na")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Recorded KPI 2 for 2026-11: Approaching target."
    refused = procure("kpi", "record", *base, "--kpi", "2", "--period", "2026-11", "--value",
                      "86", "--as", "li.wei")
    assert refused.returncode == 2 and refused.stderr.strip() == (
        "error: only the procurement's lead or a contract manager records the contract's "
        "performance")
    month = procure("kpi", "record", *base, "--kpi", "2", "--period", "Nov 2026", "--value",
                    "86", "--as", "li.na")
    assert month.returncode == 2 and "is not a month (write it 2026-03)" in month.stderr
    before = procure("kpi", "list", *base, "--json").stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("kpi,period,value\n1,2026-12,33\n9,2026-12,1\n1,2024-01,3\n2,2026-12,high\n"
                   "1,2026-12,34\n", encoding="utf-8")
    run = procure("kpi", "import", bad, *base, "--as", "li.na")
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert lines == [
        f"error: {bad}, row 3, column kpi: 9 is not a KPI of this contract (its KPIs are 1, 2, 3)",
        f"error: {bad}, row 4, column period: 2024-01 is outside the contract's term "
        "(2025-11 to 2030-10)",
        f"error: {bad}, row 5, column value: 'high' is not a number",
        f"error: {bad}, row 6, column period: KPI 1 already has a measurement for 2026-12 in "
        "row 2"]
    assert procure("kpi", "list", *base, "--json").stdout == before  # nothing stored
    missing = procure("kpi", "list", "--contract", "9", "--db", city)
    assert missing.returncode == 2 and missing.stderr.strip() == "error: no contract 9"
