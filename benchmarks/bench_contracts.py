"""Benchmark: the contract stage (issue 15).

Targets: a contract with 20 KPIs × 60 monthly periods loads, rates and charts in ≤ 300 ms
server time; importing 10,000 measurements ≤ 2 s. Measured on SQLite: the demo city's
awarded signals contract given 20 KPIs (its 3 and 17 more) and a measurement for each of its
60 months (what the Contract page reads — the contract with its milestones and payments,
every KPI rated with its credits, the benefits — and both charts' specifications); and a
file of 10,000 measurements (200 KPIs × 50 months) imported through
``performance.import_measurements``, validation and audit included. On PostgreSQL too when
``PROCUREMENT_TEST_POSTGRES`` names a server (``./dev postgres``).
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.contracts.kpis import ContractKpi, CreditRule
from procurement.services import benefits, contracts, demo, performance, users
from procurement.services.actors import Actor
from procurement.store.contract_rows import ContractKpiRow, ContractRow
from procurement.store.db import Database
from procurement.ui.contract_charts import benefit_chart, kpi_chart
from procurement.vocabulary import Direction


def _with_kpis(db: Database, contract_id: int, count: int) -> None:
    with db.write() as session:
        existing = session.query(ContractKpiRow).filter_by(contract_id=contract_id).count()
        for number in range(existing + 1, count + 1):
            terms = ContractKpi(measure=f"Measure {number} (%)", unit="%", baseline=80,
                                target=90, direction=Direction.HIGHER,
                                credit=CreditRule(percent_per_point=0.5, cap_percent=2))
            session.add(ContractKpiRow(contract_id=contract_id, number=number,
                                       terms=terms.model_dump(mode="json"),
                                       committed={"measure": terms.measure, "target": "90"},
                                       version=1))


def _months(contract: ContractRow, count: int) -> list[str]:
    year, month = contract.start_date.year, contract.start_date.month
    out = []
    for _ in range(count):
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _file(path: Path, kpis: int, months: list[str]) -> Path:
    rng = random.Random(37106)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kpi", "period", "value", "evidence"])
        for number in range(1, kpis + 1):
            for month in months:
                writer.writerow([number, month, round(rng.uniform(70, 100), 1), "report"])
    return path


def measured_contract(db: Database, folder: Path) -> tuple[Actor, list[str]]:
    """The demo city in ``db``, its signals contract given 20 KPIs each measured for its 60
    months; its lead, and the months."""
    demo.build_demo(db)
    lead = users.get_actor(db, "li.na")
    with db.read() as session:
        contract = session.get(ContractRow, 1)
        assert contract is not None
        months = _months(contract, 60)
    _with_kpis(db, 1, 20)
    performance.import_measurements(db, lead, 1, _file(folder / "m.csv", 20, months))
    return lead, months


def _measure(db: Database, folder: Path) -> tuple[float, float]:
    """The page's server time (median of 7) and the import's (median of 3) on ``db``."""
    lead, months = measured_contract(db, folder)
    loads = []
    for _ in range(7):
        start = time.perf_counter()
        # What the Contract page reads and draws: the contract (milestones, payments,
        # modifications), every KPI rated with its credits and chart, the benefits.
        shown = contracts.contract(db, lead, 1)
        found = performance.performance(db, lead, 1)
        kpi_chart(found, "en").to_dict()
        realised = benefits.benefits(db, lead, 1)
        benefit_chart(realised.benefits, shown.start_date, "en").to_dict()
        loads.append(time.perf_counter() - start)
    assert len(found.measurements) == 20 * 60
    _with_kpis(db, 1, 200)
    big = _file(folder / "big.csv", 200, months[:50])
    imports = []
    for _ in range(3):
        start = time.perf_counter()
        count = performance.import_measurements(db, lead, 1, big)
        imports.append(time.perf_counter() - start)
    assert count == 10_000
    db.dispose()
    return statistics.median(loads), statistics.median(imports)


def _postgres() -> Iterator[Database]:
    """A fresh PostgreSQL database on the server ``PROCUREMENT_TEST_POSTGRES`` names (the
    one ``./dev postgres`` starts), dropped afterwards; nothing without it."""
    admin_url = os.environ.get("PROCUREMENT_TEST_POSTGRES")
    if not admin_url:
        return
    name = f"procure_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield Database(make_url(admin_url).set(database=name).render_as_string(False))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{Path(folder) / 'contracts.sqlite'}")
        load, imported = _measure(db, Path(folder))
        on_postgres = [_measure(pg, Path(folder)) for pg in _postgres()]
    print("contracts: the demo's signals contract")
    print(f"  SQLite: 20 KPIs × 60 months, the Contract page's data and charts, median of 7: "
          f"{load * 1000:.0f} ms   target ≤ 300 ms")
    print(f"  SQLite: import 10,000 measurements, median of 3: {imported:.2f} s   target ≤ 2 s")
    record("contract_performance", "a contract of 20 KPIs × 60 months: load, rate and chart",
           f"{load * 1000:.0f} ms", "≤ 300 ms")
    record("kpi_import", "import 10,000 KPI measurements (validated, all or nothing)",
           f"{imported:.2f} s", "≤ 2 s")
    for pg_load, pg_imported in on_postgres:
        print(f"  PostgreSQL: the page {pg_load * 1000:.0f} ms; the import {pg_imported:.2f} s")
        record("contract_performance_pg",
               "a contract of 20 KPIs × 60 months: load, rate and chart (PostgreSQL)",
               f"{pg_load * 1000:.0f} ms", "≤ 300 ms")
        record("kpi_import_pg", "import 10,000 KPI measurements (PostgreSQL)",
               f"{pg_imported:.2f} s", "≤ 2 s")


if __name__ == "__main__":
    main()
