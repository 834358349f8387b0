"""What a procurement team's first week of use found, page by page (issue 9): each a test
through Streamlit's AppTest on a copy of the demo city."""

from __future__ import annotations

from datetime import date

from procurement.services import (
    award,
    bids,
    clock,
    lifecycle,
    moderation,
    pipeline,
    procurements,
    users,
)
from procurement.ui.nav import SECTIONS
from tests.ui.conftest import key, shown, texts

PARKING, PORTAL = 1, 2


def _button(at, label):
    return next(b for b in at.button if shown(b.label) == label)


def _lead(city):
    return users.get_actor(city, "li.na")


def _recommend(city):
    award.recommend(city, _lead(city), PARKING, note="best long-term value")


# --- documents: a prepared file belongs to one procurement, kind, language and record -------

def test_prepared_summaries_are_never_offered_for_another_procurement_or_language(app, city):
    _recommend(city)
    at = app("li.na", page="documents")
    _button(at, "Prepare: Assessment summaries").click().run()
    offered = [d.label for d in at.get("download_button")]
    assert "Download HC-2026-017-assessment-summaries.en.zip" in offered
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    assert not [d for d in at.get("download_button") if "assessment-summaries" in d.label]
    at.selectbox(key=key("picker")).set_value(PARKING).run()
    assert [d for d in at.get("download_button") if "assessment-summaries.en" in d.label]
    at.session_state["documents_lang"] = "zh"
    at.run()
    assert not [d for d in at.get("download_button") if "assessment-summaries" in d.label]


def test_a_prepared_file_goes_stale_when_the_record_changes(app, city):
    _recommend(city)
    at = app("li.na", page="documents")
    _button(at, "Prepare: Evaluation report").click().run()
    assert [d for d in at.get("download_button") if "evaluation-report" in d.label]
    award.return_recommendation(city, users.get_actor(city, "zhou.min"), PARKING, "check SP-04")
    at.run()
    assert not [d for d in at.get("download_button") if "evaluation-report" in d.label]


# --- results ---------------------------------------------------------------------------------

def test_results_show_the_resolution_not_a_request_to_explain(app):
    at = app("li.na", page="results")
    said = texts(at)
    assert "every flagged bid's resolution is recorded" in said
    assert "bid(s) have an abnormally low cost and need an explanation" not in said
    ranking = at.dataframe[0].value
    disqualified = ranking[ranking["Status"] == "disqualified"]
    assert list(disqualified["Rank"]) == ["–"] and list(disqualified["Total"]) == ["–"]
    assert "None" not in ranking.to_string()
    assert all(cost.startswith("CN¥") for cost in ranking["Evaluated cost"])


def test_what_if_weights_survive_a_page_change_and_reset(app):
    at = app("li.na", page="results")
    tco = next(s for s in at.slider if s.key.endswith("_tco"))
    tco.set_value(90.0).run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/results.py").run()
    assert next(s for s in at.slider if s.key.endswith("_tco")).value == 90.0
    _button(at, "Reset to the published weights").click().run()
    assert next(s for s in at.slider if s.key.endswith("_tco")).value == 25.0


# --- award -----------------------------------------------------------------------------------

def test_an_empty_recommendation_is_refused_on_the_page(app, city):
    at = app("li.na", page="award")
    at.get("form_submit_button")[0].click().run()
    assert "state why the recommended bid offers the best long-term value" in texts(at)
    assert procurements.get_procurement(city, _lead(city), PARKING).status == "moderation"


def test_award_is_offered_only_after_the_standstill_then_confirmed(app, city, monkeypatch):
    _recommend(city)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 1))
    award.approve(city, users.get_actor(city, "zhou.min"), PARKING)
    at = app("li.na", page="award")
    button = _button(at, "Award the contract")
    assert button.disabled
    assert "the contract may be awarded from 12 December 2026" in texts(at)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 12))
    at.run()
    _button(at, "Award the contract").click().run()
    assert "The contract is awarded." in texts(at)
    assert procurements.get_procurement(city, _lead(city), PARKING).status == "awarded"


def test_the_return_and_the_note_both_stay_on_the_page(app, city):
    _recommend(city)
    approver = app("zhou.min", page="award")
    approver.text_area(key="return_reason_0").set_value("Check SP-04's sensor reuse")
    approver.get("form_submit_button")[0].click().run()
    assert "Returned to moderation, with your reason." in texts(approver)
    lead = app("li.na", page="award")
    said = texts(lead)
    assert "best long-term value" in said and "Check SP-04's sensor reuse" in said


# --- moderation ------------------------------------------------------------------------------

def test_an_out_of_scale_consensus_is_refused_with_a_message(app, city):
    at = app("li.na", page="moderate")
    at.number_input[0].set_value(9.0)
    at.text_area[0].set_value("typo")
    at.get("form_submit_button")[0].click().run()
    assert "9 is outside the scale 0–4" in texts(at)


def test_replacing_a_flag_resolution_is_explicit(app, city):
    at = app("li.na", page="moderate")
    assert "A resolution is recorded already" in texts(at)
    assert "Replace the resolution" in [b.label for b in at.get("form_submit_button")]
    at.text_area(key="resolve_text_0").set_value("Explanation verified on site")
    next(b for b in at.get("form_submit_button") if b.label == "Replace the resolution").click()
    at.run()
    assert "Resolution replaced." in texts(at)
    (resolution,) = moderation.flag_resolutions(city, _lead(city), PARKING)
    assert (resolution.resolution, resolution.version) == ("Explanation verified on site", 2)


# --- pipeline --------------------------------------------------------------------------------

def test_a_published_entry_offers_no_delete(app, city):
    from procurement.pipeline.publish import PublishOptions

    pipeline.publish_database(city, city_site(city), PublishOptions("ocds-hc2027", "ocds",
                                                                        publisher="Harbourside City"),
                              clock.now(), _lead(city))
    at = app("li.na", page="pipeline")
    entry = at.selectbox(key=key("pipeline_chosen"))
    entry.set_value(entry.options[1]).run()
    assert not [b for b in at.button if shown(b.label).startswith("Delete")]
    assert "has been published: it can be withdrawn" in texts(at)


def city_site(city):
    from pathlib import Path

    return Path(city.url.removeprefix("sqlite+pysqlite:///")).parent / "site"


def test_errors_name_the_uploaded_file_and_the_form_field(app):
    at = app("li.na", page="pipeline")
    at.get("file_uploader")[0].set_value(("my-plans.csv", b"id,title\n,No id\n", "text/csv"))
    at.run()
    _button(at, "Import").click().run()
    errors = " ".join(shown(e.value) for e in at.error)
    assert "my-plans.csv" in errors and "/tmp" not in errors
    inputs = {w.label: w for w in at.text_input}
    inputs["Registered OCDS prefix"].set_value("nope")
    at.button(key="FormSubmitter:pipeline_publish-Publish the pipeline").click().run()
    errors = " ".join(shown(e.value) for e in at.error)
    assert errors.startswith("Registered OCDS prefix: must be") and "--ocid-prefix" not in errors


# --- procurement, new procurement, rubrics, bids ---------------------------------------------

def test_lots_are_checked_on_the_page(app, city):
    at = app("li.na", page="new_procurement")
    at.text_input[0].set_value("HC-2027-009")
    at.text_input[1].set_value("Lots")
    at.text_input[2].set_value("Harbourside City")
    at.text_area[1].set_value("L1: North\nL2 South")
    at.get("form_submit_button")[0].click().run()
    assert "lot 2: an id uses letters" in texts(at)
    assert "HC-2027-009" not in [p.reference for p in procurements.list_procurements(city)]


def test_contract_terms_are_read_only_once_open_and_cancelling_asks_to_confirm(app, city):
    at = app("li.na", page="procurement")
    assert all(n.disabled for n in at.number_input)  # HC-2026-017 is in moderation
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    assert not any(n.disabled for n in at.number_input)  # a draft's terms can change
    at.text_area(key=None)
    reason = next(a for a in at.text_area if a.label == "Reason for cancelling")
    reason.set_value("Budget moved to 2028")
    next(b for b in at.get("form_submit_button") if b.label == "Cancel the procurement").click()
    at.run()
    assert "tick the box to confirm the cancellation" in texts(at)
    assert procurements.get_procurement(city, _lead(city), PORTAL).status == "draft"
    next(c for c in at.checkbox if c.label == "Yes, cancel HC-2026-021").check()
    next(b for b in at.get("form_submit_button") if b.label == "Cancel the procurement").click()
    at.run()
    assert procurements.get_procurement(city, _lead(city), PORTAL).status == "cancelled"


def test_the_clone_id_follows_the_rubric_it_starts_from(app):
    at = app("li.na", page="rubrics")
    at.session_state["_rubrics_tab"] = "edit"
    at.run()
    assert next(i for i in at.text_input if i.label == "Id of the copy").value == (
        "iso37106-smart-copy")
    at.selectbox(key=key("rubric_source")).set_value("cn-goods").run()
    assert next(i for i in at.text_input if i.label == "Id of the copy").value == "cn-goods-copy"


def test_price_envelopes_show_amounts_with_the_currency_never_none(app):
    at = app("li.na", page="bids")
    envelopes = at.dataframe[-1].value
    assert "None" not in envelopes.to_string()
    assert envelopes.loc[envelopes["Bid"] == "SP-02", "Capital cost"].item() == "CN¥16,500,000.00"


def test_the_bids_preview_counts_problems_not_rows(app, city):
    lifecycle.open_for_bids(city, _lead(city), PORTAL)
    at = app("li.na", page="bids")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    csv = (b"bid_id,supplier,sme,accepts_data_terms,open_standards_compliant,capex,"
           b"opex_per_year,term_years,exit_cost\n"
           b"P-1,,maybe,perhaps,yes,-1,x,0,5000\n")
    at.get("file_uploader")[0].set_value(("bids.csv", csv, "text/csv"))
    at.run()
    said = texts(at)
    assert "in 1 row(s)" in said
    count = int(said.split(" problem(s) in 1 row(s)")[0].rsplit("\n", 1)[-1])
    assert count >= 5
    preview = at.dataframe[0].value
    assert preview.iloc[0]["Errors"] == str(count)
    assert "None" not in preview.to_string()


# --- language, navigation, hints ---------------------------------------------------------------

def test_a_change_of_language_keeps_the_chosen_procurement(app):
    at = app("li.na", page="procurement")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    at.session_state["lang"] = "zh"
    at.run()
    picker = at.selectbox(key=key("picker", "zh"))
    assert picker.value == PORTAL and picker.options[1].endswith("(草稿)")
    assert "HC-2026-021 · Open data portal modernisation" in texts(at)


def test_the_lead_sees_the_navigation_in_sections_by_stage():
    titles = [title for title, _ in SECTIONS]
    assert titles == ["", "Plan", "Evaluate", "Award and record", "City"]
    assert [p for _, pages in SECTIONS for p in pages].count("results") == 1


def test_an_approver_in_moderation_is_told_why_there_is_nothing_to_do(app):
    at = app("zhou.min", page="procurement")
    assert "Nothing for you to do yet: you approve once the lead recommends the award" in (
        texts(at))
    home = app("zhou.min")
    assert "Next step" in home.dataframe[0].value.columns


def test_bids_received_are_shown_in_the_edit_table_whatever_the_language(app, city):
    lead = _lead(city)
    lifecycle.open_for_bids(city, lead, PORTAL)
    bids.add_bids(city, lead, PORTAL, [{"bid_id": "P-1", "supplier": "**Bold** Ltd",
                                        "accepts_data_terms": "yes",
                                        "open_standards_compliant": "yes", "capex": "1",
                                        "opex_per_year": "1", "term_years": "1",
                                        "exit_cost": "1"}])
    at = app("li.na", page="bids")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception and at.selectbox(key=key("picker", "zh")).value == PORTAL
    assert "收到的投标" in texts(at)


def test_a_copys_edits_survive_a_change_of_language(app):
    from procurement.rubric import load_rubric

    at = app("li.na", page="rubrics")
    at.session_state["_rubrics_tab"] = "edit"
    at.run()
    tco = [c.id for c in load_rubric("iso37106-smart").criteria].index("tco")
    at.session_state["rubric_editor_iso37106-smart"] = {
        "edited_rows": {tco: {"weight": 50}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Total cost of ownership (including exit costs) 40.0 %" in texts(at)
    at.session_state["lang"] = "zh"
    at.run()
    assert "所有权的全部成本（包括退出成本） 40.0 %" in texts(at)
