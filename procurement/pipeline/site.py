"""The static web pages of the pipeline: index, one page per notice, the policy and the
采购意向 table, from the Jinja templates in ``templates/site``.

Every value is escaped by Jinja's autoescape, so a title such as ``<script>`` is shown as
text. Labels are in English and Chinese side by side ("Buyer · 采购人"), because one page
serves both readerships; the content keeps its own language in ``lang`` attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from procurement.i18n import N_, tr
from procurement.paths import shipped_dir
from procurement.pipeline import cpv
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.snippets import fill, fill_text, prefill

ROWS = "\x00rows\x00"  # where streamed rows go into a page rendered around them
TITLE, MAIN = "\x00title\x00", "\x00main\x00"

_LABELS = {
    "skip": N_("Skip to content"),
    "site_navigation": N_("Site"),
    "pipeline": N_("Procurement pipeline"),
    "policy": N_("Procurement policy"),
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
def _html_word(code: str | None) -> Markup:
    # Escaped once: a page repeats a handful of words 100,000 times.
    return both_html(_WORDS[code]) if code else escape("–")


def wording() -> list[str]:
    """Every label and word the pages show, as they are translated now."""
    return [*labels().values(), *(word(code) for code in _WORDS)]


def template_dir() -> Path:
    return shipped_dir("templates") / "site"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(template_dir()),
                       autoescape=True, undefined=StrictUndefined, trim_blocks=False,
                       keep_trailing_newline=True)


def template(name: str) -> Template:
    return _environment().get_template(name)


def money(value: Decimal | None, currency: str | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.2f} {currency}" if value % 1 else f"{value:,.0f} {currency}"


@dataclass(frozen=True)
class Frame:
    """What every page shows around its content."""

    publisher: str
    published: str
    license: str | None
    feed_url: str | None
    intentions: bool
    policy: bool = True  # a policy page to link to

    def context(self, root: str, page_lang: str = "en") -> dict[str, Any]:
        return {"publisher": self.publisher, "published": self.published,
                "license": self.license, "feed_url": self.feed_url, "root": root,
                "intentions": self.intentions, "policy": self.policy, "L": labels(),
                "T": text_labels(),
                "page_lang": page_lang}


def index_row(e: PipelineEntry, *, linked: bool = True) -> str:
    """The entry's row of the index; ``linked`` to its notice page when there is one."""
    return fill("index_row" if linked else "index_row_unlinked", lang=e.language, id=e.id,
                title=e.title, buyer=buyers(e),
                value=money(e.estimated_value, e.currency), method=_html_word(e.procurement_method),
                tender_date=_day(e.expected_tender_date), sme=_flag(e.sme_suitable),
                status_code=e.status, status=_html_word(e.status))


def buyers(e: PipelineEntry) -> str:
    """The buyer, and the other buyers of a joint entry after it (the lead first)."""
    return "; ".join([e.buyer, *(b.name for b in e.joint_buyers or ())])


@lru_cache(maxsize=64)
def _frame_parts(frame: Frame, root: str, page_lang: str) -> tuple[str, str, str]:
    """The frame of a page around its title and its main content, rendered once."""
    page = template("base.html").render(title_marker=Markup(TITLE), main_marker=Markup(MAIN),
                                        **frame.context(root, page_lang))
    head, rest = page.split(TITLE)
    middle, tail = rest.split(MAIN)
    return head, middle, tail


@cache
def _notice_text() -> str:
    names = labels()
    return prefill("notice", **{key: names[label] for key, label in _NOTICE_LABELS.items()})


_NOTICE_LABELS = {  # field of the notice part → label
    "pipeline": "pipeline", "details": "details", "buyer_label": "buyer",
    "value_label": "value", "method_label": "method", "category_label": "category",
    "cpv_label": "cpv", "tender_label": "tender_date", "award_label": "award_date",
    "contract_label": "contract", "sme_label": "sme", "open_data": "open_data",
    "ocid_label": "ocid"}


def notice_page(entry: PipelineEntry, ocid: str, frame: Frame) -> str:
    e, names = entry, labels()
    contract = " – ".join(_day(d) for d in (e.contract_start, e.contract_end) if d) or "–"
    main = fill_text(
        _notice_text(), lang=e.language, title=e.title, status_code=e.status,
        status=_html_word(e.status),
        withdrawn=fill("withdrawn", note=names["withdrawn_note"])
        if e.status == "withdrawn" else None,
        description=fill("description", heading=names["description"], lang=e.language,
                         text=e.description) if e.description else None,
        buyer=buyers(e), value=money(e.estimated_value, e.currency),
        method=_html_word(e.procurement_method), category=_html_word(e.category),
        cpv=e.cpv or "–", cpv_description=cpv.label(e.cpv) if e.cpv else "",
        tender_date=_day(e.expected_tender_date),
        award_date=_day(e.expected_award_date), contract=contract, sme=_flag(e.sme_suitable),
        contact=fill("contact", label=names["contact"], email=e.contact_email)
        if e.contact_email else None,
        engagement=fill("engagement", heading=names["engagement"],
                        when=_day(e.engagement_date), lang=e.language,
                        details=e.engagement_details or "")
        if e.engagement_date or e.engagement_details else None,
        ocid=ocid)
    head, middle, tail = _frame_parts(frame, "../", e.language)
    return f"{head}{escape(e.title)}{middle}{main}{tail}"


def page_around_rows(name: str, frame: Frame, **context: Any) -> tuple[str, str]:
    """The text before and after the rows of a page whose rows are streamed separately."""
    page = template(name).render(rows_marker=Markup(ROWS), **frame.context(""), **context)
    head, tail = page.split(ROWS)
    return head, tail


def _day(day: Any) -> str:
    return day.isoformat() if day else "–"


def _flag(value: bool | None) -> str:
    return "–" if value is None else _html_word("yes" if value else "no")
