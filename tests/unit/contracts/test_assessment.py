"""The rules the contract-stage documents print: a period rated by its worst month, a KPI
not measured rated Other, acceptance, and what each jurisdiction's documents cite."""

from datetime import date

import pytest

from procurement import jurisdictions
from procurement.contracts.assessment import Span, assess, milestone_accepted
from procurement.contracts.kpis import ContractKpi
from procurement.vocabulary import Direction, Rating

DELAY = ContractKpi(measure="Delay (s)", unit="s", target=36, direction=Direction.LOWER)
BUSES = ContractKpi(measure="Buses on time (%)", unit="%", target=88, direction=Direction.HIGHER)
YEAR = Span(date(2025, 11, 1), date(2026, 10, 1))


def _measured(*rows: tuple[int, str, float]) -> list[tuple[int, date, float, float, str]]:
    return [(kpi, date(int(month[:4]), int(month[5:]), 1), value, 0.0, "report")
            for kpi, month, value in rows]


def test_a_period_is_rated_by_its_worst_month_and_an_unmeasured_kpi_has_no_rating():
    (delay, buses) = assess({1: DELAY, 2: BUSES}, _measured(
        (1, "2025-12", 35.0), (1, "2026-02", 45.0), (1, "2026-10", 33.0),
        (1, "2026-11", 60.0)), YEAR)  # 2026-11 is after the period
    assert [m.period.month for m in delay.measured] == [12, 2, 10]
    assert delay.rating == Rating.INADEQUATE and delay.worst and delay.worst.value == 45.0
    assert delay.latest and delay.latest.value == 33.0
    assert not delay.accepted
    assert buses.rating is None and not buses.accepted and buses.measured == ()


def test_approaching_target_is_still_accepted():
    (buses,) = assess({2: BUSES}, _measured((2, "2026-01", 86.0), (2, "2026-02", 90.0)), YEAR)
    assert buses.rating == Rating.APPROACHING_TARGET and buses.accepted


def test_a_span_knows_its_months_and_last_day():
    assert YEAR.months == 12 and YEAR.end == date(2026, 10, 31)
    assert date(2026, 10, 31) in YEAR and date(2026, 11, 1) not in YEAR


def test_a_milestone_is_accepted_when_met_by_its_due_date():
    due = date(2026, 2, 1)
    assert milestone_accepted(due, date(2026, 1, 20))
    assert milestone_accepted(due, due)
    assert not milestone_accepted(due, date(2026, 2, 2)) and not milestone_accepted(due, None)


@pytest.mark.parametrize(("code", "issued", "notice", "acceptance"), [
    ("uk", ("performance-notice",), "Procurement Regulations 2024 reg. 39",
     "the contract's own terms"),
    ("cn", ("acceptance",), "after Procurement Regulations 2024 reg. 39",
     "Government Procurement Law art. 41; Cai Ku [2016] No. 205"),
    ("eu", ("performance-notice", "acceptance"), "after Procurement Regulations 2024 reg. 39",
     "the contract's own terms"),
])
def test_each_jurisdiction_says_which_document_its_law_asks_for(code, issued, notice,
                                                                acceptance):
    documents = jurisdictions.get(code).contract_documents
    assert documents.issued == issued
    assert notice in documents.notice.source and documents.acceptance.source == acceptance
