"""The Cardinal red flags on hand-made bids, each answer worked out in the test. Sources:
https://github.com/open-contracting/cardinal-rs/blob/main/docs/cli/indicators/R/0xx.md"""

import pytest
from pydantic import ValidationError

from procurement.integrity import IntegrityBid, IntegritySettings, cardinal, screen

S = IntegritySettings()


def bid(ref, cost, supplier=None, *, valid=True, winner=False, lot="all"):
    return IntegrityBid(ref, supplier or f"S-{ref}", cost, valid=valid, lot=lot, winner=winner)


def test_r018_single_bid_one_tenderer_even_with_two_bids():
    # R018: numberOfTenderers == 1. Two bids of the same supplier are still one tenderer.
    assert [f.code for f in cardinal.single_bid([bid("A", 100, "X", winner=True)], S)] == ["R018"]
    assert cardinal.single_bid([bid("A", 100, "X"), bid("B", 90, "X")], S)[0].bids == ("A", "B")
    assert cardinal.single_bid([bid("A", 100), bid("B", 90)], S) == []


def test_r024_second_lowest_within_five_percent_of_the_winner():
    # (104 − 100) / 100 = 0.04 ≤ 0.05: flagged; (106 − 100) / 100 = 0.06: not.
    found = cardinal.close_to_winner([bid("A", 100, winner=True), bid("B", 104), bid("C", 150)], S)
    assert [(f.code, f.subject, f.bids) for f in found] == [("R024", "A", ("A", "B"))]
    assert found[0].params["difference"] == "4.0 %"
    assert cardinal.close_to_winner([bid("A", 100, winner=True), bid("B", 106)], S) == []
    # Exactly at the threshold: 105 → 0.05 ≤ 0.05 flagged (Cardinal: "less than or equal").
    assert cardinal.close_to_winner([bid("A", 100, winner=True), bid("B", 105)], S)


def test_r024_and_r058_exclude_a_winner_that_is_not_the_lowest_bid():
    # Cardinal: "The winning bid is not the lowest bid" excludes the process.
    bids = [bid("A", 100, winner=True), bid("B", 99), bid("C", 101)]
    assert cardinal.close_to_winner(bids, S) == [] and cardinal.heavily_discounted(bids, S) == []


def test_r024_ignores_disqualified_bids_for_the_second_lowest():
    # The disqualified 101 does not count; the second-lowest valid is 200: 100 % above.
    bids = [bid("A", 100, winner=True), bid("B", 101, valid=False), bid("C", 200)]
    assert cardinal.close_to_winner(bids, S) == []
    assert [f.bids for f in cardinal.heavily_discounted(bids, S)] == [("A", "C")]


def test_r058_second_lowest_at_least_fifty_percent_above():
    # (150 − 100) / 100 = 0.50 ≥ 0.50 flagged; (149 − 100) / 100 = 0.49 not.
    assert cardinal.heavily_discounted([bid("A", 100, winner=True), bid("B", 150)], S)
    assert cardinal.heavily_discounted([bid("A", 100, winner=True), bid("B", 149)], S) == []


def test_r028_identical_prices_of_different_tenderers_only():
    found = cardinal.identical_prices([bid("A", 100), bid("B", 100), bid("C", 90)], S)
    assert [(f.code, f.bids) for f in found] == [("R028", ("A", "B"))]
    # The same tenderer's two bids at one price are allowed (Cardinal R028).
    assert cardinal.identical_prices([bid("A", 100, "X"), bid("B", 100, "X")], S) == []


def test_r036_lowest_disqualified_only_under_price_only():
    bids = [bid("A", 90, valid=False), bid("B", 100, winner=True), bid("C", 120)]
    found = cardinal.lowest_disqualified(bids, S, price_only=True)
    assert [(f.code, f.subject) for f in found] == [("R036", "A")]
    assert cardinal.lowest_disqualified(bids, S, price_only=False) == []
    # No valid bid left: Cardinal requires "one or more valid bids".
    assert cardinal.lowest_disqualified([bid("A", 90, valid=False)], S, price_only=True) == []


def test_settings_reject_unknown_fields_and_carry_the_cited_defaults():
    assert (S.close_price, S.discounted_price, S.cover_gap) == (0.05, 0.50, 0.50)
    with pytest.raises(ValidationError):
        IntegritySettings(close=0.1)  # type: ignore[call-arg]


def test_screen_runs_lot_by_lot_and_names_the_source():
    bids = [bid("A1", 100, "X", winner=True, lot="1"), bid("B1", 103, "Y", lot="1"),
            bid("A2", 100, "X", winner=True, lot="2")]
    found = screen(bids)
    assert [(f.lot, f.code) for f in found] == [("1", "R024"), ("2", "R018")]
    assert found[0].source.endswith("/R/024.md")
