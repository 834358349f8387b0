"""The page of each awarded procurement (``awards/REF.html``), and its line on the index:
the award release (:mod:`.awards`) as people read it. Few pages, so drawn with Jinja."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from markupsafe import Markup

from procurement.i18n import N_
from procurement.pipeline import site
from procurement.pipeline.releases import Release
from procurement.pipeline.site_labels import both_html

FOLDER = "awards"
_MEASURES = {
    "bids": N_("Bids received"), "validBids": N_("Valid bids"),
    "smeBids": N_("Bids from SMEs"), "bidders": N_("Bidders"),
    "disqualifiedBidders": N_("Bidders disqualified"),
    "lowestValidBidValue": N_("Lowest valid bid"),
    "highestValidBidValue": N_("Highest valid bid"),
}


def page_name(release: Release, ocid_prefix: str) -> str:
    """``awards/HC-2025-009.html``: the ocid's own part, made of safe characters."""
    return f"{FOLDER}/{release['ocid'][len(ocid_prefix) + 1:]}.html"


def award_page(release: Release, frame: site.Frame) -> str:
    tender = release.get("tender", {})
    lots = {lot["id"]: lot.get("title", lot["id"]) for lot in tender.get("lots", [])
            if len(tender.get("lots", [])) > 1}
    criteria: list[dict[str, Any]] = next(
        (lot["awardCriteria"]["criteria"] for lot in tender.get("lots", [])
         if "awardCriteria" in lot), [])
    return site.template("award.html").render(
        release=release, lots=lots, money=_money,
        tenderers=[p for p in release.get("parties", []) if "tenderer" in p.get("roles", [])],
        statistics=[{"label": Markup(both_html(_MEASURES[s["measure"]])),
                     "lot": lots.get(s.get("relatedLot", ""), ""),
                     "value": _money(s) if "currency" in s else s["value"]}
                    for s in release.get("bids", {}).get("statistics", [])
                    if s["measure"] in _MEASURES],
        bids=release.get("bids", {}).get("details", []),
        criteria=[{"name": c.get("name", c.get("type", "")),
                   "weight": f"{c['numbers'][0]['number']:g}"} for c in criteria],
        **frame.context("../", release.get("language", "en")))


def index_line(release: Release, ocid_prefix: str) -> dict[str, Any]:
    """What the index lists of an award: its title, page, suppliers and value."""
    awards = release.get("awards", [])
    return {"title": release.get("tender", {}).get("title", release["ocid"]),
            "language": release.get("language", "en"), "page": page_name(release, ocid_prefix),
            "suppliers": ", ".join(dict.fromkeys(s["name"] for a in awards
                                                 for s in a.get("suppliers", []))),
            "value": " + ".join(_money(a["value"]) for a in awards if a.get("value")) or "–",
            "date": min((a["date"][:10] for a in awards if a.get("date")), default="")}


def _money(value: dict[str, Any] | None) -> str:
    """An OCDS Value (or a monetary statistic) as the notice pages write an amount."""
    number = (value or {}).get("amount", (value or {}).get("value"))
    return site.money(None if number is None else Decimal(str(number)),
                      (value or {}).get("currency"))
