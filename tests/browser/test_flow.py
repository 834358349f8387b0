"""The team's path through the app in a real browser (Debian chromium, Playwright).

Sign in, open a tender, import bids, score as an evaluator, moderate, read the ranking,
move a weight slider and see the order change, download the results and open them, switch
to Chinese. A screenshot of each main page is kept in test-artifacts/screens/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.browser.pages import TIMEOUT, choose, go, settle, shot, sign_in

pytestmark = pytest.mark.slow
BIDS_CSV = ("bid_id,supplier,sme,accepts_data_terms,open_standards_compliant,capex,"
            "opex_per_year,term_years,exit_cost\n"
            "P-1,Tidewater Data Lab 潮汐数据实验室,yes,yes,yes,800000,300000,4,50000\n"
            "P-2,Northgate Systems,no,yes,yes,600000,420000,4,400000\n")


def test_the_procurement_team_in_a_browser(server, browser, tmp_path: Path):
    # Streamlit scrolls its own container, so a tall window is what shows a whole page.
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)

    page.goto(server)
    settle(page)
    shot(page, "01-sign-in")
    sign_in(page, server, "li.na")
    shot(page, "02-home")

    # The lead opens the tender of the draft procurement …
    go(page, "Procurement")
    choose(page, "Procurement", "HC-2026-021")
    page.get_by_role("button", name="Open the tender for bids").click()
    settle(page)
    page.get_by_text("Done: Open the tender for bids").wait_for()
    shot(page, "03-procurement")

    # … imports two bids (the columns map by name) …
    go(page, "Bids")
    upload = tmp_path / "bids.csv"
    upload.write_text(BIDS_CSV, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(upload))
    settle(page)
    page.get_by_role("button", name="Import 2 bids").click()
    settle(page)
    page.get_by_text("Imported 2 bids.").wait_for()
    shot(page, "04-bids")

    # … and starts the quality evaluation.
    go(page, "Procurement")
    page.get_by_role("button", name="Close the tender and start quality evaluation").click()
    settle(page)
    page.get_by_text("Done: Close the tender").wait_for()
    page.get_by_role("button", name="Sign out").click()
    settle(page)

    # An evaluator declares no conflict and scores a bid.
    sign_in(page, server, "sarah.jones")
    go(page, "Score")
    choose(page, "Procurement", "HC-2026-021")
    page.get_by_text("I have no conflict of interest").click()
    page.get_by_role("button", name="Declare").click()
    settle(page)
    page.get_by_text("Declaration recorded.").wait_for()
    groups = page.get_by_role("radiogroup", name=re.compile("^Score for "))
    groups.nth(8).wait_for(timeout=TIMEOUT)  # the scoresheet renders after the declaration
    assert groups.count() == 9
    for index in range(groups.count()):
        groups.nth(index).get_by_test_id("stRadioOption").nth(3).click()
    areas = page.get_by_label("Rationale (required)")
    for index in range(areas.count()):
        areas.nth(index).fill(f"Evidence in section {index + 1} of the method statement")
    page.get_by_role("button", name="Save the scores for this bid").click()
    settle(page)
    page.get_by_text("Saved 9 score(s).").wait_for()
    page.get_by_text("9 of 18 scores saved").wait_for()
    shot(page, "05-score")
    page.get_by_role("button", name="Sign out").click()
    settle(page)

    # The lead moderates the smart-parking procurement …
    sign_in(page, server, "li.na")
    go(page, "Moderate")
    choose(page, "Procurement", "HC-2026-017")
    page.get_by_label("Reason (recorded beside the evaluators' scores)").fill(
        "Agreed at the moderation meeting")
    page.get_by_role("button", name="Save the consensus score").click()
    settle(page)
    page.get_by_text("Consensus score saved for").wait_for()
    shot(page, "06-moderate")

    # … reads the ranking …
    go(page, "Results")
    choose(page, "Procurement", "HC-2026-017")
    page.get_by_text("Ranked first").wait_for()
    assert "SP-02" in page.get_by_test_id("stMetric").first.inner_text()
    shot(page, "07-results")

    # … moves the weight of cost up to 100 and the others to 0: the order changes.
    page.get_by_text("First under these weights: SP-02").wait_for()
    sliders = page.get_by_role("slider")
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        label = slider.get_attribute("aria-label") or ""
        slider.focus()
        page.keyboard.press("End" if label.startswith("Total cost of ownership") else "Home")
        settle(page)
    page.get_by_text("First under these weights: SP-04").wait_for()
    shot(page, "08-what-if")

    # … downloads the results and opens them.
    with page.expect_download() as download:
        page.get_by_role("button", name="Results (XLSX)").click()
    saved = tmp_path / "results.xlsx"
    download.value.save_as(saved)
    sheet = load_workbook(saved)["ranking"]
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert (first["rank"], first["bid_id"]) == (1, "SP-02")

    # The reasons the letters will give, with what is still missing (issue 14).
    go(page, "Documents")
    choose(page, "Procurement", "HC-2026-017")
    page.get_by_text(re.compile(r"Reasons the letters give \(\d+ missing\)")).wait_for()
    page.get_by_text("never an evaluator's own note").wait_for()
    shot(page, "08b-documents")

    # Award and audit pages, then the whole app in Chinese.
    go(page, "Award")
    shot(page, "09-award")
    go(page, "Audit log")
    page.get_by_role("button", name="Verify the chain").click()
    settle(page)
    page.get_by_text("The chain is intact").wait_for()
    shot(page, "10-audit")
    page.get_by_role("radio", name="中文").click()
    settle(page)
    page.get_by_role("heading", name="审计日志").first.wait_for()
    page.get_by_role("link", name="评审结果", exact=True).click()
    settle(page)
    page.get_by_text("排名第一").first.wait_for()
    shot(page, "11-results-zh")
    context.close()
