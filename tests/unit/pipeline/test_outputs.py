"""Spreadsheet-safe cells, safe Markdown, policy history, escaped pages and feed entries."""

from datetime import date
from decimal import Decimal

import pytest

from procurement.pipeline import feed, site, spreadsheet
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.policy import history, render_markdown, version_of
from procurement.pipeline.spreadsheet import intention_period


def test_text_that_a_spreadsheet_would_run_is_defused():
    assert [spreadsheet.safe(v) for v in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)",
                                          "\tx", "plain", None, True, Decimal("1.50"),
                                          date(2027, 1, 2))] == [
        "'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain", "", "yes",
        "1.50", "2027-01-02"]


def test_budgets_in_ten_thousand_yuan_and_months():
    assert spreadsheet.ten_thousands(Decimal("18500000")) == "1850.00"
    assert spreadsheet.ten_thousands(Decimal("12345")) == "1.23"
    assert spreadsheet.month(date(2027, 3, 1)) == "2027年3月"


def test_markdown_shows_raw_html_as_text_and_refuses_script_links():
    html = render_markdown("# Policy\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))")
    assert "<h1>Policy</h1>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_policy_history_is_newest_first_with_the_lines_that_changed():
    first = version_of("# Policy\n\nWe buy outcomes.\n", "2026-04-01T09:00:00Z")
    second = version_of("# Policy\n\nWe buy outcomes.\nWe publish plans.\n", "2026-06-01T09:00:00Z")
    changes = history([first, second])
    assert [c.date for c in changes] == ["2026-06-01T09:00:00Z", "2026-04-01T09:00:00Z"]
    assert "+We publish plans." in changes[0].diff and changes[1].diff == ""


def test_notice_pages_and_feed_entries_escape_every_text():
    evil = PipelineEntry.model_validate({
        "id": "X1", "title": "<script>alert(1)</script>", "buyer": "B & <b>Co</b>",
        "description": "\"quoted\" <img src=x onerror=alert(1)>"})
    frame = site.Frame("City <i>", "2026-11-26T00:00:00Z", None, "../feed.atom", False)
    page = site.notice_page(evil, "ocds-213czf-X1", frame)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "<b>Co" not in page and "City &lt;i&gt;" in page
    assert "<script>" not in site.index_row(evil)

    text = feed.entry({"ocid": "o", "id": "o-01", "date": "2026-11-26T00:00:00Z",
                       "tag": ["planning"], "tender": {"title": evil.title, "status": "planning"}},
                      "notices/X1.html")
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_a_prefilled_part_keeps_its_labels_and_escapes_the_rest():
    from markupsafe import Markup

    from procurement.pipeline.snippets import fill, fill_text, prefill

    template = prefill("contact", label=Markup("Contact {x} · 联系"))
    page = fill_text(template, email="<a@b.example>")
    assert page == fill("contact", label=Markup("Contact {x} · 联系"), email="<a@b.example>")
    assert "Contact {x} · 联系" in page and "&lt;a@b.example&gt;" in page


@pytest.mark.parametrize(("first", "last", "period"), [
    (date(2027, 3, 1), date(2027, 3, 20), "2027年3月"),
    (date(2027, 3, 1), date(2027, 6, 1), "2027年3（至）6月"),
    (date(2027, 11, 1), date(2028, 2, 1), "2027年11月（至）2028年2月"),
    (None, None, ""),
])
def test_the_months_a_procurement_intention_covers(first, last, period):
    """财库〔2020〕10号 annex: the title reads "××（单位名称）××年×（至）×月政府采购意向"."""
    assert intention_period(first, last) == period
