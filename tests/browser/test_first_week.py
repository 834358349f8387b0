"""The first week of use in a real browser (Debian chromium, Playwright): the flows behind
issue 9's points 5 to 14, as a lead and an approver click through them on the demo city."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import pages
from tests.browser.pages import TIMEOUT, choose, go, settle, sign_in, sign_out

pytestmark = pytest.mark.slow


def shot(page, name: str) -> None:
    pages.shot(page, f"first-week-{name}")


def test_the_first_week_in_a_browser(server, browser, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    sign_in(page, server, "li.na")

    # 8. The abnormally low cost was resolved on Moderate: Results says so.
    go(page, "Results")
    page.get_by_text("every flagged bid's resolution is recorded").wait_for()
    assert page.get_by_text("need an explanation before any award").count() == 0

    # 14. An out-of-scale consensus is refused with a message, not a red icon.
    go(page, "Moderate")
    page.get_by_label("Consensus score (0–4)").fill("9")
    page.get_by_label("Reason (recorded beside the evaluators' scores)").fill("typo")
    page.get_by_role("button", name="Save the consensus score").click()
    settle(page)
    page.get_by_text("9 is outside the scale 0–4").wait_for()
    # 14. Replacing a flag's resolution is explicit.
    page.get_by_text("A resolution is recorded already").wait_for()
    page.get_by_role("button", name="Replace the resolution").wait_for()

    # 5. An empty recommendation is refused; 6. with its reasons it goes to the approver.
    go(page, "Award")
    page.get_by_role("button", name="Recommend").click()
    settle(page)
    page.get_by_text("state why the recommended bid offers the best long-term value").wait_for()
    page.get_by_label("Why this bid offers the best long-term value (required)").fill(
        "Open data terms and the lowest exit cost")
    page.get_by_role("button", name="Recommend").click()
    settle(page)
    page.get_by_text("Award recommended; an approver must now confirm it.").wait_for()
    sign_out(page)

    sign_in(page, server, "zhou.min", "award?procurement=HC-2026-017")
    page.get_by_label("Or send it back, with the reason (required)").fill(
        "Check SP-04's reuse of the sensor network")
    page.get_by_role("button", name="Return to moderation").click()
    settle(page)
    page.get_by_text("Returned to moderation, with your reason.").wait_for()
    sign_out(page)

    sign_in(page, server, "li.na", "award?procurement=HC-2026-017")
    page.get_by_text("Open data terms and the lowest exit cost").wait_for()
    page.get_by_text("Check SP-04's reuse of the sensor network").first.wait_for()
    shot(page, "award-history")

    # 9. A change of language keeps the chosen procurement …
    go(page, "Procurement")
    choose(page, "Procurement", "HC-2026-021")
    page.get_by_test_id("stSidebar").get_by_text("中文", exact=True).click()
    settle(page)
    page.get_by_role("heading", name="采购项目").first.wait_for()
    picked = page.get_by_role("combobox", name="采购项目").first
    assert "HC-2026-021" in (picked.input_value() or picked.get_attribute("value") or "")
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    settle(page)

    # … and the Rubrics tab; 10. the copy's id follows the rubric it starts from.
    go(page, "Rubrics")
    page.get_by_role("tab", name="Clone and edit").click()
    settle(page)
    choose(page, "Start from", "cn-goods")
    assert page.get_by_label("Id of the copy").input_value() == "cn-goods-copy"
    page.get_by_test_id("stSidebar").get_by_text("中文", exact=True).click()
    settle(page)
    assert page.get_by_role("tab", selected=True).inner_text() == "复制并编辑"
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    settle(page)

    # 12. Lots are checked.
    go(page, "New procurement")
    page.get_by_label("Reference", exact=True).fill("HC-2027-050")
    page.get_by_label("Title", exact=True).fill("Lots · 分包")
    page.get_by_label("Buyer", exact=True).fill("Harbourside City")
    page.get_by_label("Lots, one per line as id: title (optional)").fill("L1: North\nL2 South")
    page.get_by_role("button", name="Create the procurement").click()
    settle(page)
    page.get_by_text("lot 2: an id uses letters").wait_for()

    # 11. An import error names the uploaded file, not a server path.
    go(page, "Pipeline")
    bad = tmp_path / "my-plans.csv"
    bad.write_text("id,title\n,No id\n", encoding="utf-8")
    page.locator("input[type=file]").last.set_input_files(str(bad))
    settle(page)
    page.get_by_role("button", name="Import", exact=True).click()
    settle(page)
    error = page.get_by_test_id("stAlert").filter(has_text="my-plans.csv").first
    error.wait_for()
    assert "/tmp" not in error.inner_text()

    # 13. The bids preview counts problems, and shows each in full.
    go(page, "Procurement")
    choose(page, "Procurement", "HC-2026-021")
    page.get_by_role("button", name="Open the tender for bids").click()
    settle(page)
    # The step reruns the page to show what it did: navigating before that rerun has drawn
    # could be lost to it (seen twice on CI), so wait for its message first.
    page.get_by_text("Done: Open the tender for bids").first.wait_for()
    settle(page)
    go(page, "Bids")
    upload = tmp_path / "bids.csv"
    upload.write_text("bid_id,supplier,sme,accepts_data_terms,open_standards_compliant,capex,"
                      "opex_per_year,term_years,exit_cost\nP-1,,maybe,perhaps,yes,-1,x,0,5\n",
                      encoding="utf-8")
    page.locator("input[type=file]").first.set_input_files(str(upload))
    settle(page)
    page.get_by_text(re.compile(r"\d+ problem\(s\) in 1 row\(s\)")).wait_for()
    page.get_by_text("'maybe' is not a yes/no answer").first.wait_for()
    shot(page, "bids-preview")
    context.close()
