"""One pure function per indicator's formula; each cites the definition it follows.

Definitions:

- Single-bid rate: the Open Contracting Partnership's red flag "Single bid received" (Cardinal
  R018, https://cardinal.readthedocs.io/en/latest/cli/indicators/R/018.html: one tenderer in a
  procedure whose ``procurementMethod`` is open or selective) as a rate, as the EU Single
  Market Scoreboard's "Single bidder" indicator has it (https://single-market-scoreboard.ec.
  europa.eu/business-framework-conditions/public-procurement_en): such procedures among the
  competitive procedures whose number of bids is known.
- Average number of bidders: the Scoreboard's "Number of bidders"; OCDS
  ``tender.numberOfTenderers`` (https://standard.open-contracting.org/1.1/en/schema/
  reference/#tender), else the bid extension's ``bids.statistics`` measure ``bids``.
- SME share: the Scoreboard's "SME contractors" and "Contracts awarded to SMEs"; OCDS
  partyScale extension ``parties[].details.scale`` == ``sme``
  (https://extensions.open-contracting.org/en/extensions/partyScale/master/).
- Supplier concentration: the Herfindahl-Hirschman index, the sum of the squared market
  shares in per cent, 0-10,000 (U.S. Department of Justice, https://www.justice.gov/atr/
  herfindahl-hirschman-index), here the suppliers' shares of the awarded value.
- Price-only share: the Scoreboard's "Award criteria" indicator (procedures awarded on the
  lowest price alone); OCDS ``tender.awardCriteria`` == ``priceOnly`` (awardCriteria codelist,
  https://standard.open-contracting.org/1.1/en/schema/codelists/#award-criteria), or every
  criterion of the award criteria breakdown extension of type ``price``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def rate(part: float, whole: float) -> float | None:
    """``part`` out of ``whole`` (0-1); ``None`` when there is nothing to count."""
    return part / whole if whole else None


def mean(total: float, count: int) -> float | None:
    """The average of ``count`` values adding up to ``total``; ``None`` without values."""
    return total / count if count else None


def shares(values: Iterable[float]) -> list[float]:
    """Each value's share of their total (0-1); no shares when the total is not positive."""
    kept = [v for v in values if v > 0]
    total = sum(kept)
    return [v / total for v in kept] if total > 0 else []


def hhi(market_shares: Sequence[float]) -> float | None:
    """Herfindahl-Hirschman index of ``market_shares`` (each 0-1): sum of (100 x share)^2,
    from near 0 (many small suppliers) to 10,000 (one supplier)."""
    if not market_shares:
        return None
    return sum((100 * s) ** 2 for s in market_shares)


def top_share(market_shares: Sequence[float]) -> float | None:
    """The largest supplier's share (0-1)."""
    return max(market_shares) if market_shares else None


def new_suppliers_by_year(first_years: Iterable[int]) -> dict[str, int]:
    """How many suppliers won their first award in each year, from each supplier's first
    year (keys are years as text, for JSON)."""
    counts: dict[str, int] = {}
    for year in sorted(first_years):
        counts[str(year)] = counts.get(str(year), 0) + 1
    return counts
