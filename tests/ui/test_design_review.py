"""The design review page through AppTest: the form, the summary, not-stated rows, bad values."""

from __future__ import annotations

from pathlib import Path

from procurement.ui.nav import ROLE_PAGES
from tests.ui.conftest import shown, texts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "design"


def _submit(at):
    next(b for b in at.get("form_submit_button") if b.label == "Review the design").click().run()
    assert not at.exception, at.exception
    return at


def _set(at, **values):
    for name, value in values.items():
        widget = next(w for kind in ("selectbox", "number_input", "text_input", "multiselect")
                      for w in getattr(at, kind)
                      if w.key in (f"design_{name}", f"design_{name}_en", f"design_{name}_zh"))
        widget.set_value(value)


def test_the_page_is_offered_to_leads_and_approvers():
    assert ROLE_PAGES["lead"].index("design_review") == ROLE_PAGES["lead"].index("new_procurement") + 1
    assert "design_review" in ROLE_PAGES["approver"]
    assert "design_review" not in ROLE_PAGES["evaluator"]


def test_a_lead_fills_in_the_form_and_sees_the_summary(app):
    at = app("li.na", page="design_review")
    assert "Design review" in texts(at)
    _set(at, title="Harbourside smart parking", reference="HC-2026-017", commissioning="city_wide",
         specifies="outcomes", service_levels=4, initial_term_years=3.0, max_term_years=5.0,
         break_clause=True, interoperability_required=True, open_standards="APDS, DATEX II",
         data_owner="city", open_data_terms="free", lots=2,
         sme_measures=["sme_price_deduction"])
    _submit(at)
    assert at.metric[0].value == "6 of 16 rows smart"
    said = texts(at)
    assert "the design does not say (commissioning)" not in said
    assert "6.6.3 c) publish the procurement pipeline" in said
    assert at.dataframe[0].value.shape[0] == 16
    assert len(at.get("download_button")) == 3


def test_an_empty_row_is_not_stated_and_rated_traditional(app):
    at = app("li.na", page="design_review")
    _set(at, title="Only a title")
    _submit(at)
    assert at.metric[0].value == "0 of 16 rows smart"
    table = at.dataframe[0].value
    assert "the design does not say (commissioning)" in set(table.iloc[:, 3])


def test_a_bad_value_shows_an_error_not_a_crash(app):
    at = app("li.na", page="design_review")
    _set(at, title="Short then long", initial_term_years=5.0, max_term_years=3.0)
    _submit(at)
    errors = [shown(e.value) for e in at.error]
    assert errors == ["the form, field max_term_years: must not be shorter than the initial "
                      "term (5 years)"]
    assert not at.metric


def test_a_missing_title_is_refused(app):
    at = app("zhou.min", page="design_review")
    _submit(at)
    assert [shown(e.value) for e in at.error] == [
        "the form, field title: required field is missing"]


def test_the_review_appears_in_chinese(app):
    at = app("li.na", lang="zh", page="design_review")
    _set(at, title="港湾市智慧停车平台")
    # Outside a script run the test cannot format choices in Chinese: choose by position.
    at.selectbox(key="design_commissioning_zh").select_index(3)  # not stated, …, city_wide
    next(b for b in at.get("form_submit_button")).click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "委托服务策略" in set(table.iloc[:, 1])
    said = texts(at)
    assert "6.6.3 b) 避免供应商固化" in said
    assert "（2 共同利益平台的预算、6 联合采购）" in said  # row 1 is smart, so not listed


def _record(at):
    next(b for b in at.get("form_submit_button") if b.label == "Record this review").click().run()
    assert not at.exception, at.exception
    return at


def test_a_lead_records_the_review_in_the_portfolio_for_a_procurement(app, city):
    from procurement.services import design_reviews

    at = app("li.na", page="design_review")
    _set(at, title="Parking <b>v2</b> *draft*", reference="HC-2026-017")
    _submit(at)
    box = at.selectbox(key="design_record_procurement_en")
    assert box.options[0] == "none" and any("HC-2026-017" in o for o in box.options[1:])
    box.select_index(next(i for i, o in enumerate(box.options) if "HC-2026-017" in o))
    _record(at)
    assert "Recorded as review 4 of HC-2026-017." in [shown(s.value) for s in at.success]
    latest = design_reviews.recorded(city)[0]
    assert (latest.design_key, latest.procurement, latest.title) == (
        "HC-2026-017", "HC-2026-017", "Parking <b>v2</b> *draft*")


def test_an_approver_reviews_but_does_not_record(app):
    at = app("zhou.min", page="design_review")
    _set(at, title="A design")
    _submit(at)
    assert at.metric and not any(b.label == "Record this review"
                                 for b in at.get("form_submit_button"))
