"""What each indicator is called where people read it (the table, the page's charts), and
how its value is shown."""

from __future__ import annotations

from procurement.i18n import N_

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
