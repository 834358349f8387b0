"""Working days as a jurisdiction's law counts them: weekends, public holidays and, in China,
the weekends the State Council makes working days (调休补班).

A calendar knows which years its data covers. A day outside them is never silently treated
as a plain weekday: a strict calendar (China, whose arrangement is announced each year)
refuses it; a rule-based one (the UK's bank holidays follow fixed rules, except for days
proclaimed specially) answers with a warning that the result rests on those rules alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from procurement.errors import ProcurementError
from procurement.i18n import N_

SATURDAY = 5

# Holiday names as the data packages spell them, as message ids (translated in the catalog).
HOLIDAY_NAMES = (
    N_("New Year's Day"), N_("Spring Festival"), N_("Tomb-sweeping Day"), N_("Labour Day"),
    N_("Dragon Boat Festival"), N_("National Day"), N_("Mid-autumn Festival"),
    N_("Anti-Fascist 70th Day"), N_("Good Friday"), N_("Easter Monday"), N_("May Day"),
    N_("Spring Bank Holiday"), N_("Late Summer Bank Holiday"), N_("Summer Bank Holiday"),
    N_("Christmas Day"), N_("Boxing Day"), N_("New Year Holiday"), N_("St. Andrew's Day"),
    N_("St. Patrick's Day"), N_("Battle of the Boyne"), N_("Saint Patrick's Day"),
    N_("Battle of the Boyne (Orangemen's Day)"), N_("Bank holiday"),
    N_("working day in place of a holiday (调休补班)"),
)
OBSERVED = N_("{holiday} (substitute day)")


@dataclass(frozen=True)
class DayOff:
    """A day a count passed over (a holiday) or counted although it falls on a weekend (a
    补班 day); ``name`` is a message id, ``observed`` marks a substitute day."""

    day: date
    name: str
    observed: bool = False


@dataclass(frozen=True)
class Calendar:
    """One jurisdiction's working days. ``holidays(year)`` gives the year's holidays by
    name, ``workdays(year)`` the weekends that are working days; ``years`` the years the
    data covers; ``strict``: a day outside them is refused (else warned about)."""

    name: str  # message id, e.g. "England and Wales bank holidays"
    source: str  # where the data comes from, cited in every answer
    holidays: Callable[[int], dict[date, DayOff]]
    years: range
    strict: bool
    workdays: Callable[[int], frozenset[date]] = field(default=lambda _year: frozenset())

    def covers(self, day: date) -> bool:
        return day.year in self.years

    def check(self, day: date) -> None:
        """Refuse a day a strict calendar has no data for."""
        if self.strict and not self.covers(day):
            raise ProcurementError(N_(
                "the working-day calendar ({calendar}) has no data for {year}: it covers "
                "{first}–{last}; {year}'s holidays and adjusted working days are not known yet "
                "(update the toolkit once they are published)"),
                calendar=self.name, year=day.year, first=self.years.start,
                last=self.years.stop - 1)

    def holiday(self, day: date) -> DayOff | None:
        self.check(day)  # a rule-based calendar still answers, by its rules, beyond its years
        return self.holidays(day.year).get(day)

    def adjusted_workday(self, day: date) -> bool:
        return self.covers(day) and day in self.workdays(day.year)

    def is_working_day(self, day: date) -> bool:
        if self.adjusted_workday(day):
            return True
        return day.weekday() < SATURDAY and self.holiday(day) is None


@dataclass(frozen=True)
class Count:
    """The result of counting working days: the last day counted, the holidays passed over
    and the weekends counted as working days, and whether data was missing for a year."""

    end: date
    skipped: tuple[DayOff, ...]
    worked: tuple[DayOff, ...]
    beyond_data: tuple[int, ...] = ()


def _days(first: date) -> Iterator[date]:
    day = first
    while True:
        yield day
        day += timedelta(days=1)


def count_working_days(calendar: Calendar, first: date, days: int) -> Count:
    """The ``days``-th working day counting ``first`` as the first day that may count (so
    "N working days beginning with D" is ``count_working_days(c, D, N)`` and "N working days
    after D" is ``count_working_days(c, D + 1 day, N)``)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    skipped: list[DayOff] = []
    worked: list[DayOff] = []
    beyond: set[int] = set()
    remaining = days
    for day in _days(first):
        if not calendar.covers(day):
            calendar.check(day)  # raises for a strict calendar
            beyond.add(day.year)
        off = calendar.holiday(day)
        if calendar.adjusted_workday(day):
            worked.append(DayOff(day, N_("working day in place of a holiday (调休补班)")))
            remaining -= 1
        elif off is not None:
            skipped.append(off)
        elif day.weekday() < SATURDAY:
            remaining -= 1
        if remaining == 0:
            return Count(day, tuple(skipped), tuple(worked), tuple(sorted(beyond)))
    raise AssertionError("unreachable")  # pragma: no cover


def next_working_day(calendar: Calendar, day: date) -> Count:
    """The first working day on or after ``day`` (a period whose last day is a rest day
    ends on the next working day)."""
    return count_working_days(calendar, day, 1)


def from_package(holidays_of: Callable[[int], dict[date, str]]
                 ) -> Callable[[int], dict[date, DayOff]]:
    """Holidays by year from a data package's ``{date: name}``, names made message ids and
    substitute days ("… (observed)") marked, cached per year."""

    @cache
    def year(number: int) -> dict[date, DayOff]:
        days: dict[date, DayOff] = {}
        for day, name in sorted(holidays_of(number).items()):
            observed = "(observed)" in name
            base = name.replace(" (observed)", "").strip()
            days[day] = DayOff(day, base, observed)
        return days

    return year
