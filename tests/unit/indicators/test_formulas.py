"""Each indicator's formula on a worked example (the definitions: procurement.indicators.
formulas's docstring)."""

from __future__ import annotations

import pytest

from procurement.indicators import formulas


def test_rate_is_the_part_of_the_whole_and_none_without_a_whole() -> None:
    # Single-bid rate (OCP red flag, EU Scoreboard): 1 of 4 competitive procedures.
    assert formulas.rate(1, 4) == 0.25
    assert formulas.rate(0, 0) is None


def test_mean_of_bidders() -> None:
    # Three procedures with 1, 3 and 5 bids: (1 + 3 + 5) / 3 = 3.
    assert formulas.mean(9, 3) == 3
    assert formulas.mean(0, 0) is None


def test_hhi_of_shares_in_per_cent_squared() -> None:
    # DoJ's example: shares 30 %, 30 %, 20 %, 20 % → 900 + 900 + 400 + 400 = 2,600.
    assert formulas.hhi([0.3, 0.3, 0.2, 0.2]) == pytest.approx(2600)
    assert formulas.hhi([1.0]) == pytest.approx(10_000)
    assert formulas.hhi([]) is None


def test_shares_and_top_supplier_share() -> None:
    # Suppliers awarded 60, 30 and 10: shares 0.6, 0.3, 0.1; top 0.6; HHI 3,600 + 900 + 100.
    market = formulas.shares([60, 30, 10, 0])
    assert market == pytest.approx([0.6, 0.3, 0.1])
    assert formulas.top_share(market) == pytest.approx(0.6)
    assert formulas.hhi(market) == pytest.approx(4600)
    assert formulas.shares([0, 0]) == [] and formulas.top_share([]) is None


def test_new_suppliers_by_year_counts_first_years() -> None:
    # Suppliers first awarded in 2023, 2024, 2024 → {2023: 1, 2024: 2}.
    assert formulas.new_suppliers_by_year([2024, 2023, 2024]) == {"2023": 1, "2024": 2}
