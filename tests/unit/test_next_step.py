"""The next-step hint every page shows: something to do, or why there is nothing yet, for
every role in every status."""

from __future__ import annotations

from datetime import date

import pytest

from procurement.i18n import tr
from procurement.services.tasks import next_step
from procurement.vocabulary import Status


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize(("role", "is_lead", "coi"), [
    ("lead", True, None), ("approver", False, None), ("observer", False, None),
    ("evaluator", False, "pending"), ("evaluator", False, "none"),
    ("evaluator", False, "conflict")])
def test_every_role_gets_a_hint_in_both_languages(status, role, is_lead, coi):
    msgid, params = next_step(status, role, is_lead=is_lead, coi=coi,
                              standstill_end=date(2027, 4, 6), today=date(2027, 4, 1))
    english, chinese = tr(msgid, "en", **params), tr(msgid, "zh", **params)
    assert english and chinese and english != chinese
    assert "{" not in english and "{" not in chinese


def test_an_approver_in_moderation_is_told_why_there_is_nothing_to_do():
    msgid, params = next_step("moderation", "approver", is_lead=False)
    assert tr(msgid, "en", **params) == ("Nothing for you to do yet: you approve once the lead "
                                         "recommends the award (the procurement is now in "
                                         "moderation).")


def test_the_lead_is_told_to_award_only_once_the_standstill_is_over():
    end = date(2027, 4, 6)
    during = next_step("standstill", "lead", is_lead=True, standstill_end=end, today=end)
    after = next_step("standstill", "lead", is_lead=True, standstill_end=end,
                      today=date(2027, 4, 7))
    assert during[1] == {"date": end} and "runs until" in during[0]
    assert after[0] == "The standstill period is over: award the contract."


def test_an_evaluator_hears_what_their_seat_asks():
    hint = next_step("quality_evaluation", "evaluator", is_lead=False, coi="pending")[0]
    assert hint.startswith("Declare your conflicts of interest")
    hint = next_step("quality_evaluation", "evaluator", is_lead=False, coi="none")[0]
    assert hint.startswith("Score every bid")
    hint = next_step("quality_evaluation", "evaluator", is_lead=False, coi="none",
                     submitted=True)[0]
    assert hint.startswith("Your scoresheet is submitted")
