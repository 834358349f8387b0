"""The templates of a running contract's documents, in the house layout of make_templates.py
(which writes them with the others): the contract performance notice (UK9: Procurement
Regulations 2024 reg. 39(4)) and the acceptance report (履约验收书: Government Procurement Law
art. 41; 财库〔2016〕205号). Every fixed text in both languages; values from
procurement/documents/contract_context.py."""

from __future__ import annotations

from collections.abc import Callable

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from make_templates import TABLE_TEXT, TEXT_WIDTH, loop_table, new_document, small, tag

L = {
    "notice_title": ("Contract performance notice", "合同履约评价公告"),
    "acceptance_title": ("Acceptance report", "履约验收书"),
    "authority": ("Contracting authority", "采购人"),
    "authority_id": ("Contracting authority identifier", "采购人标识码"),
    "procurement": ("Procurement", "采购项目"),
    "contract": ("Contract", "合同"),
    "term": ("Term", "合同期限"),
    "supplier": ("Supplier", "供应商"),
    "supplier_id": ("Supplier identifier", "供应商标识码"),
    "contact": ("Supplier's postal address and email", "供应商通讯地址和电子邮箱"),
    "period": ("Period assessed", "评价期间"),
    "period_accepted": ("Period accepted", "验收期间"),
    "accepted_on": ("Accepted on", "验收日期"),
    "details": ("The contract and the supplier", "合同与供应商"),
    "assessment": ("Assessment against the key performance indicators", "关键绩效指标评价"),
    "number": ("No.", "序号"), "kpi": ("Key performance indicator", "关键绩效指标"),
    "target": ("Target", "目标"), "measured": ("Measured", "实测值"),
    "rating": ("Rating", "评级"), "credits": ("Service credits", "服务抵扣"),
    "credits_section": ("Service credits owed", "应付服务抵扣"),
    "month": ("Month", "月份"), "amount": ("Amount", "金额"), "note": ("Note", "说明"),
    "total": ("Total for the period", "本期合计"),
    "requirements": ("Requirements and results", "验收内容与结果"),
    "requirement": ("Requirement", "验收项目"), "evidence": ("Evidence", "验收依据与记录"),
    "result": ("Result", "验收结论"),
    "team": ("Acceptance team", "验收小组"),
    "team_intro": ("The members of the acceptance team sign below.", "验收小组成员签字如下。"),
    "name": ("Name", "姓名"), "role": ("Role", "职责"), "signature": ("Signature", "签字"),
    "date": ("Date", "日期"),
}


def text(key: str, lang: str) -> str:
    en, zh = L[key]
    return zh if lang == "zh" else en


def whole_latin_words(doc: Document, lang: str) -> Document:
    """The Latin text of a Chinese document (supplier names, evidence, measures typed in
    English) marked as British English: LibreOffice breaks Latin words marked as Chinese at
    any letter ("requireme-nt") in a narrow table cell. Chinese text stays zh-CN."""
    if lang == "zh":
        defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        defaults.find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), "en-GB")
    return doc


def facts(doc: Document, rows: list[tuple[str, str]]) -> None:
    """A two-column table of what the document is about: a label, its value."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(fixed)
    for index, share in enumerate((0.34, 0.66)):
        table.columns[index].width = Cm(TEXT_WIDTH * share)
        for row in table.rows:
            row.cells[index].width = Cm(TEXT_WIDTH * share)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        for cell, content, bold in ((row.cells[0], label, True), (row.cells[1], value, False)):
            cell.text = content
            cell.paragraphs[0].runs[0].bold = bold
            cell.paragraphs[0].runs[0].font.size = TABLE_TEXT


def _heading(doc: Document, title: str, lang: str) -> None:
    doc.add_heading(f"{{{{ procurement.title }}}} — {text(title, lang)}", level=0)
    doc.add_paragraph(f"{text('procurement', lang)} {{{{ procurement.reference }}}} · "
                      f"{text('contract', lang)} {{{{ contract.id }}}}")
    doc.add_paragraph("{{ basis }}")


def _parties(lang: str) -> list[tuple[str, str]]:
    """The facts both documents open with: the authority, the procurement and contract, the
    supplier."""
    return [(text("authority", lang), "{{ procurement.buyer }}"),
            (text("authority_id", lang), "{{ procurement.buyer_id }}"),
            (text("procurement", lang), "{{ procurement.title }} ({{ procurement.reference }})"),
            (text("contract", lang), "{{ contract.id }}"),
            (text("term", lang), "{{ contract.start }} – {{ contract.end }}"),
            (text("supplier", lang), "{{ supplier.name }}"),
            (text("supplier_id", lang), "{{ supplier.identifier }}")]


def performance_notice(lang: str) -> Document:
    doc = whole_latin_words(new_document(lang, text("notice_title", lang)), lang)
    _heading(doc, "notice_title", lang)
    doc.add_heading(text("details", lang), level=1)
    facts(doc, [*_parties(lang),
                (text("contact", lang), "{{ supplier.contact }}"),
                (text("period", lang), "{{ period }}")])
    doc.add_heading(text("assessment", lang), level=1)
    loop_table(doc, [text(k, lang) for k in ("number", "kpi", "target", "measured", "rating",
                                             "credits")], "k in kpis",
               ["{{ k.number }}", "{{ k.measure }}", "{{ k.target }}", "{{ k.measured }}",
                "{{ k.rating }}", "{{ k.credits }}"], [1.1, 3.6, 1.7, 4.4, 2.5, 2.2])
    small(doc, "{{ rating_rule }}")
    doc.add_heading(text("credits_section", lang), level=1)
    tag(doc, "{%p if credits %}")
    loop_table(doc, [text("month", lang), text("amount", lang), text("note", lang)],
               "c in credits", ["{{ c.period }}", "{{ c.amount }}", "{{ c.capped }}"],
               [1, 1.2, 2.5])
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{text('total', lang)}{'：' if lang == 'zh' else ': '}").bold = True
    paragraph.add_run("{{ credits_total }}")
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ no_credits }}")
    tag(doc, "{%p endif %}")
    return doc


def acceptance(lang: str) -> Document:
    doc = whole_latin_words(new_document(lang, text("acceptance_title", lang)), lang)
    _heading(doc, "acceptance_title", lang)
    doc.add_heading(text("details", lang), level=1)
    facts(doc, [*_parties(lang),
                (text("period_accepted", lang), "{{ period }}"),
                (text("accepted_on", lang), "{{ accepted_on }}")])
    doc.add_heading(text("requirements", lang), level=1)
    loop_table(doc, [text(k, lang) for k in ("number", "requirement", "target", "evidence",
                                             "result")], "r in requirements",
               ["{{ r.number }}", "{{ r.requirement }}", "{{ r.target }}", "{{ r.evidence }}",
                "{{ r.result }}"], [1.1, 3.2, 1.9, 7.6, 2.2])
    small(doc, "{{ rule }}")
    doc.add_paragraph().add_run("{{ conclusion }}").bold = True
    doc.add_heading(text("team", lang), level=1)
    doc.add_paragraph(text("team_intro", lang))
    loop_table(doc, [text(k, lang) for k in ("name", "role", "signature", "date")],
               "m in members", ["{{ m.name }}", "{{ m.role }}", "", ""], [2, 2, 2.6, 1.6])
    doc.tables[-1].rows[2].height = Cm(1.2)  # room to sign
    return doc


DOCUMENTS: dict[str, Callable[[str], Document]] = {
    "performance-notice": performance_notice, "acceptance": acceptance,
}
