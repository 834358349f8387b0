"""A year the chinesecalendar package has not published yet, added by the city from the State
Council's notice (PROCUREMENT_CN_CALENDAR): periods that run into it are counted, not
refused; a bad file is refused in one line. The periods: 中标公告 1 working day (财政部令第87号
第六十九条); 质疑 7 working days after it (政府采购法 第五十二条; 财政部令第94号 第十条)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from procurement import jurisdictions
from procurement.errors import InputError, ProcurementError
from procurement.jurisdictions.cn_calendar import SUPPLEMENT_ENV, calendar

CN = jurisdictions.get("cn")
TEST_YEAR = Path(__file__).resolve().parents[2] / "fixtures" / "cn-calendar-test.yaml"


@pytest.fixture(autouse=True)
def fresh_calendar() -> Iterator[None]:
    calendar.cache_clear()
    yield
    calendar.cache_clear()


def test_without_the_year_a_challenge_period_into_it_is_refused(monkeypatch):
    monkeypatch.delenv(SUPPLEMENT_ENV, raising=False)
    with pytest.raises(ProcurementError, match="has no data for 2027"):
        CN.standstill(date(2026, 12, 24))


def test_with_the_citys_copy_of_the_notice_it_is_counted(monkeypatch):
    monkeypatch.setenv(SUPPLEMENT_ENV, str(TEST_YEAR))
    timeline = CN.standstill(date(2026, 12, 24))  # a Thursday
    notice, challenge = timeline.deadlines
    assert notice.day == date(2026, 12, 25)
    # 7 working days after 25 December: 28, 29, 30, 31 December; 1 January off (the test
    # file's holiday); Saturday 2 January worked (its 补班); 4 and 5 January.
    assert challenge.day == date(2027, 1, 5)
    assert [d.day for d in timeline.worked] == [date(2027, 1, 2)]
    assert date(2027, 1, 1) in {d.day for d in timeline.skipped}
    assert not timeline.warnings  # the signing deadline's year is known too


@pytest.mark.parametrize(("text", "message"), [
    ("source: x\nyears:\n  2028:\n    holidays: {2028-01-01: 元旦}\n",
     "the arrangement of 2027 is missing"),
    ("source: x\nyears:\n  2027:\n    holidays: {2028-01-01: 元旦}\n", "2028-01-01 is not in 2027"),
    ("source: x\nyears:\n  2027:\n    holiday: {}\n", "not a holiday arrangement"),
    ("[1, 2", "YAML"),
])
def test_a_bad_file_is_refused_in_one_line(monkeypatch, tmp_path, text, message):
    path = tmp_path / "cn.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(SUPPLEMENT_ENV, str(path))
    with pytest.raises(InputError) as caught:
        CN.standstill(date(2026, 12, 24))
    assert len(caught.value.problems) == 1
    assert message in str(caught.value.problems[0].rule) + str(caught.value)


def test_a_missing_file_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv(SUPPLEMENT_ENV, str(tmp_path / "none.yaml"))
    with pytest.raises(InputError) as caught:
        CN.standstill(date(2026, 12, 24))
    assert caught.value.problems[0].rule == "cannot read the holiday arrangement file ({env})"
