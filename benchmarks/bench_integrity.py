"""Benchmark: the integrity screening of one procurement of 200 bids (4 lots of 50, with the
same suppliers in every lot, so the cross-lot ratio screen compares 1,225 pairs).

Target (issue 16): ≤ 50 ms. Measured: reading the bids from the evaluation frozen with the
recommendation (services.integrity.bids_of) and every screen (procurement.integrity.screen),
the median of 30 runs; the database read around it is one row.

The lead's preview before recommending, the same target: reading the bids from the
evaluation as it stands, the result models the award page holds already
(services.integrity.bids_before, each lot's winner the bid ranked first), and every screen.
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
from procurement.scoring.options import ScoringOptions
from procurement.scoring.result import Evaluation, RankedBid
from procurement.services.integrity import bids_before, bids_of
from procurement.vocabulary import BidStatus, Method

BIDS, LOTS, RUNS, TARGET_MS = 200, 4, 30, 50.0
# What an evaluation holds besides its ranking, which the screening does not read.
_BARE: dict[str, Any] = {"rubric": "bench", "rubric_version": "1", "method": Method.WSM,
                         "options": ScoringOptions(), "weights": {}}


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


def current_evaluations(decision: Any) -> dict[str, Evaluation]:
    """The same bids as the evaluation models of the lots as they stand (ranked by cost,
    the disqualified last), the winner of each ranked first."""
    evaluations = {}
    for lot, frozen in decision.evaluation.items():
        ranked = sorted((b for b in frozen["ranking"] if b["status"] == "ranked"),
                        key=lambda b: b["cost"])
        ranking = [RankedBid.model_construct(
            bid_id=b["bid_id"], supplier=b["supplier"], sme=b["sme"],
            rank=rank if b["status"] == "ranked" else None, total=None,
            status=BidStatus(b["status"]), scores={}, raw_scores={}, cost=b["cost"],
            evaluated_cost=b["cost"], tco=None, flags=[], reasons=[])
            for rank, b in enumerate(ranked + [b for b in frozen["ranking"]
                                               if b["status"] != "ranked"], start=1)]
        evaluations[lot] = Evaluation.model_construct(**_BARE, ranking=ranking)
    return evaluations


def _median(run: Any) -> tuple[float, float, int]:
    timings, found = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        found = len(run())
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), min(timings), found


def _report(name: str, run: Any) -> str:
    median, best, found = _median(run)
    print(f"{name}, {BIDS} bids in {LOTS} lots: median {median:.2f} ms (best {best:.2f} ms), "
          f"{found} flags; target ≤ {TARGET_MS:.0f} ms")
    assert median <= TARGET_MS, f"{name}: {median:.1f} ms > {TARGET_MS} ms"
    return f"{median:.1f} ms"


def main() -> None:
    decision = frozen_decision()
    evaluations = current_evaluations(decision)
    screened = _report("integrity screening", lambda: screen(bids_of(decision)))
    previewed = _report("the lead's preview", lambda: screen(bids_before(evaluations)))
    record("integrity_screen", "Integrity screening of a procurement of 200 bids", screened,
           f"≤ {TARGET_MS:.0f} ms")
    record("integrity_preview", "The lead's integrity preview before recommending, 200 bids "
           "(from the evaluation as it stands)", previewed, f"≤ {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
