"""China's periods across the Spring Festival and National Day, 调休 weekends included.

- 中标公告期限为1个工作日 (财政部令第87号 第六十九条);
- 质疑 within 7 working days of the day the notice period ends (政府采购法 第五十二条;
  财政部令第94号 第十条);
- the contract within 30 days of the 中标通知书 (政府采购法 第四十六条);
- the first day is not counted (民法典 第二百零一条); a last day that is a rest day moves to
  the next working day (民法典 第二百零三条)."""

from __future__ import annotations

from datetime import date

import pytest

from procurement import jurisdictions
from procurement.errors import ProcurementError
from procurement.jurisdictions.cn_calendar import SUPPLEMENT_ENV, calendar

CN = jurisdictions.get("cn")


def test_spring_festival_2026_with_its_two_saturday_working_days():
    # 2026: 15–23 February off; Saturday 14 and Saturday 28 February are working days.
    timeline = CN.standstill(date(2026, 2, 12))
    notice, challenge = timeline.deadlines
    assert notice.day == date(2026, 2, 13)  # 1 working day, from the day after (民法典 201)
    # 7 working days after 13 February: 14 (Sat, 补班), 24, 25, 26, 27, 28 (Sat, 补班), 2 March.
    assert challenge.day == date(2026, 3, 2)
    assert timeline.sign_from == date(2026, 3, 3)
    # 12 February + 30 days is Saturday 14 March: the period ends on Monday 16 (民法典 203).
    assert timeline.sign_by is not None and timeline.sign_by.day == date(2026, 3, 16)
    assert [d.day for d in timeline.worked] == [date(2026, 2, 14), date(2026, 2, 28)]
    assert {d.name for d in timeline.skipped} == {"Spring Festival"}


def test_national_day_2026_with_its_saturday_working_day():
    # 2026: 1–7 October off; Saturday 10 October is a working day.
    timeline = CN.standstill(date(2026, 9, 28))
    assert [d.day for d in timeline.deadlines] == [date(2026, 9, 29), date(2026, 10, 14)]
    assert [d.day for d in timeline.worked] == [date(2026, 10, 10)]
    assert len([d for d in timeline.skipped if d.name == "National Day"]) == 7


def test_an_ordinary_week():
    timeline = CN.standstill(date(2026, 11, 2))  # a Monday
    assert [d.day for d in timeline.deadlines] == [date(2026, 11, 3), date(2026, 11, 12)]
    assert timeline.sign_by is not None and timeline.sign_by.day == date(2026, 12, 2)


def test_the_articles_are_cited():
    timeline = CN.standstill(date(2026, 11, 2))
    assert [d.rule.source for d in timeline.deadlines] == [
        "Measures for Tendering of Government Procurement of Goods and Services "
        "(MOF Order No. 87) art. 69", "Government Procurement Law art. 52; MOF Order No. 94 art. 10"]
    assert timeline.sign_by is not None
    assert timeline.sign_by.rule.source.startswith("Government Procurement Law art. 46")


def test_a_year_without_the_state_councils_arrangement_is_refused_not_guessed():
    with pytest.raises(ProcurementError, match="has no data for 2040"):
        CN.standstill(date(2040, 3, 1))
    # A count that starts in a year with data and runs past the last one stops there.
    with pytest.raises(ProcurementError, match=r"has no data for 20\d\d: it covers 2004–"):
        CN.working_days(date(2026, 1, 5), 3650)


def test_a_signing_deadline_in_an_unpublished_year_is_moved_over_weekends_and_said_so(
        monkeypatch):
    # Without the city's copy of the year's notice (the suite runs with a test one).
    monkeypatch.delenv(SUPPLEMENT_ENV, raising=False)
    calendar.cache_clear()
    # Government Procurement Law art. 46: signed within 30 days of the award letter; Civil
    # Code art. 203: a last day that is a rest day moves to the next working day. From
    # 2 December 2026 the 30th day is 1 January 2027, a Friday in a year whose arrangement is
    # not published: the periods that decide the standstill are all in 2026 and known.
    timeline = CN.standstill(date(2026, 12, 2))
    assert [d.day for d in timeline.deadlines] == [date(2026, 12, 3), date(2026, 12, 14)]
    assert timeline.sign_by is not None and timeline.sign_by.day == date(2027, 1, 1)
    assert [w[1] for w in timeline.warnings] == [{"year": 2027, "date": "2027-01-01"}]
    # From 5 December the 30th day, 4 January 2027, is a Monday.
    assert CN.standstill(date(2026, 12, 5)).sign_by.day == date(2027, 1, 4)  # type: ignore[union-attr]
    # 3 January 2027 is a Sunday: moved to Monday the 4th, by weekends alone.
    assert CN.standstill(date(2026, 12, 4)).sign_by.day == date(2027, 1, 4)  # type: ignore[union-attr]


def test_a_region_is_refused():
    with pytest.raises(ProcurementError, match="has one calendar"):
        CN.standstill(date(2026, 11, 2), region="guangdong")


@pytest.fixture(autouse=True)
def _fresh_calendar():
    from procurement.jurisdictions.cn_calendar import calendar as cached

    yield
    cached.cache_clear()  # the next test reads PROCUREMENT_CN_CALENDAR afresh
