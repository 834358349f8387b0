"""The documents of a procurement, reopened with python-docx, in both languages."""

import io
from datetime import date

import pytest
from docx import Document as Word

from procurement.documents.render import TemplateError
from procurement.errors import ProcurementError
from procurement.services import (
    award,
    clock,
    documents,
    lifecycle,
    moderation,
    procurements,
    reasons,
)
from procurement.services.errors import ConflictError, PermissionDenied, StateError
from tests.integration import world


def text_of(content: bytes) -> str:
    doc = Word(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def recommended(db):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed <after> review & debate")
    award.recommend(db, who["lead"], pid, note="best value")
    return who, pid


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_clause_pack_follows_the_terms(db, lang):
    who = world.people(db)
    pid = world.procurement(db, who)
    pack = text_of(documents.clause_pack(db, who["obs"], pid, lang).content)
    assert ("Contract clauses" if lang == "en" else "合同条款") in pack
    assert ("Exit plan" if lang == "en" else "退出计划") in pack
    assert ("ISO 37106:2018 Table 3, row 13" if lang == "en" else "ISO 37106:2018 表 3 第 13 行") in pack
    ai_title = "Human oversight" if lang == "en" else "人工监督"
    assert ai_title not in pack
    procurements.update_contract_terms(db, who["lead"], pid, involves_ai=True,
                                       open_standards=["DATEX II"], exit_plan_months=4)
    pack = text_of(documents.clause_pack(db, who["obs"], pid, lang).content)
    assert ai_title in pack and "DATEX II" in pack


def test_contract_terms_are_fixed_once_open(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open")
    with pytest.raises(StateError):
        procurements.update_contract_terms(db, who["lead"], pid, involves_ai=True)
    with pytest.raises(ProcurementError, match=r"initial term|maximum term"):
        procurements.update_contract_terms(
            db, who["lead"], world.procurement(db, who, reference="T-2"), initial_term_years=9,
            max_term_years=2)


def test_the_contract_needs_a_recommendation_and_names_the_winner(db, recommended):
    who, pid = recommended
    contract = text_of(documents.contract(db, who["lead"], pid, "en").content)
    assert "Alpha 阿尔法" in contract and "100.00" in contract  # winner A, price 100
    assert "Signed for the Buyer: City 城市" in contract and "Signature:" in contract
    other = world.procurement(db, who, "moderation", reference="T-3")
    with pytest.raises(StateError, match="no award recommendation"):
        documents.contract(db, who["lead"], other, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_holds_every_score_the_moderation_and_the_chain(db, recommended, lang):
    who, pid = recommended
    report = text_of(documents.evaluation_report(db, who["boss"], pid, lang).content)
    assert "e1 on A" in report and "e2 on C" in report  # every rationale
    assert "agreed <after> review & debate" in report and "E1 4, E2 1" in report  # by name
    assert "Beta & Sons <Ltd>" in report
    assert ("Audit chain intact" if lang == "en" else "审计") in report


def test_summaries_for_every_bidder(db, recommended, monkeypatch):
    who, pid = recommended
    from datetime import date

    from procurement.services import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    made = documents.assessment_summaries(db, who["lead"], pid, "en")
    assert [d.name for d in made] == [f"T-1-{b}-assessment-summary.en.docx" for b in "ACB"]
    winner, loser = text_of(made[0].content), text_of(made[2].content)
    assert "Your tender is the most advantageous tender" in winner
    assert "The most advantageous tender (A, Alpha 阿尔法)" in loser
    assert "ends on 8 December 2026" in loser
    # The evaluators' notes stay internal: a letter gives only the consensus reason (A,
    # quality) or a released one; the missing ones are named for the lead.
    assert "agreed <after> review & debate" in winner
    assert not any(f"e{n} on {bid}" in letter for n in (1, 2) for bid in "ABC"
                   for letter in (winner, loser))
    chinese = text_of(documents.assessment_summaries(db, who["lead"], pid, "zh")[2].content)
    assert "2026年12月8日" in chinese and "评审结果说明" in chinese
    assert "agreed <after>" not in chinese  # an English reason is not a Chinese letter's
    assert ("B", "quality") in documents.missing_reasons(db, who["lead"], pid, "en")


def test_a_released_reason_reaches_the_letter_in_its_language(db, recommended):
    who, pid = recommended
    reasons.release(db, who["lead"], pid, "B", "quality", "Clear plan, thin evidence.",
                    "计划清晰，证据不足。")
    english = text_of(documents.assessment_summaries(db, who["lead"], pid, "en")[2].content)
    chinese = text_of(documents.assessment_summaries(db, who["lead"], pid, "zh")[2].content)
    assert "Clear plan, thin evidence." in english and "计划清晰" not in english
    assert "计划清晰，证据不足。" in chinese and "Clear plan" not in chinese
    assert ("B", "quality") not in documents.missing_reasons(db, who["lead"], pid, "zh")
    with pytest.raises(ConflictError):  # replaced only by a caller who read it
        reasons.release(db, who["lead"], pid, "B", "quality", "Other.", None)
    with pytest.raises(PermissionDenied):
        reasons.release(db, who["e1"], pid, "B", "quality", "Mine.", None)
    with pytest.raises(ProcurementError, match="in English, in Chinese or in both"):
        reasons.release(db, who["lead"], pid, "C", "quality", " ", None)


def test_who_may_read_the_record(db, recommended, monkeypatch):
    who, pid = recommended
    for name in ("e1", "obs"):
        with pytest.raises(PermissionDenied):
            documents.evaluation_report(db, who[name], pid, "en")
    award.approve(db, who["boss"], pid)
    with monkeypatch.context() as patch:
        # After the standstill period the award may be made.
        patch.setattr(clock, "today", lambda: date(2099, 1, 1))
        award.award(db, who["lead"], pid)
    assert "Alpha" in text_of(documents.evaluation_report(db, who["obs"], pid, "en").content)


def test_a_citys_own_template_runs_in_the_sandbox(db, recommended):
    who, pid = recommended
    doc = Word()
    doc.add_paragraph("{{ procurement.title }} for {{ procurement.buyer }}: {{ outcome }}")
    buffer = io.BytesIO()
    doc.save(buffer)
    made = documents.assessment_summaries(db, who["lead"], pid, "en", buffer.getvalue(),
                                          "city-letter.docx")
    assert text_of(made[0].content).startswith("Test 测试 for City 城市: Your tender")
    doc.add_paragraph("{{ cycler.__init__.__globals__ }} {{ nowhere }}")
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(TemplateError, match=r"city-letter\.docx: the body contains an expression"):
        documents.assessment_summaries(db, who["lead"], pid, "en", buffer.getvalue(),
                                       "city-letter.docx")
    lifecycle_unused = lifecycle  # the module stays imported for other tests' readers
    del lifecycle_unused


def test_a_citys_letter_template_may_use_the_new_fields(db, recommended, monkeypatch):
    who, pid = recommended
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    doc = Word()
    doc.add_paragraph("{{ letter.date }} · {{ letter.signed }}, {{ letter.role }} · "
                      "{{ bidder.rank }} · {{ challenge }}")
    buffer = io.BytesIO()
    doc.save(buffer)
    made = documents.assessment_summaries(db, who["lead"], pid, "en", buffer.getvalue(),
                                          "city-letter.docx")
    assert text_of(made[2].content).startswith("26 November 2026 · LEAD, Procurement lead · "
                                               "3 of 3 · If you wish to question the decision")


def test_the_report_records_a_returned_recommendation(db, recommended):
    who, pid = recommended
    award.return_recommendation(db, who["boss"], pid, "explain C's exit cost")
    award.recommend(db, who["lead"], pid, note="exit cost explained")
    report = text_of(documents.evaluation_report(db, who["boss"], pid, "en").content)
    # People by name and role (issue 14).
    first = report.index("1. Recommended by LEAD (procurement lead)")
    returned = report.index("Returned to moderation by BOSS (approver)")
    second = report.index("2. Recommended by LEAD (procurement lead)")
    assert first < report.index("Reasons: best value") < returned < second
    assert "explain C's exit cost" in report and "Reasons: exit cost explained" in report


@pytest.mark.parametrize(("jurisdiction", "lang", "cited", "foreign"), [
    # UK: the assessment summary of Procurement Act 2023 s.50 and reg. 31; the standstill of
    # s.51; remedies in Part 9.
    ("uk", "en", ["Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 31",
                  "Procurement Act 2023 s.51(2)", "Procurement Act 2023 ss.100–106",
                  "may apply to the court"], ["MOF Order", "Government Procurement Law"]),
    # China: 财政部令第 87 号第六十九条 (score and rank told to each unsuccessful bidder); 质疑
    # within 7 working days, in writing, to the buyer (政府采购法第五十二条).
    ("cn", "zh", ["财政部令第 87 号第六十九条", "7 个工作日内", "以书面形式向City 城市提出质疑",
                  "《中华人民共和国政府采购法》第五十二条"], ["采购法》第 50", "Procurement Act"]),
    ("cn", "en", ["MOF Order No. 87 art. 69", "challenge them in writing with City 城市 within 7 "
                  "working days"], ["Procurement Act", "s.51"]),
])
def test_a_letter_cites_the_procurements_law(db, jurisdiction, lang, cited, foreign, monkeypatch):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation", jurisdiction=jurisdiction)
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    letter = text_of(documents.assessment_summaries(db, who["lead"], pid, lang)[-1].content)
    assert all(text in letter for text in cited), letter
    assert not any(text in letter for text in foreign)
    assert "LEAD" in letter and ("Procurement lead" if lang == "en" else "采购项目负责人") in letter
    assert "\nlead\n" not in letter  # the lead's name (LEAD), never the login (lead)
