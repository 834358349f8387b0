"""The evaluation's JSON written from the columns is the model's JSON, byte for byte (issue 12:
`procure score --json` serialised from the arrays)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from procurement.api import score_file_card
from procurement.forkjoin import in_two_halves
from procurement.result_json import evaluation_json, evaluation_json_parts, ranking_items

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize(("bids", "options"), [
    # TCO costs, a panel, flags and an abnormally low bid
    (EXAMPLES / "smart-parking" / "bids.csv",
     {"panel_path": str(EXAMPLES / "smart-parking" / "panel.csv")}),
    (EXAMPLES / "traffic-signals" / "bids.csv",
     {"panel_path": str(EXAMPLES / "traffic-signals" / "panel.csv"), "method": "topsis"}),
    # disqualified bids (a failed gate, a score below the threshold), a price basis, SMEs
    (FIXTURES / "mini-bids.csv", {"rubric": str(FIXTURES / "mini-rubric.yaml"),
                                  "sme_deduction": 0.1}),
    (FIXTURES / "mini-bids.csv", {"rubric": str(FIXTURES / "mini-rubric.yaml"),
                                  "method": "vikor", "sensitivity_samples": 500, "seed": 1}),
])
def test_the_json_is_the_models_json(bids, options):
    card = score_file_card(str(bids), **{"sensitivity_samples": 0, **options})
    assert evaluation_json(card) == card.evaluation().model_dump_json(indent=2).encode()


def test_hostile_names_are_escaped_as_json(tmp_path):
    bids = tmp_path / "bids.csv"
    rows = (FIXTURES / "mini-bids.csv").read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("Alpha Ltd", '"Al ""pha"", \\ "",""</script>\t"')
    rows[2] = rows[2].replace("B,", '"B "","" \\",', 1)
    bids.write_text("\n".join(rows) + "\n", encoding="utf-8")
    card = score_file_card(str(bids), rubric=str(FIXTURES / "mini-rubric.yaml"),
                           sensitivity_samples=0)
    assert evaluation_json(card) == card.evaluation().model_dump_json(indent=2).encode()


def test_parts_made_in_two_processes_join_into_the_same_text(tmp_path):
    rng = np.random.default_rng(5)
    bids = tmp_path / "bids.csv"
    lines = ["bid_id,supplier,sme,quality,openness,eligible,price,notes"]
    lines += [f"B{i},Supplier {i},{'yes' if i % 2 else 'no'},{rng.integers(0, 5)},"
              f"{rng.integers(0, 11)},{'no' if i % 17 == 0 else 'yes'},"
              f"{rng.normal(1e5, 1e4):.2f},n" for i in range(301)]
    bids.write_text("\n".join(lines) + "\n", encoding="utf-8")
    card = score_file_card(str(bids), rubric=str(FIXTURES / "mini-rubric.yaml"),
                           sensitivity_samples=0)
    parts = in_two_halves(lambda start, stop: ranking_items(card, start, stop), len(card.bids),
                          minimum=10)
    assert len(parts) == (2 if (os.cpu_count() or 1) >= 2 else 1)
    assert b"".join(evaluation_json_parts(card, parts)) == evaluation_json(card)
    assert evaluation_json(card) == card.evaluation().model_dump_json(indent=2).encode()


def test_a_child_that_fails_leaves_the_work_to_the_parent():
    parent = os.getpid()

    def make(start: int, stop: int) -> bytes:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return f"{start}-{stop}".encode()

    assert in_two_halves(make, 100, minimum=10) in ([b"0-50", b"50-100"], [b"0-100"])
