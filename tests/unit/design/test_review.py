"""Design review: Table 3 as shipped, each row's rule at its boundaries, not-stated rows, the
summary and the view."""

from pathlib import Path

import pytest

from procurement.design import (
    ProcurementDesign,
    load_design,
    load_table3,
    markdown_report,
    rate,
    review,
    review_view,
)
from procurement.design import rules as r
from procurement.design.table3 import TABLE3_FILE, parse_table3
from procurement.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "design"
META = {"title", "reference", "buyer", "currency"}

# A design that is smart on every row.
ALL_SMART = dict(
    title="All smart", commissioning="city_wide", shared_platform_budget="standing_fund",
    specifies="outcomes", service_levels=3, market_engagement="iterative",
    pipeline_notice_months_ahead=6, joint_procurement="across_cities",
    delivery_model="partnership", award_basis="long_term_value", estimated_exit_cost=0,
    it_bought_as="service", initial_term_years=3, max_term_years=5, break_clause=True,
    solution_architecture="shared_components", interoperability_required=True,
    open_standards=["NGSI-LD"], data_owner="city", open_data_terms="frand",
    collaboration_incentives="shared_benefits", lots=2, sme_measures=["prompt_payment"],
    supplier_ecosystem="innovation_programme")


def _level(verdict: r.Verdict) -> str:
    return verdict.level


# --- Table 3 -------------------------------------------------------------------------------

def test_table3_has_sixteen_bilingual_rows_each_with_a_recommendation():
    table = load_table3()
    assert [row.row for row in table.rows] == list(range(1, 17))
    for row in table.rows:
        for text in (row.name, row.traditional, row.smart):
            assert text.en.strip() and text.zh.strip()
        recommendation = table.recommendation(row.row)
        assert recommendation.ref.en.startswith("6.6.3 ")
        assert recommendation.ref.zh.startswith("6.6.3 ")
        assert recommendation.text.en.strip() and recommendation.text.zh.strip()
    assert table.row(8).smart.zh.startswith("采购决定主要着眼于金钱的长期价值")
    assert table.row(13).traditional.zh == "重要的城市数据不能公开，因为这些数据归供应商所有"


def test_table3_refuses_missing_rows_unknown_recommendations_and_unknown_fields():
    shipped = TABLE3_FILE.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="Table 3 must list rows 1 to 16 in order"):
        parse_table3(shipped.replace("  - row: 16", "  - row: 15").encode(), "t.yaml")
    with pytest.raises(InputError, match="undefined recommendations: ecosystm"):
        parse_table3(shipped.replace("recommendation: ecosystem", "recommendation: ecosystm")
                     .encode(), "t.yaml")
    with pytest.raises(InputError, match=r"field rows\[0\]\.name\.fr: unknown field"):
        parse_table3(shipped.replace("zh: 委托服务策略}", "zh: 委托服务策略, fr: x}", 1).encode(),
                     "t.yaml")


def test_every_row_has_a_rule_and_every_design_field_is_read():
    assert sorted(r.RULES) == list(range(1, 17))
    read = {name for rule in r.RULES.values() for name in (*rule.fields, *rule.optional)}
    assert read | META == set(ProcurementDesign.model_fields)


# --- each row's rule at its boundaries -----------------------------------------------------

@pytest.mark.parametrize(("function", "value", "level"), [
    (r.commissioning, "single_unit", "traditional"), (r.commissioning, "several_units", "transition"),
    (r.commissioning, "city_wide", "smart"),
    (r.shared_platform_budget, "none", "traditional"),
    (r.shared_platform_budget, "project_pooled", "transition"),
    (r.shared_platform_budget, "standing_fund", "smart"),
    (r.market_engagement, "none", "traditional"), (r.market_engagement, "once", "transition"),
    (r.market_engagement, "iterative", "smart"),
    (r.joint_procurement, "none", "traditional"), (r.joint_procurement, "within_city", "transition"),
    (r.joint_procurement, "across_cities", "smart"),
    (r.delivery_model, "buyer_supplier", "traditional"),
    (r.delivery_model, "outcome_based", "transition"), (r.delivery_model, "partnership", "smart"),
    (r.it_model, "capital", "traditional"), (r.it_model, "mixed", "transition"),
    (r.it_model, "service", "smart"),
    (r.solution_architecture, "bespoke_vertical", "traditional"),
    (r.solution_architecture, "mixed", "transition"),
    (r.solution_architecture, "shared_components", "smart"),
    (r.collaboration, "none", "traditional"), (r.collaboration, "cooperation_duty", "transition"),
    (r.collaboration, "shared_benefits", "smart"),
    (r.supplier_ecosystem, "none", "traditional"),
    (r.supplier_ecosystem, "occasional_events", "transition"),
    (r.supplier_ecosystem, "innovation_programme", "smart"),
])
def test_rows_rated_by_one_choice(function, value, level):
    assert _level(function(value)) == level


@pytest.mark.parametrize(("specifies", "levels", "level"), [
    ("technology", 5, "traditional"), ("mixed", 5, "transition"),
    ("outcomes", 0, "transition"), ("outcomes", 1, "smart"),
])
def test_row_3_outcomes_need_a_measurable_service_level(specifies, levels, level):
    assert _level(r.specification(specifies, levels)) == level


@pytest.mark.parametrize(("months", "level"), [(0, "traditional"), (1, "transition"),
                                               (5, "transition"), (6, "smart"), (24, "smart")])
def test_row_5_pipeline_notice_months(months, level):
    assert _level(r.pipeline(months)) == level


def test_row_8_long_term_value_names_the_exit_cost():
    assert _level(r.award_basis("lowest_price", 0, None)) == "traditional"
    assert _level(r.award_basis("price_quality", 1e6, "CNY")) == "transition"
    verdict = r.award_basis("long_term_value", 800_000, "CNY")
    assert verdict.level == "smart" and verdict.params == {"cost": "800,000 CNY"}
    assert r.award_basis("long_term_value", 0, None).params == {"cost": "0"}


@pytest.mark.parametrize(("initial", "maximum", "break_clause", "level"), [
    (5.5, 5.5, False, "traditional"),  # longer than 5 years and no way out
    (5, 10, False, "transition"),  # 5 years is not yet "locked in"
    (8, 10, True, "transition"),  # a break clause is a way out of a long contract
    (3, 5, True, "smart"),
    (3, 5.5, True, "transition"),  # extensions beyond 5 years in all
    (3.5, 4, True, "transition"),  # the initial term is not short
    (3, 3, False, "smart"),  # short, no extension: nothing to break
    (3, 4, False, "transition"),  # extensions without a break clause
    (1, 1, True, "smart"),
])
def test_row_10_contract_term(initial, maximum, break_clause, level):
    assert _level(r.contract_term(initial, maximum, break_clause)) == level


@pytest.mark.parametrize(("required", "standards", "level"), [
    (False, [], "traditional"), (True, [], "transition"), (False, ["ONVIF"], "transition"),
    (True, ["APDS", "DATEX II"], "smart"),
])
def test_row_12_interoperability_needs_a_requirement_and_a_named_standard(required, standards,
                                                                          level):
    assert _level(r.interoperability(required, standards)) == level


@pytest.mark.parametrize(("owner", "terms", "level"), [
    ("supplier", "none", "traditional"), ("city", "none", "transition"),
    ("supplier", "on_request", "transition"), ("city", "on_request", "transition"),
    ("supplier", "frand", "smart"), ("city", "free", "smart"),
])
def test_row_13_open_data_terms(owner, terms, level):
    assert _level(r.city_data(owner, terms)) == level


@pytest.mark.parametrize(("lots", "measures", "level"), [
    (1, [], "traditional"), (2, [], "transition"), (1, ["prompt_payment"], "transition"),
    (2, ["prompt_payment"], "smart"),
])
def test_row_15_lots_and_sme_measures(lots, measures, level):
    assert _level(r.small_suppliers(lots, measures)) == level


# --- not stated ----------------------------------------------------------------------------

def test_a_field_left_out_rates_its_row_traditional_and_says_so():
    rating = rate(ProcurementDesign(title="x"), 10)
    assert rating.level == "traditional" and not rating.stated
    assert rating.missing == ("initial_term_years", "max_term_years", "break_clause")
    assert rating.reason_text("en") == ("the design does not say (initial_term_years, "
                                        "max_term_years, break_clause)")


def test_a_half_stated_row_is_not_stated():
    design = ProcurementDesign(title="x", specifies="outcomes")
    assert rate(design, 3).missing == ("service_levels",)
    assert rate(design, 3).level == "traditional"
    # currency is optional: row 8 is rated without it
    assert rate(ProcurementDesign(title="x", award_basis="long_term_value",
                                  estimated_exit_cost=5), 8).level == "smart"


def test_an_empty_design_is_sixteen_rows_traditional_not_stated():
    view = review_view(review(ProcurementDesign(title="Empty")))
    assert view["summary"] == {
        "smart": 0, "transition": 0, "traditional": 16, "not_stated": 16, "total": 16,
        "text": "0 of 16 rows smart",
        "detail": "0 in transition, 16 traditional, 16 of them because the design does not say"}
    assert all(not row["stated"] for row in view["rows"])


def test_a_fully_smart_design():
    result = review(ProcurementDesign(**ALL_SMART))
    assert [rating.level for rating in result.ratings] == ["smart"] * 16
    view = review_view(result, "en")
    assert view["summary"]["text"] == "16 of 16 rows smart"
    assert "Every row is smart." in markdown_report(view, "en")


# --- the examples and the view ---------------------------------------------------------------

def test_the_examples():
    smart = review(load_design(EXAMPLES / "smart-parking.yaml"))
    assert (smart.count("smart"), smart.count("transition"), smart.not_stated) == (13, 3, 0)
    legacy = review(load_design(EXAMPLES / "legacy-cctv.yaml"))
    assert (legacy.count("smart"), legacy.count("transition"), legacy.count("traditional"),
            legacy.not_stated) == (0, 2, 14, 3)


def test_the_view_in_chinese_takes_table3_texts_in_chinese():
    view = review_view(review(load_design(EXAMPLES / "legacy-cctv.yaml")), "zh")
    row = view["rows"][12]
    assert row["name"] == "城市数据" and row["reference"] == "6.6.3 b) 为所有采购建立公开数据"
    assert row["recommendation"].startswith("为所有采购建立公开数据：")
    assert row["level"] == "traditional"  # codes stay English in every language


def test_the_markdown_report_lists_each_recommendation_once_with_its_rows():
    view = review_view(review(load_design(EXAMPLES / "legacy-cctv.yaml")), "en")
    report = markdown_report(view, "en")
    assert report.startswith("# Design review: Old Town CCTV replacement")
    assert report.count("6.6.3 b) avoid supplier lock-in") == 1
    assert ("- **6.6.3 b) avoid supplier lock-in** (8 Basis of the decision, 10 Contract term, "
            "11 Solution architecture, 12 Interoperability): To avoid supplier lock-in") in report
    assert "| 8 | Basis of the decision | traditional | the design does not say " \
           "(estimated_exit_cost) |" in report
