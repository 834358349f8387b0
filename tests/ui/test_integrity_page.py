"""The award page's integrity check (AppTest): the approver sees each flag with its indicator,
rule, source and a note field; approval stays disabled until every flag has a note; typed
notes are shown as plain text. The demo's recommendation raises no flag, so the screening is
given two (the page shows what the service finds)."""

from __future__ import annotations

import pytest

from procurement.integrity import Finding
from procurement.integrity.cardinal import GAP_DETAIL, R024_RULE
from procurement.integrity.model import OECD, R024_SOURCE
from procurement.integrity.rigging import FIGURES_DETAIL, FIGURES_RULE
from procurement.services import award, integrity, procurements, users
from tests.ui.conftest import texts

PARKING = 1
FOUND = [
    Finding("R024", R024_RULE, R024_SOURCE, "all", "SP-02", ("SP-02", "SP-03"),
            {"threshold": "5.0 %", "winner": "SP-02", "winner_cost": "100.00",
             "second": "SP-03", "second_cost": "104.00", "difference": "4.0 %"}, GAP_DETAIL),
    Finding("BR-FIGURES", FIGURES_RULE, OECD, "all", "SP-01", ("SP-01", "SP-03"),
            {"bids": "SP-01, SP-03", "digits": "567"}, FIGURES_DETAIL),
]


@pytest.fixture
def flagged(city, monkeypatch):
    monkeypatch.setattr(integrity, "findings", lambda row, decision, settings=None: FOUND)
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
