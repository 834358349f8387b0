"""Working days for standstill periods."""

from datetime import date

import pytest

from procurement.calendar import add_working_days


def test_weekends_are_skipped_and_the_start_day_does_not_count():
    thursday = date(2026, 11, 26)
    assert add_working_days(thursday, 1) == date(2026, 11, 27)
    assert add_working_days(thursday, 2) == date(2026, 11, 30)  # over the weekend
    assert add_working_days(thursday, 8) == date(2026, 12, 8)
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # from a Saturday


def test_holidays_are_skipped():
    assert add_working_days(date(2026, 12, 24), 1, {date(2026, 12, 25)}) == date(2026, 12, 28)


def test_zero_and_negative():
    assert add_working_days(date(2026, 1, 1), 0) == date(2026, 1, 1)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)
