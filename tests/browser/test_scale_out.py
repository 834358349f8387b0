"""Scale-out (issue 12): two app instances on one PostgreSQL database behind nginx, run from
the recipe in ``deploy/``. A lead on one instance and an evaluator on the other see each
other's changes; the same cell saved at once from both instances is stored once, the other
save told of the conflict with its input kept; the audit chain verifies afterwards."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from procurement.services import bids, demo, lifecycle, procurements, users
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import ScoreRow
from tests.browser.conftest import ARTIFACTS
from tests.browser.pages import TIMEOUT, choose, go, settle, shot, sign_in
from tests.browser.scale_out import Stack, create_database, drop_database, nginx_binary, run_stack

pytestmark = pytest.mark.slow
BIDS = [{"bid_id": "P-1", "supplier": "Tidewater Data Lab 潮汐数据实验室", "sme": "yes",
         "accepts_data_terms": "yes", "open_standards_compliant": "yes", "capex": "800000",
         "opex_per_year": "300000", "term_years": "4", "exit_cost": "50000"},
        {"bid_id": "P-2", "supplier": "Northgate Systems", "sme": "no",
         "accepts_data_terms": "yes", "open_standards_compliant": "yes", "capex": "600000",
         "opex_per_year": "420000", "term_years": "4", "exit_cost": "400000"}]


@pytest.fixture(scope="module")
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Stack]:
    admin = os.environ.get("PROCUREMENT_TEST_POSTGRES")
    missing = ("PostgreSQL (PROCUREMENT_TEST_POSTGRES)" if admin is None else
               "nginx" if nginx_binary() is None else None)
    if missing:
        if request.config.getoption("--require-browser"):
            pytest.fail(f"{missing} is missing: ./dev test installs and starts it")
        pytest.skip(f"{missing} is missing")
    assert admin is not None
    url = create_database(admin)
    try:
        db = Database(url)
        demo.build_demo(db)
        lead = users.get_actor(db, "li.na")
        portal = next(p for p in procurements.list_procurements(db) if p.reference == demo.PORTAL)
        lifecycle.open_for_bids(db, lead, portal.id)
        bids.add_bids(db, lead, portal.id, BIDS)
        db.dispose()
        yield from run_stack(url, tmp_path_factory.mktemp("scale-out"))
    finally:
        drop_database(admin, url)


def _page(browser, stack: Stack, route: str):
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    context.add_cookies([{"name": "procure_route", "value": route, "url": stack.url}])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    return page


def _scoresheet(page, stack: Stack) -> None:
    go(page, "Score")
    choose(page, "Procurement", demo.PORTAL)
    page.get_by_role("radiogroup", name=re.compile("^Score for ")).first.wait_for()


def _panel_row(page, name: str) -> str:
    """The lead's panel table row of the evaluator ``name``, as the data grid gives it to
    assistive technology (a table inside its canvas)."""
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for()
    row = grid.locator("tr[role=row]").filter(has_text=name).first
    row.wait_for(state="attached")
    return " | ".join(row.locator("td").all_text_contents())


def test_two_instances_behind_nginx_share_one_database(stack, browser, tmp_path: Path):
    routes = stack.routes()
    assert sorted(routes) == ["a", "b"]
    lead = _page(browser, stack, routes["a"])
    evaluator = _page(browser, stack, routes["b"])
    same_evaluator_on_a = _page(browser, stack, routes["a"])

    # The evaluator, on instance b, declares no conflict while the tender is open …
    sign_in(evaluator, stack.url, "sarah.jones")
    go(evaluator, "Score")
    choose(evaluator, "Procurement", demo.PORTAL)
    evaluator.get_by_text("I have no conflict of interest").click()
    evaluator.get_by_role("button", name="Declare").click()
    settle(evaluator)
    evaluator.get_by_text("The bids are not open for evaluation yet.").wait_for()

    # … the lead, on instance a, sees the declaration and closes the tender …
    sign_in(lead, stack.url, "li.na")
    go(lead, "Procurement")
    choose(lead, "Procurement", demo.PORTAL)
    assert "| no conflict |" in _panel_row(lead, "Sarah Jones")
    lead.get_by_role("button", name="Close the tender and start quality evaluation").click()
    settle(lead)
    lead.get_by_text("Done: Close the tender").wait_for()
    shot(lead, "scale-out-lead-on-a")

    # … and the evaluator on b finds the scoresheet open. The same evaluator signed in on a
    # has the same bid's sheet open; both score its first criterion and save at once.
    _scoresheet(evaluator, stack)
    sign_in(same_evaluator_on_a, stack.url, "sarah.jones")
    _scoresheet(same_evaluator_on_a, stack)
    for page, option, note in ((evaluator, 1, "seen on b"), (same_evaluator_on_a, 3, "seen on a")):
        page.get_by_role("radiogroup", name=re.compile("^Score for ")).first \
            .get_by_test_id("stRadioOption").nth(option).click()
        page.get_by_label("Rationale (required)").first.fill(note)
    buttons = [page.get_by_role("button", name="Save the scores for this bid")
               for page in (evaluator, same_evaluator_on_a)]
    for button in buttons:
        button.click(no_wait_after=True)
    for page in (evaluator, same_evaluator_on_a):
        settle(page)
    saved = [page for page in (evaluator, same_evaluator_on_a)
             if page.get_by_text("Saved 1 score(s).").count()]
    conflict = re.compile("^Outcome focus: this score was saved elsewhere while you filled in the "
                          "form")
    refused = [page for page in (evaluator, same_evaluator_on_a)
               if page.get_by_text(conflict).count()]
    assert len(saved) == 1 and len(refused) == 1 and saved != refused
    kept = refused[0].get_by_label("Rationale (required)").first.input_value()
    assert kept in ("seen on a", "seen on b")  # the refused input is still on its page
    refused[0].get_by_text(conflict).scroll_into_view_if_needed()
    refused[0].get_by_text(conflict).screenshot(path=str(ARTIFACTS / "scale-out-conflict.png"))
    winner = "seen on a" if kept == "seen on b" else "seen on b"

    # The lead on a sees the score the evaluator saved; the database has it once.
    lead.reload()
    settle(lead)
    choose(lead, "Procurement", demo.PORTAL)
    assert "1/18" in _panel_row(lead, "Sarah Jones")
    db = Database(stack.database_url)
    with db.read() as session:
        portal = next(p for p in repo.procurements(session) if p.reference == demo.PORTAL)
        cells = session.query(ScoreRow).filter_by(procurement_id=portal.id).all()
        chain = audit.verify(session)
    db.dispose()
    assert [(cell.rationale, cell.version) for cell in cells] == [(winner, 1)]
    assert chain.ok, chain.problem
