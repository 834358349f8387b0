"""The exit cost against the bid's (ISO 37106 6.6.3 b; the contract's price schedule caps the
exit and transition charges at it)."""

from procurement.contracts.exit import exit_cost_excess


def test_an_estimate_above_the_bids_exit_cost_is_the_excess():
    assert exit_cost_excess(180_000, 240_000) == 60_000


def test_at_or_below_the_bid_or_unknown_is_no_excess():
    assert exit_cost_excess(180_000, 180_000) is None
    assert exit_cost_excess(180_000, 90_000) is None
    assert exit_cost_excess(None, 240_000) is None and exit_cost_excess(180_000, None) is None
