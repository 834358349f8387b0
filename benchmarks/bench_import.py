"""Benchmark: `procure import bids` of 10,000 bids into a procurement (issue 12: ≤ 3 s).

The run is the command as a user runs it, a fresh process on the embedded SQLite database,
with every bid's price envelope and audit entry written; the median of three runs, each
into a new procurement open for bids. The procurements are made with the services (setup,
not timed).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_workflow import rubric
from benchmarks.results import record
from procurement.services import lifecycle, panel, procurements, users
from procurement.store import audit
from procurement.store.db import Database

BIDS, RUNS = 10_000, 3
BIN = Path(sys.executable).parent


def write_bids(path: Path) -> None:
    rng = np.random.default_rng(12)
    lines = ["bid_id,supplier,sme,supplier_id,price,kpis,open_standards,notes"]
    lines += [f"B{i:05d},Supplier {i} 供应商,{'yes' if i % 3 else 'no'},GB-COH-{i:08d},"
              f"{rng.normal(1e6, 8e4):.2f},Availability (%): 99.0 -> 99.5,"
              f"DATEX II; OGC SensorThings API,bid number {i}"
              for i in range(BIDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        db = Database(f"sqlite+pysqlite:///{path}")
        users.add_user(db, "lead", "Lead", "lead", password=None)
        users.add_user(db, "ev", "Evaluator", "evaluator", password=None)
        lead = users.get_actor(db, "lead")
        ids = []
        for run in range(RUNS):
            pid = procurements.create_procurement(db, lead, reference=f"IMPORT-{run}",
                                                  title="Import", buyer_name="City",
                                                  rubric=rubric()).id
            panel.assign_evaluator(db, lead, pid, "ev")
            lifecycle.open_for_bids(db, lead, pid)
            ids.append(pid)
        db.dispose()
        bids = Path(folder) / "bids.csv"
        write_bids(bids)
        times = []
        for pid in ids:
            start = time.perf_counter()
            subprocess.run([str(BIN / "procure"), "import", "bids", str(bids), "--procurement",
                            str(pid), "--as", "lead", "--db", str(path)],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        db = Database(f"sqlite+pysqlite:///{path}")
        with db.read() as session:
            report = audit.verify(session)
        db.dispose()
        assert report.ok, report
    median = statistics.median(times)
    print(f"procure import bids: {BIDS:,} bids into a procurement on SQLite "
          f"(median of {RUNS} fresh processes; audit chain of {report.entries:,} entries verified)")
    print(f"  {median:6.2f} s   ({BIDS / median:,.0f} bids a second)   target ≤ 3 s")
    record("import_bids", f"procure import bids, {BIDS:,} bids (SQLite)", f"{median:.2f} s",
           "≤ 3 s")


if __name__ == "__main__":
    main()
