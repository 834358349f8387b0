"""China's working-day calendar: the State Council's holiday arrangement of each year (国务院
办公厅关于部分节假日安排的通知) from the ``chinesecalendar`` package, and the years a city adds
itself once the arrangement is published but before the package has it.

The added years come from the YAML file that ``PROCUREMENT_CN_CALENDAR`` names, copied from
the State Council's notice — every holiday by name and every weekend made a working day
(调休补班); a year is given whole or not at all, and a year the package already has cannot
be changed::

    source: 国办发明电〔2026〕N号
    years:
      2027:
        holidays: {2027-01-01: 元旦, 2027-01-02: 元旦, ...}
        workdays: [2027-02-20, ...]
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from procurement.errors import fail, field_path
from procurement.i18n import N_
from procurement.jurisdictions.calendar import Calendar, DayOff
from procurement.yamlfile import read_mapping

SUPPLEMENT_ENV = "PROCUREMENT_CN_CALENDAR"


class Year(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    holidays: dict[date, str]
    workdays: list[date] = []


class Supplement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    years: dict[int, Year]


@cache
def calendar() -> Calendar:
    from chinese_calendar import constants

    holidays: dict[int, dict[date, DayOff]] = {}
    for day, name in constants.holidays.items():
        holidays.setdefault(day.year, {})[day] = DayOff(day, name)
    workdays: dict[int, frozenset[date]] = {}
    for day in constants.workdays:
        if day.weekday() >= 5:
            workdays[day.year] = workdays.get(day.year, frozenset()) | {day}
    last = max(holidays)
    for year, added in _supplement(last).items():
        holidays[year] = {day: DayOff(day, name) for day, name in added.holidays.items()}
        workdays[year] = frozenset(added.workdays)
        last = max(last, year)
    years = range(min(holidays), last + 1)
    return Calendar(N_("China's holiday arrangement (State Council)"), "chinesecalendar",
                    lambda year: holidays.get(year, {}), years, strict=True,
                    workdays=lambda year: workdays.get(year, frozenset()))


def _supplement(published: int) -> dict[int, Year]:
    """The years the city's file adds after ``published`` (the package's last), checked:
    each date in its own year, the years following on without a gap."""
    path = os.environ.get(SUPPLEMENT_ENV)
    if not path:
        return {}
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise fail(path, N_("cannot read the holiday arrangement file ({env})"),
                   env=SUPPLEMENT_ENV) from exc
    try:
        supplement = Supplement.model_validate(read_mapping(raw, path))
    except ValidationError as exc:
        error = exc.errors()[0]
        raise fail(path, N_("not a holiday arrangement: {where}: {reason}"),
                   where=field_path(error["loc"]), reason=error["msg"]) from exc
    added = {y: v for y, v in sorted(supplement.years.items()) if y > published}
    expected = published + 1
    for year, arrangement in added.items():
        if year != expected:
            raise fail(path, N_("the arrangement of {year} is missing (years must follow "
                                "{published}, the last the package has)"),
                       year=expected, published=published)
        strays = [d for d in [*arrangement.holidays, *arrangement.workdays] if d.year != year]
        if strays:
            raise fail(path, N_("{date} is not in {year}"), date=strays[0].isoformat(),
                       year=year)
        expected += 1
    return added
