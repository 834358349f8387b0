"""Benchmark: the workflow on the embedded SQLite database.

Targets (issue 3): submitting one score ≤ 20 ms median; loading a procurement with 200 bids ×
12 criteria × 5 evaluators (12,000 scores) and computing its result ≤ 300 ms.
The result is the full one the pages show: panel consensus, ranking, flags and the
10,000-sample sensitivity analysis.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.rubric import Rubric
from procurement.services import (
    bids,
    lifecycle,
    panel,
    procurements,
    results,
    scoring,
    users,
)
from procurement.store.db import Database

BIDS, CRITERIA, EVALUATORS = 200, 12, 5
PASSWORD = "benchmark-password"


def rubric() -> Rubric:
    level = {"label": {"en": "l", "zh": "l"}, "descriptor": {"en": "d", "zh": "d"}}
    criteria = [{"id": f"c{j:02d}", "name": {"en": f"C{j}", "zh": f"C{j}"}, "group": "q",
                 "kind": "scale", "weight": 5, "evidence": [{"en": "e", "zh": "e"}],
                 "sources": [{"document": "bench", "ref": "-"}],
                 "scale": {"min": 0, "max": 4, "levels": [{"value": v, **level}
                                                          for v in range(5)]}}
                for j in range(CRITERIA - 1)]
    criteria.append({"id": "cost", "name": {"en": "Price", "zh": "价格"}, "group": "q",
                     "kind": "cost", "basis": "price", "weight": 45,
                     "sources": [{"document": "bench", "ref": "-"}]})
    return Rubric.model_validate({
        "format_version": 1, "id": "bench-12", "version": "1", "title": {"en": "b", "zh": "b"},
        "description": {"en": "b", "zh": "b"},
        "groups": [{"id": "q", "name": {"en": "q", "zh": "q"}}], "criteria": criteria})


def build(db: Database, folder: Path, *, agreeing: bool = False) -> tuple[int, int]:
    """Two procurements of BIDS bids: one moderated with the panel's 12,000 scores in, one
    open for scoring. With ``agreeing`` every evaluator gives a cell the same score (so
    nothing needs moderating before an award can be recommended)."""
    rng = np.random.default_rng(37106)
    users.add_user(db, "lead", "Lead", "lead", password=PASSWORD)
    evaluators = [f"ev{i}" for i in range(EVALUATORS)]
    for name in evaluators:
        users.add_user(db, name, name, "evaluator", password=PASSWORD)
    lead = users.get_actor(db, "lead")
    actors = {name: users.get_actor(db, name) for name in evaluators}
    frozen = rubric()
    scale = [c.id for c in frozen.scale_criteria]
    ids = []
    for reference in ("BIG", "SCORING"):
        pid = procurements.create_procurement(db, lead, reference=reference, title=reference,
                                              buyer_name="City", rubric=frozen).id
        for name in evaluators:
            panel.assign_evaluator(db, lead, pid, name)
        lifecycle.open_for_bids(db, lead, pid)
        records = [{"bid_id": f"B{i:03d}", "supplier": f"Supplier {i}", "sme": "no",
                    "price": f"{rng.normal(1e6, 8e4):.2f}"} for i in range(BIDS)]
        bids.add_bids(db, lead, pid, records)
        lifecycle.start_quality_evaluation(db, lead, pid)
        for name in evaluators:
            panel.declare_interests(db, actors[name], pid, conflict=False)
        ids.append(pid)
    big = ids[0]
    table = folder / "scores.csv"
    lines = ["bid_id,evaluator,criterion,score,rationale"]
    agreed = rng.integers(0, 5, size=(BIDS, len(scale)))
    lines += [f"B{i:03d},{name},{criterion},"
              f"{agreed[i, j] if agreeing else rng.integers(0, 5)},evidence in section {i}"
              for i in range(BIDS) for name in evaluators for j, criterion in enumerate(scale)]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scoring.import_scores(db, lead, big, table)
    for name in evaluators:
        scoring.submit_scoresheet(db, actors[name], big)
    lifecycle.close_quality_evaluation(db, lead, big)
    lifecycle.start_moderation(db, lead, big)
    return big, ids[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{Path(folder) / 'bench.sqlite'}")
        start = time.perf_counter()
        big, open_one = build(db, Path(folder))
        setup = time.perf_counter() - start
        lead = users.get_actor(db, "lead")
        evaluator = users.get_actor(db, "ev0")

        results.evaluate_procurement(db, lead, big)  # warm-up: imports, caches
        load = []
        for _ in range(7):
            start = time.perf_counter()
            result = results.evaluate_procurement(db, lead, big)
            load.append(time.perf_counter() - start)
        assert result.evaluation.sensitivity is not None

        writes = []
        versions: dict[tuple[str, str], int] = {}
        for k in range(200):
            cell = (f"B{k % 50:03d}", f"c{k % 11:02d}")
            start = time.perf_counter()
            saved = scoring.submit_score(db, evaluator, open_one, cell[0], cell[1], float(k % 5),
                                         f"write {k}", expected_version=versions.get(cell))
            writes.append(time.perf_counter() - start)
            versions[cell] = saved.version
        db.dispose()

    print(f"workflow on SQLite ({BIDS} bids × {CRITERIA} criteria × {EVALUATORS} evaluators; "
          f"setup {setup:.1f} s)")
    print(f"  submit one score, median of 200:        {statistics.median(writes) * 1000:6.1f} ms"
          f"   (p95 {np.percentile(writes, 95) * 1000:.1f} ms)   target ≤ 20 ms")
    print(f"  load 12,000 scores and compute result:  {statistics.median(load) * 1000:6.1f} ms"
          "   (median of 7, with 10,000-sample sensitivity)   target ≤ 300 ms")
    record("score_write", "submit one score (SQLite)",
           f"{statistics.median(writes) * 1000:.1f} ms", "≤ 20 ms")
    record("result_load", "load 200 bids × 12 criteria × 5 evaluators and compute the result "
           "(with sensitivity)", f"{statistics.median(load) * 1000:.0f} ms", "≤ 300 ms")


if __name__ == "__main__":
    main()
