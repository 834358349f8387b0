"""Benchmark: the contract-stage documents (issue 15).

Target: the contract performance notice of a contract with 20 KPIs × 60 monthly periods,
for the whole 60 months, in ≤ 2 s per document. Measured on SQLite: the demo city's signals
contract given 20 KPIs and a measurement for each of its 60 months (as bench_contracts.py),
then ``contract_documents.performance_notice`` (load, rate, render the Word document, audit)
and ``contract_documents.acceptance_report`` over the same period.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_contracts import measured_contract
from benchmarks.results import record
from procurement.i18n import Lang
from procurement.services import contract_documents
from procurement.store.db import Database


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{Path(folder) / 'documents.sqlite'}")
        lead, months = measured_contract(db, Path(folder))
        period = contract_documents.span(months[0], months[-1])
        team = [contract_documents.member("Zhou Min (chair)")]
        notices, acceptances = [], []
        for index in range(5):
            lang: Lang = "en" if index % 2 == 0 else "zh"
            start = time.perf_counter()
            notice = contract_documents.performance_notice(db, lead, 1, period, lang)
            notices.append(time.perf_counter() - start)
            start = time.perf_counter()
            contract_documents.acceptance_report(db, lead, 1, period, team, date(2030, 11, 10),
                                                 lang)
            acceptances.append(time.perf_counter() - start)
        assert len(notice.content) > 10_000
        db.dispose()
    made, accepted = statistics.median(notices), statistics.median(acceptances)
    print("contract documents: 20 KPIs × 60 months, the whole term")
    print(f"  performance notice, median of 5: {made:5.2f} s   target ≤ 2 s")
    print(f"  acceptance report, median of 5:  {accepted:5.2f} s   target ≤ 2 s")
    record("performance_notice", "the contract performance notice of 20 KPIs × 60 months "
           "(load, rate, render, audit)", f"{made:.2f} s", "≤ 2 s")
    record("acceptance_report", "the acceptance report of 20 KPIs × 60 months",
           f"{accepted:.2f} s", "≤ 2 s")


if __name__ == "__main__":
    main()
