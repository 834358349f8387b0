"""The Cardinal red flags that apply to one procurement (one lot at a time): R018 single bid,
R024 price close to the winning bid, R028 identical bid prices, R036 lowest bid disqualified
under a price-only method, R058 heavily discounted bid. Sources: model.R0xx_SOURCE."""

from __future__ import annotations

from procurement.i18n import N_
from procurement.integrity.model import (
    R018_SOURCE,
    R024_SOURCE,
    R028_SOURCE,
    R036_SOURCE,
    R058_SOURCE,
    Finding,
    IntegrityBid,
    IntegritySettings,
)
from procurement.vocabulary import IntegrityCode

R018_RULE = N_("Only one tenderer submitted a bid in a competitive procedure (Cardinal R018).")
R024_RULE = N_("The second-lowest valid bid is within {threshold} of the winning bid: a "
               "colluding bidder can mimic competition with a close bid (Cardinal R024).")
R028_RULE = N_("Different tenderers submitted bids with the same price (Cardinal R028).")
R036_RULE = N_("The lowest submitted bid is disqualified while the award criterion is price "
               "only (Cardinal R036).")
R058_RULE = N_("The second-lowest valid bid is at least {threshold} above the winning bid: the "
               "winning bid is heavily discounted (Cardinal R058).")
GAP_DETAIL = N_("{winner} at {winner_cost}; {second} at {second_cost}: {difference} above.")
SAME_DETAIL = N_("Bids {bids} all cost {cost}.")
ONE_DETAIL = N_("The only tenderer: {supplier}.")
LOWEST_DETAIL = N_("{bid} ({cost}) is the lowest and disqualified.")


def _share(value: float) -> str:
    return f"{value * 100:.1f} %"


def _money(value: float) -> str:
    return f"{value:,.2f}"


def single_bid(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """R018: the lot's bids come from exactly one tenderer."""
    suppliers = {b.supplier for b in bids}
    if len(suppliers) != 1:
        return []
    first = bids[0]
    return [Finding(IntegrityCode.R018, R018_RULE, R018_SOURCE, first.lot, first.bid_ref,
                    tuple(b.bid_ref for b in bids), {"supplier": first.supplier}, ONE_DETAIL)]


def _winner_and_second(bids: list[IntegrityBid]
                       ) -> tuple[IntegrityBid, IntegrityBid, float] | None:
    """The winner and the second-lowest valid bid, when the winner is the lowest valid bid
    (Cardinal excludes the process otherwise), with the difference as a share of the winner's."""
    valid = sorted((b for b in bids if b.valid and b.cost is not None),
                   key=lambda b: b.cost or 0.0)
    winner = next((b for b in bids if b.winner), None)
    if winner is None or winner.cost is None or winner.cost <= 0 or len(valid) < 2:
        return None
    if valid[0].cost != winner.cost:
        return None  # the winning bid is not the lowest bid
    second = next(b for b in valid if b.bid_ref != winner.bid_ref)
    assert second.cost is not None
    return winner, second, (second.cost - winner.cost) / winner.cost


def _gap(code: IntegrityCode, rule: str, source: str, threshold: float, found: tuple[
        IntegrityBid, IntegrityBid, float]) -> Finding:
    winner, second, difference = found
    return Finding(code, rule, source, winner.lot, winner.bid_ref,
                   (winner.bid_ref, second.bid_ref),
                   {"threshold": _share(threshold), "winner": winner.bid_ref,
                    "winner_cost": _money(winner.cost or 0.0), "second": second.bid_ref,
                    "second_cost": _money(second.cost or 0.0), "difference": _share(difference)},
                   GAP_DETAIL)


def close_to_winner(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """R024: (second-lowest valid − winning) / winning ≤ the threshold."""
    found = _winner_and_second(bids)
    if found is None or found[2] > settings.close_price:
        return []
    return [_gap(IntegrityCode.R024, R024_RULE, R024_SOURCE, settings.close_price, found)]


def heavily_discounted(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """R058: (second-lowest valid − winning) / winning ≥ the threshold."""
    found = _winner_and_second(bids)
    if found is None or found[2] < settings.discounted_price:
        return []
    return [_gap(IntegrityCode.R058, R058_RULE, R058_SOURCE, settings.discounted_price, found)]


def identical_prices(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """R028: bids of different tenderers at the same price (a tenderer's own repeats do not
    count); one finding per price."""
    by_cost: dict[float, list[IntegrityBid]] = {}
    for bid in bids:
        if bid.cost is not None:
            by_cost.setdefault(round(bid.cost, 2), []).append(bid)
    found = []
    for cost, same in sorted(by_cost.items()):
        if len({b.supplier for b in same}) > 1:
            refs = tuple(sorted(b.bid_ref for b in same))
            found.append(Finding(IntegrityCode.R028, R028_RULE, R028_SOURCE, same[0].lot, refs[0], refs,
                                 {"bids": ", ".join(refs), "cost": _money(cost)}, SAME_DETAIL))
    return found


def lowest_disqualified(bids: list[IntegrityBid], settings: IntegritySettings, *,
                        price_only: bool) -> list[Finding]:
    """R036: under a price-only method, the lowest submitted bid is disqualified while valid
    bids remain."""
    priced = [b for b in bids if b.cost is not None]
    if not price_only or not any(b.valid for b in priced):
        return []
    lowest = min(b.cost or 0.0 for b in priced)
    return [Finding(IntegrityCode.R036, R036_RULE, R036_SOURCE, b.lot, b.bid_ref, (b.bid_ref,),
                    {"bid": b.bid_ref, "cost": _money(lowest)}, LOWEST_DETAIL)
            for b in priced if b.cost == lowest and not b.valid]
