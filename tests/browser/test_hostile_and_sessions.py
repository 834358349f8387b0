"""The app in a real browser (Debian chromium, Playwright) on a city full of hostile text:

1. everything users and bidders typed is shown as text on every page, for every role, in
   both languages: no image, link, heading, list, quote or bold made from it, and nothing
   fetched from the address it names (a screenshot of each page is kept as an artefact);
2. the audit office reads no score in the audit log or its CSV while scoring is not over;
3. a prepared document is offered only for its procurement and language;
4. a refresh or a link keeps the user signed in; signing out ends the session.
"""

from __future__ import annotations

import csv
import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from procurement.services import award, users
from procurement.store.db import Database
from tests.browser import hostile
from tests.browser.conftest import ARTIFACTS, start_server
from tests.browser.pages import PASSWORD, TIMEOUT, choose, fill_sign_in, settle

pytestmark = pytest.mark.slow
SCREENS = ARTIFACTS.parent / "pages"
# The pages of each role (their addresses), as the navigation offers them.
ROLE_PAGES = {
    "li.na": ["", "overview", "new_procurement", "design_review", "pipeline", "rubrics", "bids",
              "moderate", "results", "award", "documents", "audit", "contract", "city_joint",
              "city_indicators"],
    "zhou.min": ["", "overview", "design_review", "pipeline", "rubrics", "results", "award",
                 "documents", "audit", "city_joint"],
    "audit.office": ["", "overview", "pipeline", "rubrics", "award", "documents", "audit",
                     "city_indicators"],
    "li.wei": ["", "score", "rubrics"],
}
# Elements Markdown would make of the payloads; ours never start with the marker.
MADE = "h1, h2, h3, h4, h5, h6, strong, em, b, i, blockquote, li, code, del, s, mark, span"


class Tracker(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Tracker.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def tracker() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tracker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory, tracker: str) -> Iterator[str]:
    path = tmp_path_factory.mktemp("hostile") / "city.sqlite"
    db = Database(f"sqlite+pysqlite:///{path}")
    hostile.build(db, tracker)
    award.recommend(db, users.get_actor(db, "li.na"), 1, note="best long-term value")
    db.dispose()
    process, url = start_server(path)
    yield url
    process.terminate()
    process.wait(timeout=20)


def markup_from_payloads(page, tracker: str) -> list[str]:
    """Whatever the page made of a payload: elements pointing at the tracker, or formatting
    elements whose text is a payload's."""
    found = page.evaluate(
        """([tracker, made, mark]) => {
            const bad = [];
            for (const el of document.querySelectorAll('img, a, source, link, iframe'))
                for (const attribute of ['src', 'href', 'srcset'])
                    if ((el.getAttribute(attribute) || '').includes(tracker))
                        bad.push(el.tagName + ' ' + el.getAttribute(attribute));
            for (const el of document.querySelectorAll(made))
                if (el.textContent.trim().startsWith(mark)) bad.push(el.tagName + ' ' + el.textContent);
            return bad;
        }""", [tracker, MADE, hostile.MARK])
    return list(found)


def open_expanders(page) -> None:
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        if summary.is_visible():  # one in a tab not shown (the Contract page's) stays shut
            summary.click()
    settle(page)


@pytest.mark.parametrize("username", list(ROLE_PAGES))
def test_user_text_is_text_on_every_page_for_every_role(city, browser, tracker, username):
    SCREENS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(city)
    settle(page)
    fill_sign_in(page, username)
    for lang in ("en", "zh"):
        for path in ROLE_PAGES[username]:
            page.goto(f"{city}/{path}?procurement={hostile.REFERENCE}&lang={lang}")
            settle(page)
            page.wait_for_timeout(500)
            settle(page)
            open_expanders(page)
            name = f"{username}-{lang}-{path or 'home'}"
            page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)
            assert page.get_by_test_id("stException").count() == 0, name
            assert markup_from_payloads(page, tracker) == [], name
    if username in ("li.na", "audit.office"):  # the cancelled one shows its reason
        page.goto(f"{city}/overview?procurement=X-2026-667&lang=en")
        settle(page)
        # A loaded machine may take a moment to restore the session from its cookie.
        page.get_by_text("cancel ![PWNED image](", exact=False).first.wait_for()
        assert "cancel ![PWNED image](" in page.inner_text("body")
        assert markup_from_payloads(page, tracker) == []
    if username == "li.na":
        page.goto(f"{city}/overview?procurement={hostile.REFERENCE}&lang=en")
        settle(page)
        shown = page.inner_text("body")
        assert "description ![PWNED image](" in shown and "# PWNED heading" in shown
        # A design titled with a payload: the review's heading shows it as text.
        page.goto(f"{city}/design_review?lang=en")
        settle(page)
        page.get_by_label("Title", exact=True).fill(hostile.one_line(tracker, "design"))
        page.get_by_role("button", name="Review the design").click()
        settle(page)
        page.get_by_text("design ![PWNED image](").first.wait_for()
        assert markup_from_payloads(page, tracker) == []
    context.close()
    assert Tracker.hits == [], Tracker.hits


def test_the_audit_office_reads_no_score_before_the_award(city, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1600},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{city}/audit?procurement={hostile.REFERENCE}&lang=en")
    settle(page)
    fill_sign_in(page, "audit.office")
    page.get_by_text("is withheld from you until you may read").wait_for()
    settle(page)  # the button is drawn again until the run ends: a click before is lost
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the log (CSV)").click()
    saved = tmp_path / "audit.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    scores = [r for r in rows if r["action"] in ("score.save", "consensus.set", "bid.receive")]
    assert scores and all(r["withheld"] == "withheld" and not r["after"] for r in scores)
    text = saved.read_text(encoding="utf-8-sig")
    assert "rationale-li.wei" not in text and "supplier1" not in text
    from procurement.services import audit_log

    assert audit_log.verify_export(saved).ok
    page.get_by_role("button", name="Verify the chain").click()
    settle(page)
    page.get_by_text("The chain is intact").wait_for()
    context.close()


def _downloads(page) -> list[str]:
    return [b.inner_text() for b in page.get_by_test_id("stDownloadButton").all()]


def test_prepared_documents_belong_to_their_procurement_and_language(city, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{city}/documents?procurement=HC-2026-017&lang=en")
    settle(page)
    fill_sign_in(page, "li.na")
    page.get_by_role("button", name="Prepare: Assessment summaries").click()
    settle(page)
    zip_name = "Download HC-2026-017-assessment-summaries.en.zip"
    page.get_by_text(zip_name).wait_for()
    choose(page, "Procurement", "HC-2026-021")
    assert not [d for d in _downloads(page) if "assessment-summaries" in d]
    choose(page, "Procurement", "HC-2026-017")
    assert [d for d in _downloads(page) if zip_name in d]
    # The documents' own language switch (the sidebar has the other one).
    page.get_by_test_id("stMain").get_by_text("中文", exact=True).click()
    settle(page)
    assert not [d for d in _downloads(page) if "assessment-summaries" in d]
    context.close()


def test_a_refresh_and_a_link_keep_the_user_signed_in_until_sign_out(city, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    # A link followed while signed out: the sign-in form, on the linked page.
    page.goto(f"{city}/results?procurement=HC-2026-017&lang=en")
    settle(page)
    fill_sign_in(page, "li.na")
    page.get_by_role("heading", name="Results").first.wait_for()
    page.wait_for_timeout(500)  # the browser exchanges its ticket for the cookie
    cookie = next(c for c in context.cookies() if c["name"] == "procure_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert PASSWORD not in cookie["value"]
    page.reload()
    settle(page)
    page.get_by_role("button", name="Sign out").wait_for()
    page.get_by_role("heading", name="Results").first.wait_for()
    assert page.get_by_label("User name").count() == 0
    other = context.new_page()  # a link opened in a new tab
    other.goto(f"{city}/award?procurement=HC-2026-017&lang=zh")
    settle(other)
    other.get_by_role("heading", name="授标").first.wait_for()
    other.close()
    page.get_by_role("button", name="Sign out").click()
    settle(page)
    page.wait_for_timeout(500)
    page.reload()
    settle(page)
    page.get_by_label("User name").wait_for()
    # The old cookie, replayed in another browser, opens nothing: the session was revoked.
    thief = browser.new_context()
    thief.add_cookies([{"name": cookie["name"], "value": cookie["value"], "url": city}])
    stolen = thief.new_page()
    stolen.goto(f"{city}/results?procurement=HC-2026-017")
    settle(stolen)
    stolen.get_by_label("User name").wait_for()
    assert stolen.get_by_role("button", name="Sign out").count() == 0
    thief.close()
    context.close()

