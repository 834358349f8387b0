"""The United Kingdom: the Procurement Act 2023, for England and Wales by default.

- Standstill, s.51(2): "the period of eight working days beginning with the day on which the
  contract award notice is published"; s.51(1): the contract may not be entered into before
  it ends. Working days exclude weekends and bank holidays (Banking and Financial Dealings
  Act 1971, Schedule 1, and days proclaimed under its s.1(3)). The bank holidays
  are those of the part of the UK chosen (England and Wales by default; Scotland, Northern
  Ireland, or those of every part for a buyer who wants to be safe wherever the supplier is).
- Pipeline notice, s.93: within 56 days beginning with the first day of the financial year
  (1 April), so by 26 May; contracts over £2m expected in the 18 months from 1 April.
- Evaluation: most advantageous tender (s.19, s.23); the Procurement Policy Note on social
  value (PPN 002) asks for at least 10 % of the weight on social value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from procurement.i18n import N_
from procurement.jurisdictions.base import (
    GENERIC_CONTRACT_DOCUMENTS,
    NAME_TITLE_SIGNATURE_DATE,
    ContractDocuments,
    Deadline,
    Defaults,
    Jurisdiction,
    Letters,
    Limits,
    RubricRules,
    Rule,
    Timeline,
    merged,
)
from procurement.jurisdictions.calendar import Calendar, count_working_days, from_package
from procurement.jurisdictions.notices import Finding, NoticeRules, PlannedEntry
from procurement.vocabulary import ContractKind, NoticeProfile, RubricProfile
from procurement.vocabulary import Jurisdiction as Code

STANDSTILL_DAYS = 8  # s.51(2)
PIPELINE_NOTICE_DAYS = 56  # s.93(3)
PIPELINE_THRESHOLD = Decimal(2_000_000)  # s.93(2): "estimated value of more than £2 million"
PIPELINE_WINDOW_MONTHS = 18  # s.93(2)
# The years whose bank holidays have been announced (gov.uk publishes about two years
# ahead); later years are computed by the Act's rules, with a warning.
ANNOUNCED = range(1978, 2029)
REGIONS = {"england-wales": ("ENG",), "scotland": ("SCT",), "northern-ireland": ("NIR",),
           "all-uk": ("ENG", "SCT", "NIR")}
REGION_NAMES = {"england-wales": N_("England and Wales bank holidays"),
                "scotland": N_("Scotland bank holidays"),
                "northern-ireland": N_("Northern Ireland bank holidays"),
                "all-uk": N_("bank holidays of every part of the UK")}

STANDSTILL = Rule(N_("8 working days beginning with the day on which the contract award "
                     "notice is published"), N_("Procurement Act 2023 s.51(2)"))
PIPELINE = Rule(N_("the pipeline notice is published within 56 days beginning with the first "
                   "day of the financial year (1 April)"), N_("Procurement Act 2023 s.93(3)"))


# PPN 002 (social value): at least 10 % of the total weight on social value, in the rubric's
# ``social_value`` group.
MOST_ADVANTAGEOUS = RubricRules(
    Rule(N_("at least 10 % of the weight on social value"), N_("Procurement Policy Note 002")),
    group_minimum=("social_value", 0.10))


@cache
def _holidays(region: str) -> Calendar:
    import holidays

    def year(number: int) -> dict[date, str]:
        days: dict[date, str] = {}
        for subdivision in REGIONS[region]:
            for day, name in holidays.country_holidays("GB", subdiv=subdivision,
                                                       years=number).items():
                days.setdefault(day, name)
        return days

    return Calendar(REGION_NAMES[region], "holidays (Banking and Financial Dealings Act 1971)",
                    from_package(year), ANNOUNCED, strict=False)


def pipeline_notice_deadline(year_start: date) -> date:
    """The last day for the UK1 notice: 56 days beginning with 1 April (that day counts)."""
    return year_start + timedelta(days=PIPELINE_NOTICE_DAYS - 1)


def financial_year_start(day: date) -> date:
    start = date(day.year, 4, 1)
    return start if day >= start else date(day.year - 1, 4, 1)


def window_end(year_start: date) -> date:
    """The day after the 18 months that start on 1 April (so 1 October of the next year)."""
    month = year_start.month - 1 + PIPELINE_WINDOW_MONTHS
    return date(year_start.year + month // 12, month % 12 + 1, year_start.day)


REQUIRED = N_("UK1: {count} contracts that s.93 requires")
VOLUNTARY = N_("UK1: {count} listed voluntarily")


class PipelineNotice(NoticeRules):
    """Find a Tender's UK1 pipeline notice (s.93): contracts over £2m whose tender notice is
    expected in the 18 months from 1 April, values in GBP."""

    notice_type = "UK1 pipeline notice (Procurement Act 2023 s.93)"

    def late(self) -> Finding | None:
        year = financial_year_start(self.today)
        deadline = pipeline_notice_deadline(year)
        if self.today <= deadline:
            return None
        return Finding(None, N_("Procurement Act 2023 s.93: the pipeline notice for the year "
                                "from {start} was due by {deadline}; publishing it now is late"),
                       {"start": year.isoformat(), "deadline": deadline.isoformat()}, error=False)

    def entry(self, entry: PlannedEntry) -> list[Finding]:
        if entry.estimated_value is None:
            return [Finding("estimated_value", N_(
                "a UK1 pipeline notice states each contract's estimated value"))]
        if entry.currency != "GBP":
            return [Finding("currency", N_(
                "a UK1 pipeline notice states values in GBP (the s.93 threshold is £2m)"))]
        if entry.expected_tender_date is None:
            return [Finding("expected_tender_date", N_(
                "a UK1 pipeline notice states when the tender notice is expected"))]
        year = financial_year_start(self.today)
        in_window = year <= entry.expected_tender_date < window_end(year)
        self.count(REQUIRED if entry.estimated_value > PIPELINE_THRESHOLD and in_window
                   else VOLUNTARY)
        if entry.expected_tender_date < self.today:
            return [Finding("expected_tender_date", N_(
                "the expected tender date {date} has passed; update or withdraw the entry"),
                {"date": entry.expected_tender_date.isoformat()}, error=False)]
        return []


@dataclass(frozen=True)
class UnitedKingdom(Jurisdiction):
    def calendar(self, region: str | None = None) -> Calendar:
        return _holidays(self.region(region) or "england-wales")

    def standstill(self, start: date, *, region: str | None = None,
                   electronic: bool = True, days: int | None = None) -> Timeline:
        count = count_working_days(self.calendar(region), start, STANDSTILL_DAYS)
        skipped, worked, warnings = merged([count])
        end = Deadline(N_("end of the standstill period"), count.end, STANDSTILL)
        return Timeline(self.code, start, N_("contract award notice published"), (end,),
                        sign_from=count.end + timedelta(days=1), skipped=skipped,
                        worked=worked, warnings=warnings)


UK = UnitedKingdom(
    code=Code.UK, name=N_("United Kingdom (Procurement Act 2023)"),
    law=Rule(N_("Procurement Act 2023 and the Procurement Regulations 2024"),
             N_("Procurement Act 2023")),
    standstill_rule=STANDSTILL,
    defaults=Defaults(currency="GBP", rubric_profiles={RubricProfile.UK_MAT: MOST_ADVANTAGEOUS},
                      notice_profile=NoticeProfile.UK1,
                      evaluation=N_("most advantageous tender (Procurement Act 2023 s.19)")),
    regions=tuple(REGIONS),
    buyer_schemes=("GB-LAE", "GB-LAS", "GB-LANI", "GB-GOR", "GB-COH", "GB-CHC"),
    data_protection_law=N_("the UK GDPR and the Data Protection Act 2018"),
    signature=NAME_TITLE_SIGNATURE_DATE,
    modifications=Limits(
        per_change={ContractKind.GOODS: 0.10, ContractKind.SERVICES: 0.10,
                    ContractKind.WORKS: 0.15},
        per_change_rule=Rule(N_("a below-threshold modification adds less than 10 % (goods, "
                                "services) or 15 % (works) of the contract's value; others "
                                "need a contract change notice"),
                             N_("Procurement Act 2023 ss.74–75")),
        total=0.50,
        total_rule=Rule(N_("additional or unforeseeable changes increase the value by at most "
                           "50 %"), N_("Procurement Act 2023 Sch. 8 paras. 4–5"))),
    # The UK9 contract performance notice: reg. 39(4)(e) asks for this statement.
    contract_documents=ContractDocuments(
        issued=("performance-notice",),
        notice=Rule(N_("This notice sets out the contracting authority's assessment of the "
                       "supplier's performance against the key performance indicators set for "
                       "the contract."),
                    N_("Procurement Act 2023 ss.52 and 71(2)(b); Procurement Regulations 2024 "
                       "reg. 39")),
        acceptance=GENERIC_CONTRACT_DOCUMENTS.acceptance),
    letters=Letters(
        basis=Rule(N_("This assessment summary explains how your tender was assessed against "
                      "the award criteria."),
                   N_("Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 31")),
        challenge=Rule(N_("If you believe the award decision breaches the Procurement Act 2023, "
                          "you may raise it with {body} and may apply to the court; proceedings "
                          "started by the end of the standstill period on {date} keep the "
                          "contract from being entered into."),
                       N_("Procurement Act 2023 ss.100–106"))),
)
