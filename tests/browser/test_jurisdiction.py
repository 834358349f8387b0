"""A new procurement in the browser: the lead picks the jurisdiction, sees the standstill its
law sets (no number to type), and a wrong buyer identifier is refused in words."""

from __future__ import annotations

from tests.browser.pages import choose, go, settle, shot, sign_in


def test_a_uk_procurement_takes_its_law_and_identifier_schemes(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    sign_in(page, server, "li.na")
    go(page, "New procurement")
    choose(page, "Jurisdiction (whose law applies)", "United Kingdom")
    page.get_by_text("Standstill: 8 working days beginning with the day on which the contract "
                     "award notice is published (Procurement Act 2023 s.51(2))").first.wait_for()
    assert page.get_by_label("Standstill period (working days)").count() == 0
    page.get_by_label("Reference", exact=True).fill("HC-2027-060")
    page.get_by_label("Title", exact=True).fill("Kerbside data · 路侧数据")
    page.get_by_label("Buyer", exact=True).fill("Harbourside City")
    page.get_by_label("Buyer identifier (e.g. org-id)").fill("GB-LAC-E09000003")
    page.get_by_role("button", name="Create the procurement").click()
    settle(page)
    page.get_by_text("GB-LAC is not a scheme of the org-id register").wait_for()
    page.get_by_label("Buyer identifier (e.g. org-id)").fill("GB-LAE-BIR")
    shot(page, "new-procurement-uk")
    page.get_by_role("button", name="Create the procurement").click()
    settle(page)
    page.get_by_text("Procurement Act 2023 and the Procurement Regulations 2024").first.wait_for()
    shot(page, "procurement-uk-methodology")
    page.close()
