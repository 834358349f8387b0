"""Every screen over one procurement's bids, lot by lot, then across lots."""

from __future__ import annotations

from collections.abc import Callable

from procurement.integrity import cardinal, rigging
from procurement.integrity.model import Finding, IntegrityBid, IntegritySettings
from procurement.vocabulary import IntegrityCode

Screen = Callable[[list[IntegrityBid], IntegritySettings], list[Finding]]
PER_LOT: tuple[Screen, ...] = (cardinal.single_bid, cardinal.close_to_winner,
                               cardinal.identical_prices, cardinal.heavily_discounted,
                               rigging.progression, rigging.cover_bids, rigging.unusual_figures)
CODES = tuple(IntegrityCode)


def screen(bids: list[IntegrityBid], settings: IntegritySettings | None = None, *,
           price_only: bool = False) -> list[Finding]:
    """The red flags on these bids, in lot order and then code order."""
    settings = settings or IntegritySettings()
    lots: dict[str, list[IntegrityBid]] = {}
    for bid in bids:
        lots.setdefault(bid.lot, []).append(bid)
    found: list[Finding] = []
    for lot in sorted(lots):
        for check in PER_LOT:
            found.extend(check(lots[lot], settings))
        found.extend(cardinal.lowest_disqualified(lots[lot], settings, price_only=price_only))
    found.extend(rigging.constant_ratio(bids, settings))
    return sorted(found, key=lambda f: (f.lot, CODES.index(f.code), f.subject))
