"""Every page through Streamlit's AppTest: the happy path and each permission refusal."""

from __future__ import annotations

from procurement.services import (
    bids,
    lifecycle,
    moderation,
    panel,
    procurements,
    scoring,
    users,
)
from procurement.ui.nav import ROLE_PAGES
from tests.ui.conftest import key, shown, texts

PARKING, PORTAL = 1, 2


def _button(at, label):
    return next(b for b in at.button if b.label == label)


# --- sign-in, navigation and language ------------------------------------------------------

def test_sign_in_with_a_wrong_then_a_right_password(app):
    at = app()
    at.text_input(key="sign_in_username").set_value("li.na")
    at.text_input(key="sign_in_password").set_value("wrong password!")
    at.get("form_submit_button")[-1].click().run()
    assert "wrong user name or password" in texts(at)
    assert "actor" not in at.session_state
    at.text_input(key="sign_in_password").set_value("harbourside-2026")
    at.get("form_submit_button")[-1].click().run()
    assert not at.exception
    assert "Welcome, Li Na 李娜" in texts(at)


def test_an_empty_database_offers_the_demo_and_a_first_account(app, city, tmp_path, monkeypatch):
    monkeypatch.setenv("PROCUREMENT_DB", str(tmp_path / "empty.sqlite"))
    at = app()
    assert "This database has no users yet." in texts(at)
    _button(at, "Load the demo city (Harbourside smart parking)").click().run()
    assert not at.exception and "Demo loaded." in texts(at)


def test_navigation_is_filtered_by_role():
    assert "score" in ROLE_PAGES["evaluator"] and "results" not in ROLE_PAGES["evaluator"]
    assert "bids" not in ROLE_PAGES["approver"] and "moderate" not in ROLE_PAGES["approver"]
    assert set(ROLE_PAGES["observer"]) == {"home", "procurement", "pipeline", "award",
                                           "contract", "documents", "audit", "rubrics",
                                           "city_joint", "city_indicators"}
    assert "pipeline" not in ROLE_PAGES["evaluator"]
    assert "new_procurement" in ROLE_PAGES["lead"]


def test_the_whole_app_switches_to_chinese(app):
    at = app("li.na", lang="zh")
    assert "欢迎，Li Na 李娜" in texts(at) and "我的待办" in texts(at)
    at = app("li.na", lang="zh", page="results")
    assert "评审结果" in texts(at)


# --- home --------------------------------------------------------------------------------

def test_home_lists_tasks_and_procurements(app):
    at = app("li.na")
    labels = [b.label for b in at.button]
    assert any(shown(label).startswith("Moderate and recommend the award — HC-2026-017")
               for label in labels)
    # The signals contract's November is not measured yet (issue 15): a task, to its page.
    measure = next(b for b in at.button if shown(b.label).startswith(
        "Record last month's KPI measurements — HC-2025-009"))
    assert at.dataframe[0].value.shape[0] == 3
    measure.click().run()
    assert not at.exception and "Key performance indicators" in [tab.label for tab in at.tabs]
    evaluator = app("li.wei")
    assert "You have nothing to do at the moment." in texts(evaluator)


# --- procurement, new procurement, rubrics ------------------------------------------------

def test_the_lead_opens_the_tender_from_the_procurement_page(app, city):
    at = app("li.na", page="procurement")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    _button(at, "Open the tender for bids").click().run()
    assert not at.exception
    assert procurements.get_procurement(city, users.get_actor(city, "li.na"), PORTAL).status == "open"


def test_others_see_the_procurement_but_cannot_move_it(app):
    at = app("zhou.min", page="procurement")
    assert "Published methodology" in texts(at)
    assert not [b for b in at.button if b.label.startswith("Open the")]


def test_new_procurement(app, city):
    at = app("li.na", page="new_procurement")
    form_inputs = at.text_input
    form_inputs[0].set_value("HC-2027-001")
    form_inputs[1].set_value("Street lighting as a service · 路灯即服务")
    form_inputs[2].set_value("Harbourside City")
    at.multiselect[0].set_value(["chen.fang"])
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    created = [p for p in procurements.list_procurements(city) if p.reference == "HC-2027-001"]
    assert created and created[0].status == "draft"
    detail = procurements.get_procurement(city, users.get_actor(city, "li.na"), created[0].id)
    assert [m.username for m in detail.panel] == ["chen.fang"]


def test_new_procurement_refuses_a_missing_title_and_non_leads(app):
    at = app("li.na", page="new_procurement")
    at.text_input[0].set_value("HC-2027-002")
    at.get("form_submit_button")[0].click().run()
    assert "a procurement needs a title and a buyer" in texts(at) and not at.exception
    approver = app("zhou.min")
    try:
        approver.switch_page("app_pages/new_procurement.py")
    except ValueError:
        return  # the page is not in an approver's navigation at all
    raise AssertionError("an approver was offered the new-procurement page")


def test_rubric_clone_validates_live(app):
    at = app("li.na", page="rubrics")
    assert "ISO 37106 smart procurement rubric" in texts(at)
    at.session_state["_rubrics_tab"] = "edit"  # the browser test clicks the tab
    at.run()
    at.selectbox(key=key("rubric_source")).set_value("cn-goods").run()
    assert "Valid." in texts(at)
    from procurement.rubric import load_rubric

    price_row = [c.kind.value for c in load_rubric("cn-goods").criteria].index("cost")
    at.session_state["rubric_editor_cn-goods"] = {
        "edited_rows": {price_row: {"weight": 500}}, "added_rows": [],
        "deleted_rows": []}
    at.run()
    assert "profile cn-goods allows a price weight of 30–60 %" in texts(at)


# --- bids ----------------------------------------------------------------------------------

CSV = (b"Bid,Company,sme,accepts_data_terms,open_standards_compliant,capex,opex_per_year,"
       b"term_years,exit_cost\nP-1,Alpha,no,yes,yes,100000,20000,3,5000\n"
       b"P-2,Beta,yes,yes,maybe,100000,20000,3,5000\n")


def _open_portal(city):
    lead = users.get_actor(city, "li.na")
    lifecycle.open_for_bids(city, lead, PORTAL)
    return lead


def _portal_in_quality_evaluation(city) -> None:
    """The portal tender with one bid, its quality evaluation begun."""
    lead = _open_portal(city)
    bids.add_bids(city, lead, PORTAL, [{"bid_id": "P-1", "supplier": "Alpha",
                                        "accepts_data_terms": "yes",
                                        "open_standards_compliant": "yes", "capex": "1",
                                        "opex_per_year": "1", "term_years": "1",
                                        "exit_cost": "1"}])
    lifecycle.start_quality_evaluation(city, lead, PORTAL)


def test_bid_import_maps_columns_and_shows_row_errors_before_importing(app, city):
    _open_portal(city)
    at = app("li.na", page="bids")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    at.get("file_uploader")[0].set_value(("bids.csv", CSV, "text/csv"))
    at.run()
    at.selectbox(key="map_bid_id").set_value("bid").run()
    at.selectbox(key="map_supplier").set_value("company").run()
    preview = at.dataframe[0].value
    errors = list(preview["Errors"])
    assert errors[0] == "✓" and errors[1] == "1"
    assert "1 problem(s) in 1 row(s)" in texts(at)
    assert "Row 3" in texts(at) and "'maybe' is not a yes/no answer" in texts(at)
    assert not [b for b in at.button if b.label.startswith("Import")]
    fixed = CSV.replace(b"maybe", b"yes")
    at.get("file_uploader")[0].set_value(("bids.csv", fixed, "text/csv"))
    at.run()
    _button(at, "Import 2 bids").click().run()
    assert not at.exception
    assert [b.bid_ref for b in bids.list_bids(city, users.get_actor(city, "li.na"), PORTAL)] == [
        "P-1", "P-2"]
    assert "Sealed until quality scoring is closed" in texts(at)


def test_price_envelopes_show_once_quality_is_closed(app):
    at = app("li.na", page="bids")
    assert "SP-02" in at.dataframe[-1].value.to_string()
    assert "CN¥16,500,000.00" in list(at.dataframe[-1].value["Capital cost"])


# --- scoring --------------------------------------------------------------------------------

def test_an_evaluator_declares_then_scores(app, city):
    _portal_in_quality_evaluation(city)
    at = app("sarah.jones", page="score")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    assert "Declare your conflicts of interest" in texts(at)
    at.radio(key=key("coi_choice")).set_value("none")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception and "0 of 9 scores saved" in str(at.get("progress")[0].proto)
    at.radio(key=key("score_P-1_outcome_focus")).set_value(3)
    at.text_area(key="rationale_P-1_outcome_focus").set_value("KPIs with baselines, §3")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    mine = scoring.my_scores(city, users.get_actor(city, "sarah.jones"), PORTAL)
    assert [(s.criterion, s.score, s.rationale) for s in mine] == [
        ("outcome_focus", 3.0, "KPIs with baselines, §3")]


def test_a_score_without_rationale_is_refused_on_the_page(app, city):
    _portal_in_quality_evaluation(city)
    panel.declare_interests(city, users.get_actor(city, "sarah.jones"), PORTAL, conflict=False)
    at = app("sarah.jones", page="score")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    at.radio(key=key("score_P-1_open_data")).set_value(2)
    at.get("form_submit_button")[0].click().run()
    assert "a rationale is required" in texts(at) and not at.exception


def test_a_score_saved_elsewhere_meanwhile_is_not_overwritten(app, city):
    """The version a save is checked against is the one the form was drawn with, not the one
    the submit's rerun reads (a lost update the scale-out browser test found)."""
    _portal_in_quality_evaluation(city)
    evaluator = users.get_actor(city, "sarah.jones")
    panel.declare_interests(city, evaluator, PORTAL, conflict=False)
    at = app("sarah.jones", page="score")
    at.selectbox(key=key("picker")).set_value(PORTAL).run()
    scoring.submit_score(city, evaluator, PORTAL, "P-1", "outcome_focus", 1.0,
                         "saved in another window", expected_version=None)
    at.radio(key=key("score_P-1_outcome_focus")).set_value(3)
    at.text_area(key="rationale_P-1_outcome_focus").set_value("typed in this one")
    at.get("form_submit_button")[0].click().run()
    assert "Outcome focus: this score was saved elsewhere while you filled in the form" in \
        texts(at) and not at.exception
    assert at.text_area(key="rationale_P-1_outcome_focus").value == "typed in this one"
    (stored,) = scoring.my_scores(city, evaluator, PORTAL)
    assert (stored.score, stored.rationale, stored.version) == (1.0, "saved in another window", 1)
    # Told, the evaluator may save again on purpose: now over the version shown.
    at.get("form_submit_button")[0].click().run()
    (stored,) = scoring.my_scores(city, evaluator, PORTAL)
    assert (stored.score, stored.rationale, stored.version) == (3.0, "typed in this one", 2)


def test_a_conflicted_evaluator_sees_no_bid(app):
    at = app("wang.lei", page="score")
    assert "You declared a conflict of interest" in texts(at)
    assert not at.radio


# --- moderation, results, award, audit --------------------------------------------------

def test_the_lead_moderates(app, city):
    at = app("li.na", page="moderate")
    assert "Scores to moderate" in texts(at)
    at.selectbox(key=key("moderate_cell")).set_value(("SP-01", "exit_plan")).run()
    assert "Sarah Jones: 0" in texts(at)
    at.number_input[0].set_value(1.0)
    at.text_area[0].set_value("Agreed at the moderation meeting: partial exit plan")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    views = moderation.consensus_scores(city, users.get_actor(city, "li.na"), PARKING)
    assert ("SP-01", "exit_plan", 1.0) in [(c.bid_ref, c.criterion, c.score) for c in views]


def test_someone_elses_procurements_are_not_offered_to_moderate(app, city):
    users.add_user(city, "other.lead", "Other", "lead", password="long enough pass")
    at = app("other.lead", page="moderate")
    assert "No procurement is at this step for you." in texts(at)


def test_results_and_what_if(app):
    at = app("li.na", page="results")
    ranking = at.dataframe[0].value
    assert list(ranking["Bid"])[:2] == ["SP-02", "SP-03"]
    assert "Abnormally low cost" in texts(at)
    whatif = next(d for d in at.dataframe if "Published rank" in d.value.columns)
    assert next(iter(whatif.value["Bid"])) == "SP-02"
    for slider in at.slider:
        slider.set_value(100.0 if slider.key.endswith("_tco") else 0.0)
    at.run()
    whatif = next(d for d in at.dataframe if "Published rank" in d.value.columns)
    assert next(iter(whatif.value["Bid"])) == "SP-04"  # the cheapest wins on cost alone
    assert next(iter(whatif.value["Change"])) == "▲"
    labels = [d.label for d in at.get("download_button")]
    assert labels == ["Results (XLSX)", "Results (CSV)"]


def test_approvers_see_results_observers_do_not(app):
    assert "SP-02" in app("zhou.min", page="results").dataframe[0].value.to_string()
    assert "results" not in ROLE_PAGES["observer"]


def test_recommend_then_approve(app, city):
    at = app("li.na", page="award")
    at.text_area[0].set_value("Best long-term value: open data and low exit cost")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert procurements.get_procurement(city, users.get_actor(city, "li.na"),
                                        PARKING).status == "award_recommended"
    observer = app("audit.office", page="award")
    assert "Recommended by" not in texts(observer)
    approver = app("zhou.min", page="award")
    _button(approver, "Approve the recommendation").click().run()
    assert not approver.exception
    assert "The standstill period ends on" in texts(approver)


def test_the_lead_cannot_approve(app, city):
    from procurement.services import award

    award.recommend(city, users.get_actor(city, "li.na"), PARKING, note="best value")
    at = app("li.na", page="award")
    assert not [b for b in at.button if b.label == "Approve the recommendation"]


def test_audit_log_filters_and_verifies(app):
    at = app("audit.office", page="audit")
    _button(at, "Verify the chain").click().run()
    assert "The chain is intact" in texts(at)
    at.text_input(key="audit_filter").set_value("consensus").run()
    rows = at.dataframe[0].value
    assert len(rows) == 1 and list(rows["Action"]) == ["Consensus score set"]
    # The audit office may not read the scores before the award: nor in the log.
    assert list(rows["After"]) == ["(withheld)"]


def test_evaluators_cannot_read_the_audit_log(app, city):
    from procurement.services import audit_log
    from procurement.services.errors import PermissionDenied

    assert "audit" not in ROLE_PAGES["evaluator"]
    try:
        audit_log.procurement_log(city, users.get_actor(city, "li.wei"), PARKING)
    except PermissionDenied:
        return
    raise AssertionError("an evaluator read the audit log")


# --- identity-provider sign-in -------------------------------------------------------------

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "procure", "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration"}


def _oidc_app(email: str):
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "iss": "https://idp.city.example", "sub": "sub-42",
               "email": email}
    at.run()
    return at


def test_an_identity_provider_sign_in_maps_to_the_account_and_role(app, city):
    at = _oidc_app("li.wei@harbourside.example")
    assert not at.exception
    assert "Welcome, Li Wei 李伟" in texts(at)
    assert at.session_state["actor"].role == "evaluator"


def test_an_unknown_identity_is_refused(app, city):
    at = _oidc_app("stranger@elsewhere.example")
    assert "no account for this sign-in" in texts(at)
    assert "actor" not in at.session_state


def test_the_sign_in_page_offers_the_identity_provider_when_configured(app, city):
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    assert "Sign in with your organisation's account" in [b.label for b in at.button]


# --- documents --------------------------------------------------------------------------

def test_documents_are_prepared_and_offered_for_download(app, city):
    from procurement.services import award

    award.recommend(city, users.get_actor(city, "li.na"), PARKING, note="best value")
    at = app("li.na", page="documents")
    _button(at, "Prepare: Evaluation report").click().run()
    assert not at.exception
    assert "Download HC-2026-017-evaluation-report.en.docx" in [
        d.label for d in at.get("download_button")]
    _button(at, "Prepare: Assessment summaries").click().run()
    assert not at.exception
    assert "Download HC-2026-017-assessment-summaries.en.zip" in [
        d.label for d in at.get("download_button")]
    # The award dossier (issue 14): offered once made, with the head it proves; it verifies.
    _button(at, "Prepare: Award dossier").click().run()
    assert not at.exception
    assert len([d for d in at.get("download_button")
                if d.label == "Download HC-2026-017-dossier.zip"]) == 1
    assert "Audit chain head: " in texts(at)


def test_the_lead_releases_the_reasons_the_letters_give(app, city):
    """Issue 14: the letters give released reasons, never the evaluators' notes: the lead
    edits them on the Documents page (approvers read them); the table says what is missing."""
    from procurement.services import reasons

    at = app("li.na", page="documents")
    assert "Reasons the letters give (88 missing)" in [e.label for e in at.expander]
    release = _button(at, "Release the changed reasons")
    assert release.disabled  # nothing changed yet
    # The first row is SP-01's first criterion; a cell edited as the browser would send it.
    at.session_state["reasons_1"] = {"edited_rows": {0: {"en": "Typed <b>reason</b>."}},
                                     "added_rows": [], "deleted_rows": []}
    at.run()
    _button(at, "Release the changed reasons").click().run()
    assert not at.exception
    released = reasons.released_reasons(city, users.get_actor(city, "li.na"), PARKING)
    assert [(r.bid_ref, r.criterion, r.en, r.zh) for r in released] == [
        ("SP-01", "outcome_focus", "Typed <b>reason</b>.", None)]
    assert "Reasons the letters give (87 missing)" in [e.label for e in at.expander]
    approver = app("zhou.min", page="documents")
    assert not [b for b in approver.button if b.label == "Release the changed reasons"]


# --- contract ---------------------------------------------------------------------------

def test_the_contract_page_rates_every_month_and_records_one(app, city):
    """Issue 15: the awarded signals contract a year on — its KPIs, the months rated, the
    one service credit — and the lead records November's delay (a contract manager may too;
    an observer reads it)."""
    at = app("li.na", page="contract")
    assert not at.exception
    shown_text = texts(at)
    assert "Average peak-hour delay at 60 junctions (s)" in str(at.dataframe[0].value)
    # The KPIs' chart and the benefits' chart (planned against realised).
    assert "Service credits" in shown_text and len(at.get("vega_lite_chart")) == 2
    credits = at.dataframe[1].value
    assert list(credits.iloc[:, 0]) == ["2026-02"]
    at.text_input[0].set_value("2026-11")
    at.number_input[0].set_value(33.2)
    at.text_input[1].set_value("Monthly junction delay report")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert "Recorded KPI 1 for 2026-11: Good." in texts(at)
    observer = app("audit.office", page="contract")
    assert not observer.exception and not observer.get("form_submit_button")
    chinese = app("li.na", lang="zh", page="contract")
    assert "需要改进" in str(chinese.dataframe[0].value) or "良好" in str(chinese.dataframe[0].value)


def test_the_contract_page_records_a_payment_a_benefit_and_a_modification(app, city):
    """Issue 15: the benefits tab shows the evaluation's confidence score beside what was
    delivered; the lead records a payment, a benefit's measurement and a modification past
    the law's 10 % (GPL art. 49: refused with the rule); a contract manager records but does
    not change the contract."""
    from procurement.services import contracts

    at = app("li.na", page="contract")
    shown_text = texts(at)
    assert "3 of 4" in [m.value for m in at.metric]  # confidence in delivering the benefits
    benefits = at.dataframe[2].value.to_string()
    assert "Head of Traffic Management" in benefits and "75%" in benefits
    assert "Annual review 1" in at.dataframe[3].value.to_string()
    assert "Paid " in shown_text
    at.number_input(key="payment_amount").set_value(137500.0)
    at.text_input(key="payment_description").set_value("<b>Monthly charge 2026-11</b>")
    next(b for b in at.get("form_submit_button") if b.label == "Record the payment").click().run()
    assert not at.exception and "Payment recorded." in texts(at)
    assert "<b>Monthly charge 2026-11</b>" in at.dataframe[4].value.to_string()  # plain text
    at.number_input(key="benefit_value").set_value(21.0)
    at.text_input(key="benefit_evidence").set_value("Traffic model run")
    next(b for b in at.get("form_submit_button")
         if b.label == "Record the benefit measurement").click().run()
    assert not at.exception and "Benefit 1: " in texts(at)
    at.number_input(key="modification_value").set_value(2_000_000.0)
    at.text_area(key="modification_rationale").set_value("Forty more junctions")
    next(b for b in at.get("form_submit_button")
         if b.label == "Record the modification").click().run()
    assert not at.exception and "art. 49" in texts(at)
    (signed,) = contracts.contracts_of(city, contracts_actor(city), 3)
    assert len(signed.modifications) == 1 and len(signed.payments) == 14
    chinese = app("li.na", lang="zh", page="contract")
    assert not chinese.exception and "记录付款" in [b.label for b in chinese.get("form_submit_button")]
    users.add_user(city, "cm", "Contract Manager", "contract_manager",
                   password="contract manager pass 1")
    manager = app("cm", page="contract")
    labels_ = [b.label for b in manager.get("form_submit_button")]
    assert "Record the payment" in labels_ and "Record the modification" not in labels_


def contracts_actor(city):
    return users.get_actor(city, "li.na")


def test_the_record_stays_closed_to_observers_until_the_award(app):
    at = app("audit.office", page="documents")
    # Only what the observer may have is offered; the rest says why not, and when.
    assert not [b for b in at.button if b.label == "Prepare: Evaluation report"]
    assert "Not yet: the evaluation record is for the lead and approvers" in texts(at)
    _button(at, "Prepare: Clause pack").click().run()
    assert not at.exception
    assert "Download HC-2026-017-clause-pack.en.docx" in [d.label for d in at.get("download_button")]
