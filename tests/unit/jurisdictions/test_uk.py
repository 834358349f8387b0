"""UK periods, Procurement Act 2023, across Easter, Christmas and New Year.

s.51(2): the standstill is "the period of eight working days beginning with the day on which
the contract award notice is published"; s.51(1): the contract is not entered into before it
ends. s.93(3): the pipeline notice is published within 56 days beginning with 1 April."""

from __future__ import annotations

from datetime import date

import pytest

from procurement import jurisdictions
from procurement.jurisdictions.uk import pipeline_notice_deadline

UK = jurisdictions.get("uk")


@pytest.mark.parametrize(("published", "end", "holidays"), [
    # s.51(2): the day of publication is the first of the 8 working days.
    (date(2026, 11, 30), date(2026, 12, 9), []),
    # Easter 2027: Good Friday 26 March and Easter Monday 29 March are not working days.
    (date(2027, 3, 24), date(2027, 4, 6), ["Good Friday", "Easter Monday"]),
    # Christmas 2026: 25 (Fri), Boxing Day 26 (Sat) moved to Monday 28, New Year 1 Jan (Fri).
    (date(2026, 12, 21), date(2027, 1, 4), ["Christmas Day", "Boxing Day", "Boxing Day",
                                             "New Year's Day"]),
    # A notice published on a Saturday: the count starts with the next working day.
    (date(2027, 1, 2), date(2027, 1, 13), []),
])
def test_the_standstill_is_eight_working_days_beginning_with_the_notice_day(published, end,
                                                                              holidays):
    timeline = UK.standstill(published)
    assert timeline.standstill_end == end
    assert timeline.sign_from == date.fromordinal(end.toordinal() + 1)  # s.51(1)
    assert [d.name for d in timeline.skipped] == holidays
    assert timeline.rule.source == "Procurement Act 2023 s.51(2)"


def test_a_substitute_day_is_named_as_one():
    boxing = [d for d in UK.standstill(date(2026, 12, 21)).skipped if d.day == date(2026, 12, 28)]
    assert [(d.name, d.observed) for d in boxing] == [("Boxing Day", True)]


def test_scotland_and_every_part_of_the_uk_add_their_own_bank_holidays():
    # 2 January 2027 is a Saturday: Scotland's New Year holiday moves to Monday 4 January.
    assert UK.standstill(date(2026, 12, 21), region="scotland").standstill_end == date(2027, 1, 5)
    assert UK.standstill(date(2026, 12, 21), region="all-uk").standstill_end == date(2027, 1, 5)
    # St Patrick's Day (17 March 2027, a Wednesday) is a bank holiday in Northern Ireland only.
    england = UK.standstill(date(2027, 3, 15)).standstill_end
    assert UK.standstill(date(2027, 3, 15), region="northern-ireland").standstill_end > england


def test_years_beyond_the_announced_holidays_are_warned_about():
    assert UK.standstill(date(2027, 6, 1)).warnings == ()
    (warning,) = UK.standstill(date(2030, 6, 3)).warnings
    assert warning[1] == {"year": 2030}


@pytest.mark.parametrize(("today", "deadline"), [(date(2027, 4, 1), date(2027, 5, 26)),
                                                 (date(2028, 4, 1), date(2028, 5, 26))])
def test_the_uk1_window_is_56_days_beginning_with_1_april(today, deadline):
    # s.93(3): 1 April is day 1, so day 56 is 26 May; the 27th is late.
    assert pipeline_notice_deadline(today) == deadline


def test_an_unknown_region_is_refused_naming_the_choices():
    with pytest.raises(Exception, match="unknown region wales; use one of england-wales"):
        UK.standstill(date(2027, 1, 4), region="wales")
