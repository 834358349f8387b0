"""Benchmark: the portfolio's Table 3 maturity over time from 1,000 design reviews recorded
over five years (200 designs, each reviewed five times), on SQLite.

Targets (ours; issue 16 names none for it): recording a review ≤ 50 ms, the maturity of the
whole portfolio (read every review, count per year and row) ≤ 200 ms, the medians of the runs.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.design import design_from_data
from procurement.design.fields import FIELDS
from procurement.services import clock, design_reviews, users
from procurement.store.db import Database

DESIGNS, REVIEWS_EACH, RUNS = 200, 5, 20
RECORD_TARGET_MS, MATURITY_TARGET_MS = 50.0, 200.0


def random_design(rng: random.Random, n: int) -> dict[str, object]:
    """A design stating a random choice for each choice field (others left out)."""
    data: dict[str, object] = {"title": f"Design {n}", "reference": f"HC-{n:04d}"}
    for spec in FIELDS:
        if spec.kind == "choice" and rng.random() < 0.9:
            data[spec.name] = rng.choice(list(spec.choices))
    return data


def main() -> None:
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{folder}/bench.sqlite")
        users.add_user(db, "lead", "Lead", "lead", password="bench-password-1")
        lead = users.get_actor(db, "lead")
        start_day = datetime(2022, 1, 3, 9, tzinfo=UTC)
        timings = []
        for n in range(DESIGNS * REVIEWS_EACH):
            design = design_from_data(random_design(rng, n % DESIGNS), "bench")
            with clock.at(start_day + timedelta(days=n * 1826 // (DESIGNS * REVIEWS_EACH))):
                began = time.perf_counter()
                design_reviews.record(db, lead, design)
                timings.append((time.perf_counter() - began) * 1000)
        recording = statistics.median(timings)
        runs = []
        for _ in range(RUNS):
            began = time.perf_counter()
            view = design_reviews.maturity(db)
            runs.append((time.perf_counter() - began) * 1000)
        db.dispose()
    maturity = statistics.median(runs)
    print(f"recording a design review: median {recording:.1f} ms (target ≤ "
          f"{RECORD_TARGET_MS:.0f} ms); the maturity of {DESIGNS * REVIEWS_EACH} reviews over "
          f"{len(view['periods'])} years: median {maturity:.1f} ms (target ≤ "
          f"{MATURITY_TARGET_MS:.0f} ms)")
    record("design_review_record", "Recording a design review in the portfolio",
           f"{recording:.1f} ms", f"≤ {RECORD_TARGET_MS:.0f} ms")
    record("maturity", "Table 3 maturity over time, 1,000 design reviews",
           f"{maturity:.1f} ms", f"≤ {MATURITY_TARGET_MS:.0f} ms")
    assert recording <= RECORD_TARGET_MS and maturity <= MATURITY_TARGET_MS


if __name__ == "__main__":
    main()
