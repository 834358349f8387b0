"""The published site's indicators page: the figures shown readably, every group's name
escaped, the definitions with their sources, and the link to it only when it is published."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from procurement.indicators import table
from procurement.indicators.names import INDICATORS
from procurement.pipeline import site, site_indicators

FRAME = site.Frame("City", "2026-11-26T00:00:00Z", None, "feed.atom", False, True, True)
HOSTILE = "<script>alert(1)</script>"


def _figures(key: str = "Transport Bureau") -> dict[str, object]:
    def group(**values: object) -> dict[str, object]:
        return {name: None for name, _, _ in INDICATORS} | {"suppliers": 1} | values

    overall = group(procedures=3, competitive_procedures=3, single_bid_rate=1 / 3,
                    average_bidders=2.5, hhi=5000.0, new_suppliers_by_year={"2025": 2})
    return table.every_grouping(overall, {
        "buyer": [{"key": key, **group(procedures=3, single_bid_rate=0.5)}],
        "cpv": [{"key": "72", **group(procedures=2)}, {"key": "(none)", **group(procedures=1)}],
        "year": [{"key": "2025", **group(procedures=3)}]})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.scripts += tag == "script"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_figures_readably_with_their_definitions() -> None:
    page = site_indicators.page(_figures(), FRAME)
    assert "33.3 %" in page and "2.50" in page and "5,000" in page and "–" in page
    assert "New suppliers by year" in page and "2025: 2" in page
    assert "award releases" in page  # the caption says where the numbers come from
    assert 'href="indicators.csv"' in page and 'href="indicators.json"' in page
    assert "https://www.justice.gov/atr/herfindahl-hirschman-index" in page
    assert "72 <span" in page and "IT services" in page  # a CPV division with its label
    assert "not stated" in page  # the group the data does not name
    assert [page.count(f'id="by-{by}"') for by in ("buyer", "cpv", "year")] == [1, 1, 1]


def test_a_hostile_buyer_is_shown_as_text() -> None:
    page = site_indicators.page(_figures(HOSTILE), FRAME)
    parsed = _Text()
    parsed.feed(page)
    assert parsed.scripts == 0 and "<script>alert" not in page
    assert HOSTILE in "".join(parsed.text)


def test_no_award_yet() -> None:
    nothing = {name: None for name, _, _ in INDICATORS} | {"procedures": 0}
    page = site_indicators.page(table.every_grouping(nothing, {}), FRAME)
    assert "No award yet" in page and "by-buyer" not in page


def test_the_three_files(tmp_path: Path) -> None:
    figures = _figures()
    site_indicators.write(tmp_path, figures, FRAME)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "indicators.csv", "indicators.html", "indicators.json"]
    assert json.loads((tmp_path / "indicators.json").read_text("utf-8")) == figures
    assert (tmp_path / "indicators.csv").read_bytes() == table.csv_text(figures).encode()


def test_the_navigation_links_the_page_only_when_it_is_published() -> None:
    linked = site_indicators.page(_figures(), FRAME)
    assert 'href="indicators.html"' in linked
    plain = site.template("policy.html").render(
        current={"date": "2026-11-26"}, policy_html="", history=[],
        **site.Frame("City", "2026-11-26T00:00:00Z", None, "feed.atom", False).context(""))
    assert "indicators.html" not in plain


def _maturity() -> dict[str, object]:
    from procurement.design.maturity import PeriodMaturity, maturity_view
    from procurement.design.rules import Level

    counts: dict[int, dict[Level, int]] = {
        row: {"traditional": 0, "transition": 0, "smart": 0} for row in range(1, 17)}
    counts[1] = {"traditional": 0, "transition": 1, "smart": 1}
    return maturity_view([PeriodMaturity("2026", 2, counts)])


def test_the_maturity_of_the_designs_per_year_in_both_languages() -> None:
    figures = _figures() | {"maturity": _maturity()}
    page = site_indicators.page(figures, FRAME)
    assert 'id="maturity"' in page and 'class="num">2026</th>' in page
    assert page.count('class="groups maturity"') == 1
    # Row 1 rated smart by one of the year's two designs; on average half a row smart.
    assert '<td class="num">1 / 2</td>' in page and '<td class="num">0.5</td>' in page
    assert '<br><span lang="zh-CN">' in page.split('id="maturity"')[1]


def test_without_design_reviews_there_is_no_maturity_table() -> None:
    from procurement.design.maturity import maturity_view

    for figures in (_figures(), _figures() | {"maturity": maturity_view([])}):
        assert 'id="maturity"' not in site_indicators.page(figures, FRAME)
