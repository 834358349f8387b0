"""The indicators of the hand-made releases (tests.unit.indicators.dataset), worked out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from procurement.indicators import report
from tests.unit.indicators import dataset


@pytest.fixture
def lines(tmp_path: Path) -> Path:
    path = tmp_path / "releases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    return path


def test_overall(lines: Path) -> None:
    found = report.compute(lines)["overall"]
    assert found["procedures"] == 4
    assert found["competitive_procedures"] == 3  # P1 and P2 open, P4 selective
    assert found["single_bid_rate"] == pytest.approx(1 / 3)  # P1 of P1, P2, P4
    assert found["average_bidders"] == pytest.approx((1 + 3 + 1 + 4) / 4)
    # a1, a2, a3 have a known scale, a1 and a3 to an SME; a4's supplier has none.
    assert found["sme_share_count"] == pytest.approx(2 / 3)
    assert found["sme_share_value"] == pytest.approx((100 + 600) / (100 + 300 + 600))
    # S1 700, S2 300, S3 200 of 1,200 (a1's latest value, a5 cancelled).
    shares = [700 / 1200, 300 / 1200, 200 / 1200]
    assert found["hhi"] == pytest.approx(sum((100 * s) ** 2 for s in shares))
    assert found["hhi"] == pytest.approx(4305.56, abs=0.01)
    assert found["top_supplier_share"] == pytest.approx(700 / 1200)
    assert found["price_only_share"] == pytest.approx(1 / 3)  # P1 of P1, P2, P3
    assert found["new_suppliers_by_year"] == {"2024": 2, "2025": 1}
    assert found["suppliers"] == 3


def _groups(lines: Path, by: Any) -> dict[str, dict[str, Any]]:
    return {g["key"]: g for g in report.compute(lines, by)["groups"]}


def test_by_buyer(lines: Path) -> None:
    groups = _groups(lines, "buyer")
    a, b = groups["A"], groups["B"]
    assert (a["procedures"], a["competitive_procedures"], b["competitive_procedures"]) == (2, 2, 1)
    assert (a["single_bid_rate"], b["single_bid_rate"]) == (0.5, 0.0)
    assert (a["average_bidders"], b["average_bidders"]) == (2.0, 2.5)
    assert (a["sme_share_count"], b["sme_share_count"]) == (0.5, 1.0)
    assert (a["sme_share_value"], b["sme_share_value"]) == (0.25, 1.0)
    assert a["hhi"] == pytest.approx(25 ** 2 + 75 ** 2) and b["hhi"] == pytest.approx(6250)
    assert a["top_supplier_share"] == pytest.approx(0.75)
    assert (a["price_only_share"], b["price_only_share"]) == (0.5, 0.0)


def test_by_cpv_and_year(lines: Path) -> None:
    cpv = _groups(lines, "cpv")
    assert {k: g["procedures"] for k, g in cpv.items()} == {"72": 2, "45": 1, "(none)": 1}
    years = _groups(lines, "year")
    assert {k: g["procedures"] for k, g in years.items()} == {"2024": 2, "2025": 2}
    assert years["2025"]["new_suppliers_by_year"] == {"2025": 2}  # S1 and S3 in that group
