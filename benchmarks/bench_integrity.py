"""Benchmark: the integrity screening of one procurement of 200 bids (4 lots of 50, with the
same suppliers in every lot, so the cross-lot ratio screen compares 1,225 pairs).

Target (issue 16): ≤ 50 ms. Measured: reading the bids from the evaluation frozen with the
recommendation (services.integrity.bids_of) and every screen (procurement.integrity.screen),
the median of 30 runs; the database read around it is one row.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.integrity import screen
from procurement.services.integrity import bids_of

BIDS, LOTS, RUNS, TARGET_MS = 200, 4, 30, 50.0


def frozen_decision(seed: int = 16) -> Any:
    """A recommendation's frozen evaluation: per lot, 50 ranked bids with their costs."""
    rng = random.Random(seed)
    evaluation = {}
    for lot in range(LOTS):
        ranking = [{"bid_id": f"L{lot}-{i:03d}", "supplier": f"Supplier {i}",
                    "sme": i % 3 == 0, "cost": round(rng.uniform(900_000, 1_400_000), 2),
                    "status": "ranked" if i % 10 else "disqualified"}
                   for i in range(BIDS // LOTS)]
        evaluation[str(lot)] = {"ranking": ranking}
    winners = {lot: e["ranking"][1]["bid_id"] for lot, e in evaluation.items()}
    return SimpleNamespace(evaluation=evaluation, winners=winners)


def main() -> None:
    decision = frozen_decision()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        found = screen(bids_of(decision))
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    print(f"integrity screening, {BIDS} bids in {LOTS} lots: median {median:.2f} ms "
          f"(best {min(timings):.2f} ms), {len(found)} flags; target ≤ {TARGET_MS:.0f} ms")
    record("integrity_screen", "Integrity screening of a procurement of 200 bids",
           f"{median:.1f} ms", f"≤ {TARGET_MS:.0f} ms")
    assert median <= TARGET_MS, f"{median:.1f} ms > {TARGET_MS} ms"


if __name__ == "__main__":
    main()
