"""National rules for a published pipeline.

``uk1``: Procurement Act 2023 s.93 — a contracting authority that expects to spend more than
£100m in a financial year publishes, within 56 days of its start (1 April), a pipeline notice
listing the public contracts over £2m whose tender or transparency notice it expects to
publish in the 18 months from that 1 April (Find a Tender notice type UK1).

``cn``: 《财政部关于开展政府采购意向公开工作的通知》（财库〔2020〕10号）— 采购意向 (project name,
needs, budget in 万元, expected month) published no later than 30 days before the
procurement starts.

A rule the data breaks is an error on its row and column; a rule only the calendar breaks
(publishing late) is a warning, because refusing to publish would not help suppliers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from procurement.errors import Problem
from procurement.i18n import N_
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.releases import Profile

UK_THRESHOLD = Decimal(2_000_000)  # s.93(2): "estimated value of more than £2 million"
UK_NOTICE_DAYS = 56  # s.93(3)
UK_WINDOW_MONTHS = 18  # s.93(2)
CN_NOTICE_DAYS = 30  # 财库〔2020〕10号: 不得晚于采购活动开始前30日


def financial_year_start(day: date) -> date:
    start = date(day.year, 4, 1)
    return start if day >= start else date(day.year - 1, 4, 1)


def window_end(year_start: date) -> date:
    """The day after the 18 months that start on 1 April (so 1 October of the next year)."""
    month = year_start.month - 1 + UK_WINDOW_MONTHS
    return date(year_start.year + month // 12, month % 12 + 1, year_start.day)


@dataclass
class ProfileCheck:
    """Applies one profile's rules to each entry as it streams past."""

    profile: Profile
    today: date
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    required: int = 0  # uk1: notices s.93 requires
    voluntary: int = 0  # uk1: notices listed beyond what s.93 requires

    def start(self, file: str) -> None:
        if self.profile == "uk1":
            year = financial_year_start(self.today)
            deadline = year + timedelta(days=UK_NOTICE_DAYS)
            if self.today > deadline:
                self.warnings.append(Problem(file, N_(
                    "Procurement Act 2023 s.93: the pipeline notice for the year from {start} "
                    "was due by {deadline}; publishing it now is late"),
                    params={"start": year.isoformat(), "deadline": deadline.isoformat()}))

    def entry(self, entry: PipelineEntry, file: str, row: int | None) -> None:
        if entry.status == "withdrawn":
            return
        if self.profile == "uk1":
            self._uk1(entry, file, row)
        elif self.profile == "cn":
            self._cn(entry, file, row)

    def _problem(self, file: str, row: int | None, column: str, msgid: str,
                 **params: object) -> Problem:
        if row is None:
            return Problem(file, msgid, field=column, params=dict(params))
        return Problem(file, msgid, row=row, column=column, params=dict(params))

    def _uk1(self, entry: PipelineEntry, file: str, row: int | None) -> None:
        if entry.estimated_value is None:
            self.errors.append(self._problem(file, row, "estimated_value", N_(
                "a UK1 pipeline notice states each contract's estimated value")))
            return
        if entry.currency != "GBP":
            self.errors.append(self._problem(file, row, "currency", N_(
                "a UK1 pipeline notice states values in GBP (the s.93 threshold is £2m)")))
            return
        if entry.expected_tender_date is None:
            self.errors.append(self._problem(file, row, "expected_tender_date", N_(
                "a UK1 pipeline notice states when the tender notice is expected")))
            return
        year = financial_year_start(self.today)
        in_window = year <= entry.expected_tender_date < window_end(year)
        if entry.estimated_value > UK_THRESHOLD and in_window:
            self.required += 1
        else:
            self.voluntary += 1
        if entry.expected_tender_date < self.today:
            self.warnings.append(self._problem(file, row, "expected_tender_date", N_(
                "the expected tender date {date} has passed; update or withdraw the entry"),
                date=entry.expected_tender_date.isoformat()))

    def _cn(self, entry: PipelineEntry, file: str, row: int | None) -> None:
        for column in ("estimated_value", "expected_tender_date"):
            if getattr(entry, column) is None:
                self.errors.append(self._problem(file, row, column, N_(
                    "采购意向 states the budget and the expected procurement month")))
                return
        if entry.currency != "CNY":
            self.errors.append(self._problem(file, row, "currency", N_(
                "采购意向 states budgets in 万元: the currency must be CNY")))
            return
        assert entry.expected_tender_date is not None
        earliest = self.today + timedelta(days=CN_NOTICE_DAYS)
        if entry.expected_tender_date < earliest:
            self.warnings.append(self._problem(file, row, "expected_tender_date", N_(
                "采购意向 should be public at least 30 days before the procurement starts: "
                "{date} is less than 30 days away"), date=entry.expected_tender_date.isoformat()))
