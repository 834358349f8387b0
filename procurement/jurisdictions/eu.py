"""The European Union: Directive 2014/24/EU and the Remedies Directive (89/665/EEC as amended
by Directive 2007/66/EC), as a member state's law transposes them.

- Standstill, Remedies Directive art. 2a(2): the contract may not be concluded before at least
  10 calendar days from the day following the date on which the award decision was sent by
  electronic means (fax included), or 15 calendar days when sent by other means.
- Time limits, Regulation (EEC, Euratom) No 1182/71 (Directive 2014/24 recital 106): a period
  in days starts on the day after the event (art. 3(1)) and, when its last day is a public
  holiday, a Saturday or a Sunday, ends with the following working day (art. 3(4)). The
  public holidays are those of the member state chosen; with none chosen, weekends only.
- Evaluation: the most economically advantageous tender (Directive 2014/24 art. 67).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from procurement.i18n import N_
from procurement.jurisdictions.base import (
    NAME_TITLE_SIGNATURE_DATE,
    Deadline,
    Defaults,
    Jurisdiction,
    Letters,
    Limits,
    Rule,
    Timeline,
    merged,
)
from procurement.jurisdictions.calendar import Calendar, from_package, next_working_day
from procurement.vocabulary import ContractKind
from procurement.vocabulary import Jurisdiction as Code

ELECTRONIC_DAYS, OTHER_DAYS = 10, 15  # Remedies Directive art. 2a(2)
# Regulation (EU) 2023/2854 (Data Act) art. 29: reduced, cost-based switching charges until
# this day; no switching charges from it.
NO_SWITCHING_CHARGES_FROM = date(2027, 1, 12)
MEMBER_STATES = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
                 "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
                 "SK")
NO_STATE = "weekends"
YEARS = range(1995, 2100)  # the package's rules; a member state's special days are its own

ELECTRONIC = Rule(N_("at least 10 calendar days from the day after the award decision is "
                     "sent by electronic means"),
                  N_("Directive 89/665/EEC art. 2a(2), as amended by Directive 2007/66/EC"))
OTHER = Rule(N_("at least 15 calendar days from the day after the award decision is sent by "
                "other means"),
             N_("Directive 89/665/EEC art. 2a(2), as amended by Directive 2007/66/EC"))
LAST_DAY = Rule(N_("a period whose last day is a public holiday, a Saturday or a Sunday ends "
                   "with the next working day"),
                N_("Regulation (EEC, Euratom) No 1182/71 art. 3(4)"))


@cache
def _calendar(state: str) -> Calendar:
    import holidays

    if state == NO_STATE:
        return Calendar(N_("weekends only (no member state chosen)"), "–",
                        lambda _year: {}, YEARS, strict=False)
    return Calendar(N_("public holidays of the member state chosen"), f"holidays ({state})",
                    from_package(lambda year: dict(holidays.country_holidays(state, years=year))),
                    YEARS, strict=False)


@dataclass(frozen=True)
class EuropeanUnion(Jurisdiction):
    def calendar(self, region: str | None = None) -> Calendar:
        return _calendar(self.region(region) or NO_STATE)

    def switching_charges(self, today: date) -> str:
        if today >= NO_SWITCHING_CHARGES_FROM:
            return N_("No switching charges apply (Data Act art. 29).")
        return N_("Until 12 January 2027 switching charges may not exceed the Supplier's direct "
                  "costs of switching; from that day no switching charges apply (Data Act "
                  "art. 29).")

    def standstill(self, start: date, *, region: str | None = None,
                   electronic: bool = True, days: int | None = None) -> Timeline:
        rule = ELECTRONIC if electronic else OTHER
        last = start + timedelta(days=ELECTRONIC_DAYS if electronic else OTHER_DAYS)
        moved = next_working_day(self.calendar(region), last)
        skipped, worked, warnings = merged([moved])
        deadlines = [Deadline(N_("end of the standstill period"), last, rule)]
        if moved.end != last:
            deadlines.append(Deadline(N_("end of the standstill period, moved off a rest day"),
                                      moved.end, LAST_DAY))
        return Timeline(self.code, start, N_("award decision sent to the tenderers"),
                        tuple(deadlines), sign_from=moved.end + timedelta(days=1),
                        skipped=skipped, worked=worked, warnings=warnings)


EU = EuropeanUnion(
    code=Code.EU, name=N_("European Union (Directive 2014/24/EU)"),
    law=Rule(N_("Directive 2014/24/EU on public procurement and the Remedies Directive"),
             N_("Directive 2014/24/EU")),
    standstill_rule=ELECTRONIC,
    defaults=Defaults(currency="EUR", evaluation=N_(
        "most economically advantageous tender (Directive 2014/24/EU art. 67)")),
    regions=(NO_STATE, *MEMBER_STATES),
    buyer_schemes=("XI-LEI", "BE-BCE_KBO", "DK-CVR", "FR-RCS", "IE-CRO", "NL-KVK"),
    data_protection_law=N_("Regulation (EU) 2016/679 (GDPR)"),
    signature=NAME_TITLE_SIGNATURE_DATE,
    modifications=Limits(
        per_change={ContractKind.GOODS: 0.10, ContractKind.SERVICES: 0.10,
                    ContractKind.WORKS: 0.15},
        per_change_rule=Rule(N_("changes below 10 % (goods, services) or 15 % (works) of the "
                                "initial value, judged on their net cumulative value"),
                             N_("Directive 2014/24/EU art. 72(2)")),
        total=0.50,
        total_rule=Rule(N_("a price increase of at most 50 % of the original contract value"),
                        N_("Directive 2014/24/EU art. 72(1)(b) and (c)")),
        cumulative=True),
    letters=Letters(
        basis=Rule(N_("This letter gives the reasons for the award decision: how your tender "
                      "was assessed and the relative advantages of the tender selected."),
                   N_("Directive 2014/24/EU art. 55(2); Directive 89/665/EEC art. 2a(2)")),
        challenge=Rule(N_("You may ask {body} to review the decision and may apply to the review "
                          "body; the contract will not be concluded before the standstill period "
                          "ends on {date}."),
                       N_("Directive 89/665/EEC arts. 1(3) and 2a"))),
)
