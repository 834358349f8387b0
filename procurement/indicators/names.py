"""What each indicator is called where people read it (the table, the page's charts, the
published site), how its value is shown, and what it means in one line with the source of
its definition (the full definitions: docs/indicators.md, :mod:`.formulas`)."""

from __future__ import annotations

from procurement import formats
from procurement.i18n import N_, Lang

# (key, label, kind): kind "rate" shows as a percentage, "count" as a whole number.
INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("procedures", N_("Procedures"), "count"),
    ("competitive_procedures", N_("Competitive procedures"), "count"),
    ("single_bid_rate", N_("Single-bid rate"), "rate"),
    ("average_bidders", N_("Average bidders"), "number"),
    ("sme_share_count", N_("SME share (count)"), "rate"),
    ("sme_share_value", N_("SME share (value)"), "rate"),
    ("hhi", N_("HHI"), "whole"),
    ("top_supplier_share", N_("Top supplier share"), "rate"),
    ("price_only_share", N_("Price-only share"), "rate"),
)

GROUPS = {"buyer": N_("Buyer"), "cpv": N_("CPV division"), "year": N_("Year")}
NONE_KEY = "(none)"  # the key of a group the data does not name (no buyer, no CPV code)

_SCOREBOARD = ("EU Single Market Scoreboard", "https://single-market-scoreboard.ec.europa.eu/"
               "business-framework-conditions/public-procurement_en")
_OCDS_METHOD = ("OCDS procurementMethod", "https://standard.open-contracting.org/1.1/en/"
                "schema/codelists/#method")
# key → (what it is, in one line; the source of the definition: its name and address).
DEFINITIONS: dict[str, tuple[str, tuple[str, str]]] = {
    "procedures": (N_("Awarded procurements counted, each one procedure (one ocid)."),
                   ("OCDS ocid", "https://standard.open-contracting.org/1.1/en/schema/identifiers/")),
    "competitive_procedures": (N_("Procedures whose method is open or selective."),
                               _OCDS_METHOD),
    "single_bid_rate": (N_("Competitive procedures with exactly one bid, out of those whose "
                           "number of bids is known."), _SCOREBOARD),
    "average_bidders": (N_("Bids per procedure, on average, where the number is known."),
                        _SCOREBOARD),
    "sme_share_count": (N_("Awards won by SMEs, out of the awards whose supplier's size is "
                           "known."), _SCOREBOARD),
    "sme_share_value": (N_("The same share, by the awarded value."), _SCOREBOARD),
    "hhi": (N_("Herfindahl-Hirschman index of the suppliers' shares of the awarded value, "
               "from near 0 (many small suppliers) to 10,000 (one supplier)."),
            ("U.S. Department of Justice", "https://www.justice.gov/atr/"
                                           "herfindahl-hirschman-index")),
    "top_supplier_share": (N_("The largest supplier's share of the awarded value."),
                           ("OCDS awards", "https://standard.open-contracting.org/1.1/en/schema/"
                                           "reference/#award")),
    "price_only_share": (N_("Procedures awarded on price alone, out of those whose award "
                            "criteria are known."), _SCOREBOARD),
}


def shown(value: object, kind: str, lang: Lang) -> str:
    """An indicator's value for people: a rate as a percentage, "–" when there is none."""
    if value is None:
        return formats.NONE
    number = float(value)  # type: ignore[arg-type]
    if kind == "rate":
        return formats.number(100 * number, lang, 1) + " %"
    return formats.number(number, lang, 2 if kind == "number" else 0)
