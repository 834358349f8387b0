"""Bid-rigging screens competition authorities use on one procurement's prices: prices in
arithmetic or geometric progression, a constant ratio between two bidders across lots, cover
bids far above the rest, and the same unusual figures in different bids."""

from __future__ import annotations

from itertools import combinations, pairwise

from procurement.i18n import N_
from procurement.integrity.model import (
    IACRC_PATTERNS,
    IACRC_TESTS,
    OECD,
    TOOLKIT,
    Finding,
    IntegrityBid,
    IntegritySettings,
)
from procurement.vocabulary import IntegrityCode

PROGRESSION_RULE = N_("The bids' prices step up by the same amount or the same ratio: bids "
                      "set from one another, not independently (OECD checklist, suspicious "
                      "pricing patterns; \"the same increment exists between the bids\").")
RATIO_RULE = N_("Two bidders' prices stand in the same ratio in every lot they both bid in "
                "(\"final bids from different bidders that are an exact % apart\").")
COVER_RULE = N_("A bid lies far above the rest: a cover bid, not meant to win (OECD "
                "checklist; IACRC: at least {gap} higher than competitors' prices).")
FIGURES_RULE = N_("Bids of different tenderers end in the same unusual figures: the same "
                  "irregularities in different bids suggest one hand (OECD checklist).")
ARITHMETIC_DETAIL = N_("Prices {prices} step up by {step} each time.")
GEOMETRIC_DETAIL = N_("Prices {prices} each rise by the factor {ratio}.")
RATIO_DETAIL = N_("{first} costs {ratio} × {second} in lots {lots}.")
COVER_DETAIL = N_("{bid} ({cost}) is {gap} above the next lower bid ({below}).")
FIGURES_DETAIL = N_("Bids {bids} all end in …{digits}.")


def _money(value: float) -> str:
    return f"{value:,.2f}"


def _even(values: list[float], tolerance: float) -> bool:
    mean = sum(values) / len(values)
    return mean > 0 and all(abs(v / mean - 1) <= tolerance for v in values)


def progression(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """Sorted distinct prices whose steps are equal (arithmetic) or whose ratios are equal
    (geometric), within the tolerance, over at least ``min_bids_progression`` bids."""
    priced = sorted({round(b.cost, 2) for b in bids if b.cost is not None and b.cost > 0})
    if len(priced) < settings.min_bids_progression:
        return []
    steps = [b - a for a, b in pairwise(priced)]
    ratios = [b / a for a, b in pairwise(priced)]
    shown = ", ".join(_money(p) for p in priced)
    if _even(steps, settings.progression_tolerance):
        detail, params = ARITHMETIC_DETAIL, {"step": _money(sum(steps) / len(steps))}
    elif _even([r - 1 for r in ratios], settings.progression_tolerance):
        detail, params = GEOMETRIC_DETAIL, {"ratio": f"{sum(ratios) / len(ratios):.4f}"}
    else:
        return []
    lot = bids[0].lot
    return [Finding(IntegrityCode.BR_PROGRESSION, PROGRESSION_RULE, f"{OECD} ; {TOOLKIT}", lot, f"lot:{lot}",
                    tuple(sorted(b.bid_ref for b in bids if b.cost is not None)),
                    {"prices": shown, **params}, detail)]


def constant_ratio(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """Across lots: two suppliers who both bid in at least two lots, the ratio of their prices
    the same in each (within the tolerance) and not 1 (identical prices are R028's)."""
    by_supplier: dict[str, dict[str, IntegrityBid]] = {}
    for bid in bids:
        if bid.cost is not None and bid.cost > 0:
            by_supplier.setdefault(bid.supplier, {}).setdefault(bid.lot, bid)
    found = []
    for first, second in combinations(sorted(by_supplier), 2):
        lots = sorted(set(by_supplier[first]) & set(by_supplier[second]))
        if len(lots) < 2:
            continue
        pairs = [(by_supplier[first][lot], by_supplier[second][lot]) for lot in lots]
        ratios = [(a.cost or 0.0) / (b.cost or 1.0) for a, b in pairs]
        mean = sum(ratios) / len(ratios)
        if abs(mean - 1) <= settings.ratio_tolerance or not _even(ratios,
                                                                 settings.ratio_tolerance):
            continue
        refs = tuple(ref for a, b in pairs for ref in (a.bid_ref, b.bid_ref))
        found.append(Finding(IntegrityCode.BR_RATIO, RATIO_RULE, IACRC_TESTS, lots[0], pairs[0][0].bid_ref,
                             refs, {"first": first, "second": second, "ratio": f"{mean:.4f}",
                                    "lots": ", ".join(lots)}, RATIO_DETAIL))
    return found


def cover_bids(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """The bids above the first gap of at least ``cover_gap`` in the sorted prices, when at
    least two bids lie below it (a gap just above the winner is R058's)."""
    priced = sorted((b for b in bids if b.cost is not None and b.cost > 0),
                    key=lambda b: b.cost or 0.0)
    for i in range(2, len(priced)):
        below, above = priced[i - 1].cost or 0.0, priced[i].cost or 0.0
        if above >= (1 + settings.cover_gap) * below:
            return [Finding(IntegrityCode.BR_COVER, COVER_RULE, f"{OECD} ; {IACRC_TESTS}", b.lot, b.bid_ref,
                            (b.bid_ref,), {"gap": f"{settings.cover_gap * 100:.0f} %",
                                           "bid": b.bid_ref, "cost": _money(b.cost or 0.0),
                                           "below": _money(below)}, COVER_DETAIL)
                    for b in priced[i:] if not b.winner]
    return []


def unusual_figures(bids: list[IntegrityBid], settings: IntegritySettings) -> list[Finding]:
    """Different prices of different tenderers sharing their last ``figure_digits`` digits
    (whole units), when those digits are not round (the last is not 0)."""
    k = settings.figure_digits
    by_tail: dict[str, list[IntegrityBid]] = {}
    for bid in bids:
        if bid.cost is None or bid.cost < 10 ** k:
            continue
        tail = str(round(bid.cost))[-k:]
        if tail[-1] != "0":
            by_tail.setdefault(tail, []).append(bid)
    found = []
    for tail, same in sorted(by_tail.items()):
        if len({b.supplier for b in same}) > 1 and len({round(b.cost or 0) for b in same}) > 1:
            refs = tuple(sorted(b.bid_ref for b in same))
            found.append(Finding(IntegrityCode.BR_FIGURES, FIGURES_RULE, f"{OECD} ; {IACRC_PATTERNS}",
                                 same[0].lot, refs[0], refs,
                                 {"bids": ", ".join(refs), "digits": tail}, FIGURES_DETAIL))
    return found
