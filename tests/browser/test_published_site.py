"""The published pipeline site in a real browser: navigable by its links, bilingual, and a
hostile title shown as text rather than run."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.browser.conftest import ARTIFACTS
from tests.e2e.cli import procure

EXAMPLE = Path(__file__).resolve().parents[2] / "pipeline"


def test_the_site_navigates_and_shows_a_hostile_title_as_text(browser, tmp_path):
    source = tmp_path / "pipeline"
    shutil.copytree(EXAMPLE, source)
    (source / "X-1.yaml").write_text(
        "id: X-1\ntitle: <img src=x onerror=\"document.title='owned'\">\nbuyer: City\n"
        "description: 测试\nestimated_value: 1000\ncurrency: CNY\n"
        "expected_tender_date: 2099-01-01\n",
        encoding="utf-8")
    run = procure("publish", source, "--out", tmp_path / "site", "--ocid-prefix", "ocds-hc2027",
                  "--profile", "cn", "--publisher", "Harbourside · 港湾市")
    assert run.returncode == 0, run.stderr
    # JavaScript stays on: were the title not escaped, its onerror would rename the page.
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto((tmp_path / "site" / "index.html").as_uri())
    assert page.title() == "Procurement pipeline · 采购计划管线 — Harbourside · 港湾市"
    assert page.locator("tbody tr").count() == 4
    assert page.get_by_text('<img src=x onerror="document.title=\'owned\'">').count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "published-index.png"), full_page=True)
    page.get_by_role("link", name="Smart street lighting as a service · 智慧路灯服务").click()
    assert page.locator("h1").inner_text() == "Smart street lighting as a service · 智慧路灯服务"
    assert page.locator("dd", has_text="18,500,000 CNY").count() == 1
    page.screenshot(path=str(ARTIFACTS / "published-notice.png"), full_page=True)
    page.get_by_role("link", name="政府采购意向").click()
    assert page.locator("caption").inner_text().startswith("采购意向")
    page.get_by_role("link", name="Procurement policy · 采购政策").first.click()
    assert page.locator("h1").first.inner_text() == "Procurement policy · 采购政策"
    context.close()


def test_the_indicators_page_shows_a_hostile_buyer_as_text(browser, tmp_path):
    from procurement.indicators import table
    from procurement.pipeline import site, site_indicators

    hostile = "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">"
    figures = table.every_grouping({"procedures": 1, "single_bid_rate": 0.25}, {
        "buyer": [{"key": hostile, "procedures": 1, "single_bid_rate": 0.25}]})
    frame = site.Frame("City", "2026-11-26T00:00:00Z", None, "feed.atom", False, False, True)
    site_indicators.write(tmp_path, figures, frame)
    shutil.copyfile(site.template_dir() / "style.css", tmp_path / "style.css")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto((tmp_path / "indicators.html").as_uri())
    assert page.title().startswith("Procurement indicators")
    assert page.get_by_role("rowheader", name=hostile).count() == 1
    assert page.locator("td", has_text="25.0 %").count() == 2  # overall and the buyer's
    context.close()
