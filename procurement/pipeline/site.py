"""The static web pages of the pipeline: index, one page per notice, the policy and the
采购意向 table, from the Jinja templates in ``templates/site``.

Every value is escaped by Jinja's autoescape, so a title such as ``<script>`` is shown as
text. Labels are in English and Chinese side by side (:mod:`.site_labels`), because one page
serves both readerships; the content keeps its own language in ``lang`` attributes. The
indicators page is :mod:`.site_indicators`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from procurement.paths import shipped_dir
from procurement.pipeline import cpv
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.site_labels import html_word, labels, text_labels
from procurement.pipeline.snippets import fill, fill_text, prefill

ROWS = "\x00rows\x00"  # where streamed rows go into a page rendered around them
TITLE, MAIN = "\x00title\x00", "\x00main\x00"


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
    indicators: bool = False  # the indicators page, to link to

    def context(self, root: str, page_lang: str = "en") -> dict[str, Any]:
        return {"publisher": self.publisher, "published": self.published,
                "license": self.license, "feed_url": self.feed_url, "root": root,
                "intentions": self.intentions, "policy": self.policy,
                "indicators": self.indicators, "L": labels(),
                "T": text_labels(),
                "page_lang": page_lang}


def index_row(e: PipelineEntry, *, linked: bool = True) -> str:
    """The entry's row of the index; ``linked`` to its notice page when there is one."""
    return fill("index_row" if linked else "index_row_unlinked", lang=e.language, id=e.id,
                title=e.title, buyer=buyers(e),
                value=money(e.estimated_value, e.currency), method=html_word(e.procurement_method),
                tender_date=_day(e.expected_tender_date), sme=_flag(e.sme_suitable),
                status_code=e.status, status=html_word(e.status))


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
        status=html_word(e.status),
        withdrawn=fill("withdrawn", note=names["withdrawn_note"])
        if e.status == "withdrawn" else None,
        description=fill("description", heading=names["description"], lang=e.language,
                         text=e.description) if e.description else None,
        buyer=buyers(e), value=money(e.estimated_value, e.currency),
        method=html_word(e.procurement_method), category=html_word(e.category),
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
    return "–" if value is None else html_word("yes" if value else "no")
