"""EU standstill: Remedies Directive 89/665/EEC art. 2a(2) (as amended by 2007/66/EC): at
least 10 calendar days from the day after the award decision is sent electronically, 15
otherwise; a last day on a rest day moves to the next working day (Regulation 1182/71
art. 3(4))."""

from __future__ import annotations

from datetime import date

from procurement import jurisdictions

EU = jurisdictions.get("eu")


def test_ten_calendar_days_from_the_day_after_sending():
    timeline = EU.standstill(date(2026, 11, 2))  # Monday: day 1 is 3 November
    assert timeline.standstill_end == date(2026, 11, 12)
    assert timeline.sign_from == date(2026, 11, 13)


def test_fifteen_when_not_sent_electronically():
    assert EU.standstill(date(2026, 11, 2), electronic=False).standstill_end == date(2026, 11, 17)


def test_a_last_day_on_a_weekend_or_holiday_moves_to_the_next_working_day():
    # Sent Wednesday 16 December 2026: day 10 is Saturday 26 December (in Germany also the
    # second Christmas day); the next working day is Monday 28 December.
    timeline = EU.standstill(date(2026, 12, 16), region="DE")
    assert [d.day for d in timeline.deadlines] == [date(2026, 12, 26), date(2026, 12, 28)]
    assert timeline.rule.source == "Regulation (EEC, Euratom) No 1182/71 art. 3(4)"
    # Sent 22 December: day 10 is Friday 1 January, a public holiday in every member state.
    assert EU.standstill(date(2026, 12, 22), region="FR").standstill_end == date(2027, 1, 4)
    assert EU.standstill(date(2026, 12, 22)).standstill_end == date(2027, 1, 1)  # weekends only
