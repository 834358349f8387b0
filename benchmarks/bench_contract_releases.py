"""Benchmark: a contract's OCDS contract and implementation releases (issue 15, "Outputs").

A contract of 20 KPIs measured for each of its 60 months (1,200 observations), with 60
payments, 2 amendments and its milestones: both releases made from it
(``contract_stages.new_releases``: the parts, their hashes, the releases), checked against
the extended schema (``PackageChecker``) and serialised (``files.compact``), as a publication
does. Target: ≤ 50 ms, so that a city of 200 such contracts publishes them in ≤ 10 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.contract_stages import new_releases
from procurement.pipeline.contracts import (
    AgreedKpi,
    Amendment,
    ContractNotice,
    DatedMilestone,
    Observed,
    Payment,
)
from procurement.pipeline.files import compact
from procurement.pipeline.releases import release_date

START = date(2025, 11, 1)
RATINGS = ("good", "approaching_target", "requires_improvement", "inadequate")


def contract(kpis: int = 20, months: int = 60) -> ContractNotice:
    rng = random.Random(37106)
    periods = [START + relativedelta(months=m) for m in range(months)]
    end = START + relativedelta(months=months) - relativedelta(days=1)
    return ContractNotice(
        reference="HC-2025-009", lot="", award_id="HC-2025-009", title="Adaptive signals",
        buyer="Harbourside City Transport Bureau", buyer_id="CN-USCI-11440300MB2C123452",
        supplier="Greenwave Mobility Ltd", supplier_id="CN-USCI-91440300MA5G0001TB",
        value=12_450_000.0, start=START, end=end, currency="CNY",
        kpis=tuple(AgreedKpi(n, f"Measure {n} (%)", 90.0, True, "%", "monthly report")
                   for n in range(1, kpis + 1)),
        observations=tuple(Observed(n, p, round(rng.uniform(80, 100), 1), rng.choice(RATINGS),
                                    rng.choice((0.0, 0.5, 1.0)))
                           for p in periods for n in range(1, kpis + 1)),
        amendments=(Amendment(1, date(2026, 6, 1), "Four junctions", 498_000.0),
                    Amendment(2, date(2027, 6, 1), "Two more", 120_000.0,
                              ("the change is 4.8 % of the original value",))),
        milestones=(DatedMilestone("start", START), DatedMilestone("end", end)),
        payments=tuple(Payment(m + 1, p + relativedelta(days=4), 207_500.0)
                       for m, p in enumerate(periods)))


def build(notice: ContractNotice) -> int:
    """Both releases, checked and serialised; the bytes written."""
    latest = ""

    def date_for(_reference: str) -> str:
        nonlocal latest
        latest = release_date("2026-12-02T09:00:00Z", latest)
        return latest

    checker, size = PackageChecker(), 0
    for new in new_releases(notice, "ocds-hc2027", date(2026, 12, 2), {}, {}, date_for):
        checker.release(new.release, new.key)
        size += len(compact(new.release))
    assert not checker.problems, checker.problems
    return size


def main() -> None:
    notice = contract()
    build(notice)  # the validators compiled once, as in a publication
    times = []
    for _ in range(15):
        start = time.perf_counter()
        size = build(notice)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print("contract releases: 20 KPIs × 60 months, 60 payments")
    print(f"  contract + implementation release, checked and serialised, median of 15: "
          f"{median * 1000:5.1f} ms ({size / 1000:.0f} kB)   target ≤ 50 ms")
    record("contract_releases",
           "a contract's OCDS releases, 20 KPIs × 60 months + 60 payments: built, checked, "
           "serialised", f"{median * 1000:.1f} ms", "≤ 50 ms")


if __name__ == "__main__":
    main()
