"""What the browser tests do on a Streamlit page: wait for a script run, sign in and out,
follow the navigation, pick in a select box, keep a screenshot."""

from __future__ import annotations

import re

from tests.browser.conftest import ARTIFACTS

TIMEOUT = 60_000
PASSWORD = "harbourside-2026"


def settle(page) -> None:
    """Wait for the script run the last action started to finish."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        timeout=TIMEOUT)


def fill_sign_in(page, username: str) -> None:
    """Sign in on the form the page shows (any page shows it to a signed-out reader)."""
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    settle(page)
    page.get_by_role("button", name="Sign out").wait_for(timeout=TIMEOUT)
    settle(page)


def sign_in(page, url: str, username: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    settle(page)
    fill_sign_in(page, username)


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    settle(page)
    page.get_by_label("User name").wait_for()


def go(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).click()
    settle(page)
    page.get_by_role("heading", name=title).first.wait_for(timeout=TIMEOUT)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` (a substring of its text) in the Streamlit select box ``label``."""
    page.get_by_role("combobox", name=label).first.click()
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()
    settle(page)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
