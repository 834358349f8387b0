"""The award page's integrity flags (AppTest): the lead's preview before recommending
(read-only); the approver's check, each flag with its indicator, rule, source and a note
field, approval disabled until every flag has a note, typed notes shown as plain text; the
flags and notes read-only once approved. The demo's recommendation raises no flag, so the
screening is given two (the page shows what the service finds)."""

from __future__ import annotations

from datetime import date

import pytest

from procurement.integrity import Finding
from procurement.integrity.cardinal import GAP_DETAIL, R024_RULE
from procurement.integrity.model import OECD, R024_SOURCE
from procurement.integrity.rigging import FIGURES_DETAIL, FIGURES_RULE
from procurement.services import award, clock, integrity, procurements, users
from procurement.vocabulary import IntegrityCode
from tests.ui.conftest import texts

PARKING = 1
FOUND = [
    Finding(IntegrityCode.R024, R024_RULE, R024_SOURCE, "all", "SP-02", ("SP-02", "SP-03"),
            {"threshold": "5.0 %", "winner": "SP-02", "winner_cost": "100.00",
             "second": "SP-03", "second_cost": "104.00", "difference": "4.0 %"}, GAP_DETAIL),
    Finding(IntegrityCode.BR_FIGURES, FIGURES_RULE, OECD, "all", "SP-01", ("SP-01", "SP-03"),
            {"bids": "SP-01, SP-03", "digits": "567"}, FIGURES_DETAIL),
]


@pytest.fixture
def screened(monkeypatch):
    """The bids each screening was given; it finds FOUND (the preview's and the frozen
    recommendation's screening alike)."""
    given = []

    def screen(row, bids, settings=None):
        given.append(bids)
        return FOUND

    monkeypatch.setattr(integrity, "screened", screen)
    return given


@pytest.fixture
def flagged(city, screened):
    award.recommend(city, users.get_actor(city, "li.na"), PARKING, note="best value")
    return city


def _approve(at):
    return next(b for b in at.button if b.label == "Approve the recommendation")


def test_approver_notes_every_flag_before_approving(app, flagged):
    at = app("zhou.min", page="award")
    shown = texts(at)
    assert "Integrity check" in shown and "**R024** · SP-02" in shown
    assert "**BR-FIGURES** · SP-01" in shown
    assert "Cardinal R024" in shown and "Source: " + R024_SOURCE in shown
    assert "Approval waits for a note on: R024/SP-02, BR-FIGURES/SP-01" in shown
    assert _approve(at).disabled
    at.text_area(key="integrity_note_R024/SP-02").set_value("**bold** <b>x</b>")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    markdown = [m.value for m in at.markdown]
    # Plain text, not markup: sent escaped, read as typed.
    assert any(m.startswith("\\*\\*bold\\*\\*") for m in markdown)
    assert "**bold** <b>x</b>" in texts(at)
    assert _approve(at).disabled
    at.text_area(key="integrity_note_BR-FIGURES/SP-01").set_value("checked the costings")
    at.get("form_submit_button")[1].click().run()
    assert not _approve(at).disabled
    _approve(at).click().run()
    assert not at.exception
    assert procurements.get_procurement(flagged, users.get_actor(flagged, "li.na"),
                                        PARKING).status == "standstill"


def test_the_lead_sees_the_flags_but_has_no_note_field(app, flagged):
    at = app("li.na", page="award")
    assert "**R024** · SP-02" not in texts(at)  # the approver's check, not on the lead's page
    assert not [a for a in at.text_area if a.key and a.key.startswith("integrity_note_")]


def _note_fields(at):
    return [a for a in at.text_area if a.key and a.key.startswith("integrity_note_")]


def test_the_lead_previews_the_flags_before_recommending(app, city, screened):
    at = app("li.na", page="award")
    shown = texts(at)
    assert "Integrity flags the recommendation will raise" in shown
    assert "**R024** · SP-02 · Price close to the winning bid" in shown
    assert "**BR-FIGURES** · SP-01 · Same unusual figures" in shown
    assert "Source: " + R024_SOURCE in shown and "explain them in your reasons" in shown
    assert not _note_fields(at)  # read-only: the approver notes them
    # The screening was given the bids as the recommendation will freeze them.
    bids = screened[-1]
    assert len(bids) == 5 and [b.bid_ref for b in bids if b.winner] == ["SP-02"]
    assert all(b.cost is not None for b in bids)
    at.text_area[0].set_value("Best value; R024: SP-03's costing checked, prepared apart")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert procurements.get_procurement(city, users.get_actor(city, "li.na"),
                                        PARKING).status == "award_recommended"


def test_the_lead_is_told_when_the_recommendation_raises_no_flag(app):
    assert "No integrity flag: the recommendation raises none." in texts(
        app("li.na", page="award"))


def test_the_approvers_hint_asks_for_a_note_on_each_flag(app, flagged):
    assert ("Check the integrity flags and record a note on each, then approve the "
            "recommendation") in texts(app("zhou.min", page="award"))


def test_once_approved_the_flags_and_notes_stay_on_the_page(app, flagged, monkeypatch):
    approver = users.get_actor(flagged, "zhou.min")
    integrity.note(flagged, approver, PARKING, "R024", "SP-02", "SP-03 priced on its own")
    integrity.note(flagged, approver, PARKING, "BR-FIGURES", "SP-01", "checked the costings")
    award.approve(flagged, approver, PARKING)
    for name in ("zhou.min", "li.na"):
        at = app(name, page="award")
        shown = texts(at)
        assert "Integrity check" in shown and "**R024** · SP-02" in shown
        assert "Noted by **Zhou Min 周敏** on " in shown and "SP-03 priced on its own" in shown
        assert "Approval waits" not in shown and not _note_fields(at)
    assert "**R024** · SP-02" not in texts(app("audit.office", page="award"))  # not yet
    monkeypatch.setattr(clock, "today", lambda: date(2099, 1, 1))
    award.award(flagged, users.get_actor(flagged, "li.na"), PARKING)
    observer = texts(app("audit.office", page="award"))
    assert "**BR-FIGURES** · SP-01" in observer and "checked the costings" in observer
