"""UK1 (Procurement Act 2023 s.93) and 采购意向 (财库〔2020〕10号) rules, as a published
pipeline applies them."""

from datetime import date

from procurement.jurisdictions.uk import REQUIRED, VOLUNTARY, financial_year_start, window_end
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.profiles import ProfileCheck


def entry(**fields: object) -> PipelineEntry:
    return PipelineEntry.model_validate({"id": "E1", "title": "T", "buyer": "B", **fields})


def test_the_financial_year_and_the_18_month_window():
    assert financial_year_start(date(2026, 3, 31)) == date(2025, 4, 1)
    assert financial_year_start(date(2026, 4, 1)) == date(2026, 4, 1)
    assert window_end(date(2026, 4, 1)) == date(2027, 10, 1)


def test_uk1_counts_what_s93_requires_and_warns_when_late():
    # s.93(3): "within the period of 56 days beginning with the first day of the financial
    # year": 1 April is day 1, 26 May day 56.
    check = ProfileCheck("uk1", date(2026, 5, 26))
    check.start("--profile")
    assert check.warnings == []
    big = {"estimated_value": "2000001", "currency": "GBP"}
    check.entry(entry(expected_tender_date="2027-09-30", **big), "p.csv", 2)  # inside window
    check.entry(entry(expected_tender_date="2027-10-01", **big), "p.csv", 3)  # after it
    check.entry(entry(expected_tender_date="2027-01-01", estimated_value="2000000",
                      currency="GBP"), "p.csv", 4)  # not over £2m
    assert check.counts == {REQUIRED: 1, VOLUNTARY: 2} and check.errors == []
    late = ProfileCheck("uk1", date(2026, 5, 27))
    late.start("--profile")
    assert [w.render("en") for w in late.warnings] == [
        "--profile: Procurement Act 2023 s.93: the pipeline notice for the year from 2026-04-01 "
        "was due by 2026-05-26; publishing it now is late"]


def test_uk1_needs_a_value_in_pounds_and_a_tender_date():
    check = ProfileCheck("uk1", date(2026, 4, 10))
    check.entry(entry(estimated_value="5", currency="EUR"), "p.csv", 2)
    check.entry(entry(estimated_value="5", currency="GBP"), "p.csv", 3)
    check.entry(entry(), "p.csv", 4)
    check.entry(entry(status="withdrawn"), "p.csv", 5)  # withdrawn: nothing to state
    assert [(p.row, p.column) for p in check.errors] == [
        (2, "currency"), (3, "expected_tender_date"), (4, "estimated_value")]


def test_cn_warns_when_the_procurement_starts_within_30_days():
    check = ProfileCheck("cn", date(2026, 11, 26))
    ok = {"estimated_value": "1000000", "currency": "CNY", "description": "照明服务"}
    check.entry(entry(expected_tender_date="2026-12-26", **ok), "p.csv", 2)  # 30 days: fine
    check.entry(entry(expected_tender_date="2026-12-25", **ok), "p.csv", 3)  # 29 days
    assert [(w.row, w.column) for w in check.warnings] == [(3, "expected_tender_date")]
    check.entry(entry(expected_tender_date="2027-03-01", estimated_value="5", currency="USD",
                      description="照明服务"), "p.csv", 4)
    check.entry(entry(expected_tender_date="2027-03-01"), "p.csv", 5)
    assert [(p.row, p.column) for p in check.errors] == [(4, "currency"), (5, "estimated_value")]


def test_cn_needs_a_summary_of_the_needs_and_points_out_one_without_chinese():
    """财库〔2020〕10号: an intention states its 采购需求概况; suppliers read it in Chinese."""
    check = ProfileCheck("cn", date(2026, 11, 26))
    ok = {"estimated_value": "1000000", "currency": "CNY", "expected_tender_date": "2027-03-01"}
    check.entry(entry(**ok), "p.csv", 2)
    check.entry(entry(description="Street lighting as a service", **ok), "p.csv", 3)
    check.entry(entry(description="以服务方式采购照明 (lighting)", **ok), "p.csv", 4)
    assert [(p.row, p.column) for p in check.errors] == [(2, "description")]
    assert [(w.row, w.column) for w in check.warnings] == [(3, "description")]
