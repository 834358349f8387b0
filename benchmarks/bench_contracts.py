"""Benchmark: the contract stage (issue 15).

Targets: a contract with 20 KPIs × 60 monthly periods loads, rates and charts in ≤ 300 ms
server time; importing 10,000 measurements ≤ 2 s. Measured on SQLite: the demo city's
awarded signals contract given 20 KPIs (its 3 and 17 more) and a measurement for each of its
60 months (``performance.performance`` + the Altair chart's specification, as the page
builds it); and a file of 10,000 measurements (200 KPIs × 50 months) imported through
``performance.import_measurements``, validation and audit included.
"""

from __future__ import annotations

import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.contracts.kpis import ContractKpi, CreditRule
from procurement.services import demo, performance, users
from procurement.store.db import Database
from procurement.store.rows import ContractKpiRow, ContractRow
from procurement.ui.contract_charts import kpi_chart
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


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{Path(folder) / 'contracts.sqlite'}")
        demo.build_demo(db)
        lead = users.get_actor(db, "li.na")
        with db.read() as session:
            contract = session.get(ContractRow, 1)
            assert contract is not None
            months = _months(contract, 60)
        _with_kpis(db, 1, 20)
        performance.import_measurements(db, lead, 1, _file(Path(folder) / "m.csv", 20, months))
        loads = []
        for _ in range(7):
            start = time.perf_counter()
            found = performance.performance(db, lead, 1)
            kpi_chart(found, "en").to_dict()
            loads.append(time.perf_counter() - start)
        assert len(found.measurements) == 20 * 60
        _with_kpis(db, 1, 200)
        big = _file(Path(folder) / "big.csv", 200, months[:50])
        imports = []
        for _ in range(3):
            start = time.perf_counter()
            count = performance.import_measurements(db, lead, 1, big)
            imports.append(time.perf_counter() - start)
        assert count == 10_000
        db.dispose()
    load, imported = statistics.median(loads), statistics.median(imports)
    print("contracts: the demo's signals contract")
    print(f"  20 KPIs × 60 months: load, rate and chart, median of 7: {load * 1000:6.0f} ms"
          "   target ≤ 300 ms")
    print(f"  import 10,000 measurements, median of 3:             {imported:6.2f} s"
          "    target ≤ 2 s")
    record("contract_performance", "a contract of 20 KPIs × 60 months: load, rate and chart",
           f"{load * 1000:.0f} ms", "≤ 300 ms")
    record("kpi_import", "import 10,000 KPI measurements (validated, all or nothing)",
           f"{imported:.2f} s", "≤ 2 s")


if __name__ == "__main__":
    main()
