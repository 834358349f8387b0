"""New procurement: rubric, method, price formula, discount rate, SME deduction and panel,
with the methodology shown as bidders will read it."""

import streamlit as st

from procurement import jurisdictions, labels
from procurement.errors import ProcurementError
from procurement.rubric import Rubric, list_rubrics, load_rubric
from procurement.services import panel, procurements, users
from procurement.ui import context
from procurement.ui.context import lang, t
from procurement.ui.feedback import guarded
from procurement.ui.nav import PAGES
from procurement.ui.signin import require_actor
from procurement.ui.widgets import choose, show_methodology
from procurement.vocabulary import Jurisdiction, Method, PriceFormula

DRAFT = "rubric_draft"  # set by the rubrics page

who = require_actor()
db = context.database()
st.title(t("New procurement"))
if who.role != "lead":
    st.error(t("Only procurement leads create procurements."), icon=":material/block:")
    st.stop()

shipped = {i.id: (i.title_zh if lang() == "zh" else i.title_en) for i in list_rubrics()}
draft = st.session_state.get(DRAFT)
choices = ([f"draft:{draft['id']}"] if draft else []) + list(shipped)
left, right = st.columns([1, 1])
with left:
    rubric_choice = choose(
        t("Rubric"), choices, key="new_rubric",
        format_func=lambda c: t("Your edited copy: {id}", id=c[6:]) if c.startswith("draft:")
        else f"{shipped[c]} ({c})")
    rubric = Rubric.model_validate(draft) if rubric_choice.startswith("draft:") else \
        load_rubric(rubric_choice)
    defaults = rubric.defaults
    suggested = (jurisdictions.of_rubric_profile(rubric.profile).code if rubric.profile
                 else Jurisdiction.GENERIC)
    jurisdiction = choose(t("Jurisdiction (whose law applies)"), list(Jurisdiction),
                          default=suggested, format_func=lambda j: t(labels.JURISDICTIONS[j]),
                          key=f"new_jurisdiction_{rubric.id}")
    law_sme = jurisdictions.get(jurisdiction).defaults.sme_deduction
    method = choose(t("Method"), list(Method), default=defaults.method,
                    format_func=lambda m: t(labels.METHODS[m]), key=f"new_method_{rubric.id}")
    formula = choose(t("Price formula"), list(PriceFormula), default=defaults.price_formula,
                     format_func=lambda f: t(labels.PRICE_FORMULAS[f]),
                     key=f"new_formula_{rubric.id}")
    benchmark = st.number_input(t("Published benchmark cost"), min_value=0.0, value=0.0,
                                key="new_benchmark", disabled=formula != "benchmark")
    rate = st.number_input(t("Discount rate for the total cost of ownership"), min_value=0.0,
                           max_value=0.99, value=defaults.discount_rate, step=0.005,
                           format="%.3f", key="new_rate")
    sme = st.number_input(t("SME price deduction"), min_value=0.0, max_value=0.99,
                          value=law_sme[0] if law_sme else defaults.sme_deduction, step=0.01,
                          format="%.2f", key=f"new_sme_{jurisdiction}")
    publish_bids = st.checkbox(
        t("Publish each bid after the award"), value=False, key="new_publish_bids",
        help=t("The award's open data then lists every bid: the bidder, whether it stayed in "
               "the evaluation, and its price. Bidders read this in the methodology before "
               "they bid; without it only the bid statistics are published."))
with right:
    with st.form("new_procurement"):
        reference = st.text_input(t("Reference"), placeholder="HC-2027-001")
        title = st.text_input(t("Title"))
        buyer = st.text_input(t("Buyer"))
        buyer_id = st.text_input(t("Buyer identifier (e.g. org-id)"))
        description = st.text_area(t("What the city wants to achieve (outcomes, not technology)"))
        lots_text = st.text_area(t("Lots, one per line as id: title (optional)"))
        law = jurisdictions.get(jurisdiction)
        region: str | None = None
        if law.regions:
            region = choose(t("Whose holidays count"), list(law.regions),
                            format_func=lambda r: f"{r} — {t(law.calendar(r).name)}",
                            key=f"new_region_{law.code}")
        if law.code is Jurisdiction.GENERIC:
            standstill: int | None = int(st.number_input(
                t("Standstill period (working days)"), min_value=0, max_value=60, value=8))
        else:
            standstill = None
            st.caption(t("Standstill: {rule}", rule=law.standstill_rule.render(lang())))
        evaluators = {u.username: u.display_name for u in users.list_users(db)
                      if u.role == "evaluator"}
        chosen = st.multiselect(t("Evaluation panel"), list(evaluators),
                                format_func=lambda u: f"{evaluators[u]} ({u})",
                                placeholder=t("Choose options"))
        created = st.form_submit_button(t("Create the procurement"), type="primary",
                                        icon=":material/add_circle:")
    if created:
        with guarded():
            lots = []
            for line in lots_text.splitlines():
                if line.strip():
                    lot_id, _, lot_title = line.partition(":")
                    lots.append({"id": lot_id.strip(), "title": lot_title.strip()})
            detail = procurements.create_procurement(
                db, who, reference=reference.strip(), title=title, buyer_name=buyer,
                buyer_id=buyer_id, description=description, rubric=rubric, lots=lots,
                standstill_days=standstill, jurisdiction=jurisdiction, region=region,
                method=method, price_formula=formula,
                benchmark_price=benchmark or None, discount_rate=rate, sme_deduction=sme,
                publish_bids=publish_bids)
            for username in chosen:
                panel.assign_evaluator(db, who, detail.id, username)
            context.select_procurement(detail.id)
            st.session_state.pop(DRAFT, None)
            st.switch_page(PAGES["procurement"][0])

st.subheader(t("The methodology as bidders will read it"))
try:
    from procurement.api import scoring_options

    options = scoring_options(rubric, method=method, price_formula=formula,
                              benchmark_price=benchmark or None, discount_rate=rate,
                              sme_deduction=sme, publish_bids=publish_bids)
    show_methodology(rubric, options, jurisdiction)
except ProcurementError as exc:
    st.warning(exc.render(lang()), icon=":material/warning:")
