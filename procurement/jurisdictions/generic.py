"""No particular jurisdiction: the toolkit's own defaults, for a buyer whose law is not one of
the others. The standstill is the number of working days the procurement sets (8 unless
changed), counted from the day after approval, weekends only; the buyer checks its own law's
holidays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from procurement.i18n import N_
from procurement.jurisdictions.base import (
    NAME_TITLE_SIGNATURE_DATE,
    Deadline,
    Defaults,
    Jurisdiction,
    Rule,
    Timeline,
    merged,
)
from procurement.jurisdictions.calendar import Calendar, count_working_days
from procurement.vocabulary import Jurisdiction as Code

DEFAULT_STANDSTILL_DAYS = 8
_WEEKENDS = Calendar(N_("weekends only"), "–", lambda _year: {}, range(1, 10_000), strict=False)
STANDSTILL = Rule(N_("the working days the procurement sets, from the day after approval "
                     "(weekends only)"), N_("the procurement's own setting"))


@dataclass(frozen=True)
class Generic(Jurisdiction):
    def calendar(self, region: str | None = None) -> Calendar:
        self.region(region)
        return _WEEKENDS

    def standstill(self, start: date, *, region: str | None = None,
                   electronic: bool = True, days: int | None = None) -> Timeline:
        days = DEFAULT_STANDSTILL_DAYS if days is None else days
        if days == 0:
            end = start
            skipped, worked, warnings = merged([])
        else:
            count = count_working_days(self.calendar(region), start + timedelta(days=1), days)
            end = count.end
            skipped, worked, warnings = merged([count])
        return Timeline(self.code, start, N_("award approved"),
                        (Deadline(N_("end of the standstill period"), end, STANDSTILL),),
                        sign_from=end + timedelta(days=1), skipped=skipped, worked=worked,
                        warnings=warnings)


GENERIC = Generic(
    code=Code.GENERIC,
    name=N_("No particular jurisdiction"),
    law=Rule(N_("the buyer's own procurement rules"), N_("the buyer's own procurement rules")),
    standstill_rule=STANDSTILL,
    defaults=Defaults(currency=None),
    signature=NAME_TITLE_SIGNATURE_DATE,
)
