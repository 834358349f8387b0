"""The City section in a real browser (Debian chromium, Playwright), in both languages, on the
demo city with a second award and three pairs of overlapping pipeline entries of different
buyers: the lead dismisses one joint procurement opportunity (English) and accepts another
(中文), and the decision is still there after a reload; the city indicators show their
figures and charts in the page's language; the audit office reads the opportunities without
the buttons. Screenshots are kept in test-artifacts/screens/ to look at.

Each test decides its own opportunity, so that they pass in any order."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest

from procurement import formats
from procurement.i18n import Lang, tr
from procurement.indicators.names import INDICATORS
from procurement.labels import CPV_LEVELS
from procurement.pipeline.joint import Opportunity
from procurement.services import (
    award,
    clock,
    demo,
    integrity,
    joint,
    pipeline_store,
    procurements,
    users,
)
from procurement.store.db import Database
from procurement.ui.indicator_charts import CHARTED
from tests.browser import pages
from tests.browser.conftest import ROOT, start_server
from tests.browser.pages import TIMEOUT, settle, sign_in

pytestmark = pytest.mark.slow
# The audit office's pair, never decided (the parking and meals pairs are examples/joint's).
LIGHTING = [
    {"id": "HW-2027-11", "title": "Street lighting LED upgrade", "buyer": "Highways Department",
     "cpv": "34993000", "expected_tender_date": "2027-02-01", "estimated_value": "800000",
     "currency": "CNY"},
    {"id": "HD-2027-05", "title": "LED street lighting upgrade",
     "buyer": "Harbour District Office", "cpv": "34993000", "expected_tender_date": "2027-03-15"},
]
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class City:
    url: str
    db_url: str
    parking: Opportunity  # dismissed by the English test
    meals: Opportunity  # accepted by the Chinese one
    lighting: Opportunity  # read by the audit office


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    db_url = f"sqlite+pysqlite:///{path}"
    db = Database(db_url)
    demo.build_demo(db)
    lead, approver = users.get_actor(db, "li.na"), users.get_actor(db, "zhou.min")
    # The smart parking procurement awarded too: two awards, in two years, to two suppliers.
    parking_id = next(p.id for p in procurements.list_procurements(db)
                      if p.reference == demo.PARKING)
    award.recommend(db, lead, parking_id, note="best long-term value")
    for flag in integrity.screen(db, approver, parking_id):
        integrity.note(db, approver, parking_id, flag.finding.code, flag.finding.subject,
                       "checked")
    award.approve(db, approver, parking_id)
    with clock.at(clock.now() + timedelta(days=30)):  # after the standstill period
        award.award(db, lead, parking_id)
    pipeline_store.import_entries(db, lead, ROOT / "examples" / "joint" / "pipeline.csv")
    for data in LIGHTING:
        pipeline_store.save_entry(db, lead, data)
    found = {o.entries[0]: o for o in joint.find_in_db(db).open()}
    db.dispose()
    process, url = start_server(path)
    yield City(url, db_url, found["TB-2027-04"], found["ED-2027-07"], found["HW-2027-11"])
    process.terminate()
    process.wait(timeout=20)


def _open(page, nav_title: str, heading: str) -> None:
    """Follow the City section's link ``nav_title`` to the page titled ``heading``."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=nav_title, exact=True).click()
    settle(page)
    page.get_by_role("heading", name=heading).first.wait_for()


def _signed_in_with_cookie(context, page) -> None:
    """Wait until the browser holds its session cookie (it exchanges its ticket for it just
    after signing in): a reload before that would sign it out."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while not any(c["name"] == "procure_session" for c in context.cookies()):
        assert time.monotonic() < deadline, "no session cookie"
        page.wait_for_timeout(100)


def _in_language(page, lang: Lang) -> None:
    if lang == "zh":
        page.get_by_test_id("stSidebarUserContent").get_by_role("radio", name="中文").click()
        settle(page)
        page.get_by_role("button", name=tr("Sign out", "zh")).wait_for()


def _city_section(page, lang: Lang) -> None:
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_test_id("stNavSectionHeader").filter(has_text=tr("City", lang)).wait_for()
    for title in ("Joint procurement", "City indicators"):
        nav.get_by_role("link", name=tr(title, lang), exact=True).wait_for()


def _shows_opportunity(page, opportunity: Opportunity, lang: Lang) -> None:
    """Its heading, its buyers and combined value, and the row of reasons for each pair."""
    page.get_by_role("heading", name=tr("Opportunity {id}", lang, id=opportunity.id)).wait_for()
    value = "; ".join(formats.money(float(amount), currency, lang)
                      for currency, amount in opportunity.combined_value.items())
    page.get_by_text(tr("{buyers} — combined value {value}", lang,
                        buyers=formats.series(opportunity.buyers, lang), value=value)).wait_for()
    grids = page.get_by_test_id("stDataFrame")
    for reason in opportunity.reasons:
        # The data grid draws on a canvas and gives its rows to assistive technology.
        row = grids.locator("tr[role=row]").filter(has_text=" + ".join(reason.entries)).first
        row.wait_for(state="attached")
        cells = " | ".join(row.locator("td").all_text_contents())
        assert f"{tr(CPV_LEVELS[reason.cpv_level], lang)} {reason.cpv_prefix}" in cells, cells
        for day in reason.tender_dates:
            assert formats.day(day, lang) in cells, cells
    header = " | ".join(grids.first.locator("th").all_text_contents())
    for column in ("Entries", "Matched on", "Tender dates", "Similarity"):
        assert tr(column, lang) in header, header


def _decided(page, lang: Lang, line: str) -> None:
    """The decided opportunities' expander, opened, shows ``line``. The page may still be
    rerunning after the decision, and a rerun can redraw the expander closed: it is opened
    again until the line shows (a click on an open one would close it)."""
    pattern = re.escape(tr("Decided ({count})", lang, count=999)).replace("999", r"\d+")
    expander = page.get_by_test_id("stExpander").filter(has_text=re.compile(pattern))
    shown = expander.get_by_text(line)
    deadline = time.monotonic() + TIMEOUT / 1000
    while not shown.is_visible():
        assert time.monotonic() < deadline, f"not among the decided: {line}"
        if not expander.evaluate("e => (e.matches('details') ? e : e.querySelector('details'))"
                                 "?.open ?? false"):
            expander.locator("summary").click()
        page.wait_for_timeout(250)
    # The expander opens in an animation: until it has, the line is there but cut off.
    page.wait_for_function(
        "([box, text]) => box.getBoundingClientRect().bottom"
        " >= text.getBoundingClientRect().bottom", arg=[expander.element_handle(),
                                                     shown.element_handle()])


def _no_english(page, msgids: list[str]) -> None:
    """None of these English messages is left untranslated on the Chinese page."""
    shown = page.get_by_test_id("stMain").inner_text()
    for msgid in msgids:
        translated = tr(msgid, "zh")
        assert CJK.search(translated), f"no Chinese for {msgid!r}"
        assert translated in shown, translated
        if msgid not in translated:
            assert msgid not in shown, msgid


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_city_section_for_the_lead(city, browser, lang: Lang):
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    sign_in(page, city.url, "li.na")
    _signed_in_with_cookie(context, page)
    _in_language(page, lang)
    _city_section(page, lang)

    # Joint procurement: the opportunity, with its buyers and the reasons it was found.
    _open(page, tr("Joint procurement", lang), tr("Joint procurement", lang))
    mine = city.parking if lang == "en" else city.meals
    _shows_opportunity(page, mine, lang)
    pages.shot(page, f"city-joint-{lang}")
    # The opportunity's own form: the one holding its reason field.
    form = page.get_by_test_id("stForm").filter(
        has=page.locator(f".st-key-joint_reason_{mine.id}"))
    if lang == "en":  # dismissed, with the reason
        form.get_by_label(tr("Reason for dismissing", lang)).fill("Different delivery areas")
        form.get_by_role("button", name=tr("Dismiss", lang), exact=True).click()
        settle(page)
        page.get_by_text(tr("Opportunity {id} dismissed.", lang, id=mine.id)).wait_for()
        what = tr("Dismissed: {reason}", lang, reason="Different delivery areas")
    else:  # accepted: a joint pipeline entry for both buyers
        form.get_by_role("button", name=tr("Accept: add a joint entry", lang)).click()
        settle(page)
        db = Database(city.db_url)
        entry = joint.decisions(db)[mine.id].joint_entry
        db.dispose()
        page.get_by_text(tr("Joint pipeline entry {entry} added.", lang, entry=entry)).wait_for()
        what = tr("Accepted: joint entry {entry}", lang, entry=entry)
    line = f"{mine.id} · {formats.series(mine.buyers, lang)} — {what}"
    _decided(page, lang, line)
    pages.shot(page, f"city-joint-decided-{lang}")
    # A reload: the decision is the database's, not the page's.
    page.reload()
    settle(page)
    page.get_by_role("heading", name=tr("Joint procurement", lang)).first.wait_for()
    page.get_by_role("button", name=tr("Sign out", lang)).wait_for()
    _decided(page, lang, line)
    assert page.get_by_role("heading", name=tr("Opportunity {id}", lang, id=mine.id)).count() == 0
    if lang == "zh":
        _no_english(page, ["Joint procurement", "Reason for dismissing", "Dismiss",
                           "Accept: add a joint entry"])

    # City indicators: the figures, a chart for each charted indicator, the table.
    _open(page, tr("City indicators", lang), tr("The city's procurement in numbers", lang))
    metrics = page.get_by_test_id("stMetric")
    metrics.first.wait_for()
    assert metrics.count() == len(INDICATORS)
    labels = [label.strip() for label in
              page.get_by_test_id("stMetricLabel").all_inner_texts()]
    # In three columns: the page lists them column by column.
    assert sorted(labels) == sorted(tr(label, lang) for _key, label, _kind in INDICATORS)
    values = dict(zip(labels, (v.strip() for v in
                               page.get_by_test_id("stMetricValue").all_inner_texts()),
                      strict=True))
    assert values[tr("Procedures", lang)] == "2"
    charts = page.get_by_test_id("stVegaLiteChart")
    charts.first.locator("canvas, svg").first.wait_for()
    charts.nth(len(CHARTED)).locator("canvas, svg").first.wait_for()
    assert charts.count() == len(CHARTED) + 1  # and the Table 3 maturity's heat map
    for n in range(len(CHARTED) + 1):
        drawn = charts.nth(n).locator("canvas, svg").first.bounding_box()
        assert drawn is not None and drawn["width"] > 100 and drawn["height"] > 10, drawn
    for key, label, _kind in INDICATORS:
        if key in CHARTED:
            page.get_by_role("heading", name=tr(label, lang), exact=True).wait_for()
    page.get_by_test_id("stDataFrame").locator("tr[role=row]").filter(
        has_text=demo.BUYER).first.wait_for(state="attached")
    page.get_by_role("heading", name=tr("Table 3 maturity of the city's designs", lang)
                     ).wait_for()
    pages.shot(page, f"city-indicators-{lang}")
    # Per year: a bar for each year awarded in.
    page.get_by_test_id("stRadio").get_by_text(tr("Year", lang), exact=True).click()
    settle(page)
    page.get_by_test_id("stDataFrame").locator("tr[role=row]").filter(
        has_text="2025").first.wait_for(state="attached")
    if lang == "zh":
        _no_english(page, ["The city's procurement in numbers", "Per", "Year",
                           *(label for _key, label, _kind in INDICATORS)])
    pages.shot(page, f"city-indicators-year-{lang}")
    context.close()


def test_the_audit_office_reads_the_city_section_without_deciding(city, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    sign_in(page, city.url, "audit.office")
    _city_section(page, "en")
    _open(page, "Joint procurement", "Joint procurement")
    _shows_opportunity(page, city.lighting, "en")
    pages.shot(page, "city-joint-observer-en")
    # Drawn in full (the opportunity's reasons are there), and nothing to decide with.
    assert page.get_by_role("button", name="Dismiss").count() == 0
    assert page.get_by_role("button", name="Accept: add a joint entry").count() == 0
    assert page.get_by_label("Reason for dismissing").count() == 0
    assert page.get_by_test_id("stForm").count() == 0
    _open(page, "City indicators", "The city's procurement in numbers")
    page.get_by_test_id("stMetric").first.wait_for()
    page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first.wait_for()
    context.close()
