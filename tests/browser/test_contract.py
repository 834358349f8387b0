"""The contract page in a real browser, in both languages: the demo's signals contract a year
on, its KPI chart drawn with the month that owed a service credit (screenshots kept in
test-artifacts/screens/ to look at)."""

from __future__ import annotations

from tests.browser.pages import go, settle, shot, sign_in


def test_the_contract_page_in_both_languages(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 2200})
    sign_in(page, server, "li.na")
    go(page, "Contract")
    page.get_by_text("Key performance indicators").first.wait_for()
    page.locator("[data-testid='stVegaLiteChart'] canvas, "
                 "[data-testid='stVegaLiteChart'] svg").first.wait_for()
    page.get_by_text("Service credits").first.wait_for()
    shot(page, "contract-en")
    page.get_by_role("tab", name="Benefits").click()
    page.get_by_text("3 of 4").first.wait_for()  # the evaluation's confidence, beside
    page.locator("[data-testid='stVegaLiteChart']").nth(1).wait_for()
    shot(page, "contract-benefits-en")
    page.get_by_role("tab", name="Milestones and payments").click()
    page.get_by_text("Record the payment").first.wait_for()
    shot(page, "contract-payments-en")
    page.get_by_test_id("stSidebarUserContent").get_by_role("radio", name="中文").click()
    settle(page)
    page.get_by_role("heading", name="合同").first.wait_for()
    page.get_by_text("关键绩效指标").first.wait_for()
    shot(page, "contract-zh")
    page.get_by_role("tab", name="效益").click()
    page.get_by_text("3 分（满分 4）").first.wait_for()
    shot(page, "contract-benefits-zh")
    page.close()
