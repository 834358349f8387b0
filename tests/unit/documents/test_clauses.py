"""The clause library: valid, sourced, selected by rubric and terms, filled per language."""

import re
from datetime import date

import pytest

from procurement.documents.clauses import (
    included,
    jurisdiction_parameters,
    load_library,
    select_clauses,
)
from procurement.domain.terms import ContractTerms, parse_kpis, parse_list
from procurement.rubric import load_rubric
from procurement.vocabulary import Jurisdiction

LIBRARY = load_library()


def test_every_clause_cites_its_table_3_row_and_6_6_3_item():
    for clause in LIBRARY.clauses:
        refs = [s.ref.en for s in clause.sources if s.document.en == "ISO 37106:2018"]
        assert any(r.startswith("Table 3, row") for r in refs), clause.id
        assert any(r.startswith("6.6.3") for r in refs), clause.id
        assert clause.title.en and clause.title.zh


def test_the_principles_are_in_every_contract():
    always = {c.section for c in LIBRARY.clauses if c.include_when is None}
    assert {"outcomes", "data", "interoperability", "exit"} <= always


@pytest.mark.parametrize("involves_ai", [False, True])
def test_ai_clauses_only_when_the_service_involves_ai(involves_ai):
    rubric = load_rubric("iso37106-smart")
    terms = ContractTerms(involves_ai=involves_ai)
    ai = [c for c in LIBRARY.clauses if c.section == "ai"]
    assert ai and all(included(c, rubric, terms) == involves_ai for c in ai)


def test_criteria_choose_clauses():
    terms = ContractTerms(sme_clauses=False)
    smart, goods = load_rubric("iso37106-smart"), load_rubric("cn-goods")
    innovation = next(c for c in LIBRARY.clauses if c.id == "innovation_plan")
    assert included(innovation, smart, terms) and not included(innovation, goods, terms)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_texts_are_filled_and_numbered(lang):
    rubric = load_rubric("iso37106-smart")
    terms = ContractTerms(open_standards=["DATEX II", "APDS"], exit_plan_months=4,
                          involves_ai=True)
    parameters = terms.parameters("Harbourside City", lang, date(2026, 11, 26))
    sections = select_clauses(LIBRARY, rubric, terms, parameters, lang,
                              jurisdiction=Jurisdiction.GENERIC, today=date(2026, 11, 26))
    text = "\n".join(p for _, clauses in sections for c in clauses for p in c.paragraphs)
    assert "{" not in text and "}" not in text
    assert "DATEX II" in text and "4" in text
    first_title, first_clauses = sections[0]
    assert first_title.startswith("1. ") and first_clauses[0].number == "1.1"
    assert len({c.id for _, clauses in sections for c in clauses}) == len(LIBRARY.clauses)


def test_switching_charges_follow_the_data_act_dates_in_the_eu_only():
    # Regulation (EU) 2023/2854 art. 29: cost-based charges until 12 January 2027, none after.
    before = jurisdiction_parameters(Jurisdiction.EU, "en", date(2026, 11, 26))
    after = jurisdiction_parameters(Jurisdiction.EU, "en", date(2027, 1, 12))
    assert "Until 12 January 2027" in before["switching_charges"]
    assert after["switching_charges"].startswith("No switching charges")
    china = jurisdiction_parameters(Jurisdiction.CN, "zh", date(2026, 11, 26))
    assert "Data Act" not in china["switching_charges"] and "数据法" not in china["switching_charges"]
    assert china["data_protection_law"] == "《中华人民共和国个人信息保护法》"


def _sources(jurisdiction, lang):
    rubric = load_rubric("iso37106-smart")
    terms = ContractTerms(involves_ai=True, sme_clauses=True)
    parameters = terms.parameters("港湾市", lang, date(2026, 11, 26))
    sections = select_clauses(LIBRARY, rubric, terms, parameters, lang,
                              jurisdiction=jurisdiction, today=date(2026, 11, 26))
    return [c for _, clauses in sections for c in clauses]


FOREIGN = ("Procurement Act", "GDPR", "Data Act", "AI Act", "Crown Commercial", "Technology Code",
           "Amsterdam", "MCC-AI", "英国", "欧盟", "阿姆斯特丹")


def test_a_chinese_contract_cites_chinese_law_only_and_in_chinese():
    clauses = _sources(Jurisdiction.CN, "zh")
    cited = " ".join(c.sources for c in clauses)
    assert not any(word in cited for word in FOREIGN), cited
    assert "《中华人民共和国数据安全法》第四十条" in cited and "ISO 37106:2018 表 3 第" in cited
    for clause in clauses:  # every 依据 line is Chinese: no English word but the standard's name
        assert not re.search(r"[a-z]{3,}", clause.sources), clause.sources


def test_a_uk_contract_cites_uk_law_and_no_other_countrys():
    cited = " ".join(c.sources for c in _sources(Jurisdiction.UK, "en"))
    assert "Procurement Act 2023 s.52" in cited and "UK GDPR Art. 28" in cited
    assert "Regulation (EU)" not in cited and "PRC" not in cited


def test_kpis_and_lists_in_one_cell():
    kpis = parse_kpis("Search time (min): 11 -> 6; Availability (%): 99.9\nTurnover: 4 → 5")
    assert [(k.measure, k.baseline, k.target) for k in kpis] == [
        ("Search time (min)", "11", "6"), ("Availability (%)", "", "99.9"), ("Turnover", "4", "5")]
    with pytest.raises(ValueError, match="no colon here"):
        parse_kpis("no colon here")
    assert parse_list("DATEX II; APDS;\n OGC ") == ["DATEX II", "APDS", "OGC"]


def test_terms_are_checked():
    with pytest.raises(ValueError):
        ContractTerms(initial_term_years=6, max_term_years=5)
    with pytest.raises(ValueError):
        ContractTerms(switching_notice_months=3)  # the Data Act allows at most 2 months
