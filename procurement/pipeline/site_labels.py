"""The words of the published pages: every label and coded word in English and Chinese side
by side ("Buyer · 采购人"), because one page serves both readerships; in a page's body the
Chinese half is marked as Chinese (``lang``), for screen readers and axe-core."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup, escape

from procurement.i18n import N_, tr

_LABELS = {
    "skip": N_("Skip to content"),
    "site_navigation": N_("Site"),
    "pipeline": N_("Procurement pipeline"),
    "policy": N_("Procurement policy"),
    "indicators": N_("Procurement indicators"),
    "ocds_data": N_("Open data (OCDS)"),
    "csv": N_("Spreadsheet (CSV)"),
    "feed": N_("Updates (Atom feed)"),
    "updated": N_("Last updated"),
    "license": N_("Licence"),
    "about": N_("Published as open data in the Open Contracting Data Standard 1.1.5 so that "
                "suppliers, SMEs above all, can prepare (ISO 37106 6.6.3 c)."),
    "intro": N_("Procurements the city plans to carry out. Dates and values are estimates "
                "and may change; each change is published as a new release."),
    "count": N_("Planned procurements"),
    "caption": N_("Planned procurements, with estimated value and expected tender date"),
    "title": N_("Title"),
    "buyer": N_("Buyer"),
    "value": N_("Estimated value"),
    "method": N_("Procedure"),
    "category": N_("Category"),
    "cpv": N_("CPV code"),
    "tender_date": N_("Expected tender"),
    "award_date": N_("Expected award"),
    "contract": N_("Contract period"),
    "sme": N_("Suitable for SMEs"),
    "status": N_("Status"),
    "description": N_("What the city needs"),
    "details": N_("Details"),
    "contact": N_("Contact"),
    "engagement": N_("Market engagement"),
    "awards": N_("Awards"),
    "awarded": N_("awarded"),
    "lot": N_("Lot"),
    "supplier": N_("Supplier"),
    "contract_value": N_("Contract value"),
    "awarded_on": N_("Awarded on"),
    "tenderers": N_("Tenderers"),
    "tenderer_count": N_("Number of tenderers"),
    "sme_short": N_("SME"),
    "bid_statistics": N_("Bids"),
    "bid_details": N_("Each bid"),
    "bid": N_("Bid"),
    "bid_value": N_("Bid value"),
    "bid_valid": N_("valid"),
    "bid_disqualified": N_("disqualified"),
    "award_criteria": N_("Award criteria and weights"),
    "open_data": N_("Open data"),
    "ocid": N_("Open Contracting ID"),
    "withdrawn_note": N_("This procurement has been withdrawn from the pipeline."),
    "policy_version": N_("Version of"),
    "history": N_("Change history"),
    "what_changed": N_("What changed"),
    "first_version": N_("first published version"),
}
_WORDS = {
    "open": N_("open procedure"), "selective": N_("selective procedure"),
    "limited": N_("limited procedure"), "direct": N_("direct award"), "goods": N_("goods"),
    "works": N_("works"),
    "services": N_("services"), "planning": N_("being considered"),
    "planned": N_("planned"), "withdrawn": N_("withdrawn"), "yes": N_("yes"), "no": N_("no"),
}


def both(msgid: str) -> str:
    english, chinese = tr(msgid, "en"), tr(msgid, "zh")
    return english if english == chinese else f"{english} · {chinese}"


def both_html(msgid: str) -> Markup:
    """A label in both languages for the body of a page, the Chinese half marked as Chinese
    (``lang``: a screen reader reads it in Chinese; axe-core checks it)."""
    english, chinese = tr(msgid, "en"), tr(msgid, "zh")
    if english == chinese:
        return escape(english)
    return Markup(f'{escape(english)} · <span lang="zh-CN">{escape(chinese)}</span>')


@cache
def labels() -> dict[str, Markup]:
    """The labels of the pages' bodies. Escaped once here rather than on every one of
    100,000 pages."""
    return {key: both_html(msgid) for key, msgid in _LABELS.items()}


@cache
def text_labels() -> dict[str, Markup]:
    """The labels as plain text, for what takes no markup: ``<title>``, attributes."""
    return {key: escape(both(msgid)) for key, msgid in _LABELS.items()}


@cache
def word(code: str | None) -> str:
    return both(_WORDS[code]) if code else "–"


@cache
def html_word(code: str | None) -> Markup:
    # Escaped once: a page repeats a handful of words 100,000 times.
    return both_html(_WORDS[code]) if code else escape("–")


def wording() -> list[str]:
    """Every label and word the pages show, as they are translated now."""
    return [*labels().values(), *(word(code) for code in _WORDS)]
