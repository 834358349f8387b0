"""Sandboxed rendering: injection refused everywhere, missing variables listed, values kept
intact, one template object per render."""

import io
import threading
from pathlib import Path

import pytest
from docx import Document

from procurement.documents.render import TemplateError, render_docx

PWNED = Path("/tmp/procure-template-injection-marker")


def _docx(body: str = "Hello {{ name }}", header: str = "", footer: str = "",
          title: str = "") -> bytes:
    doc = Document()
    doc.add_paragraph(body)
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    if title:
        doc.core_properties.title = title
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    parts += [p.text for p in doc.sections[0].header.paragraphs]
    return "\n".join(parts)


PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('touch " + str(PWNED) + "').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ name|attr('__class__') }}",
    "{{ lipsum.__globals__ }}",
    "{{ name['__class__'] }}",
    "{% set x = joiner() %}{{ x }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("where", ["body", "header", "footer", "title"])
def test_injection_is_refused_wherever_it_hides(payload, where):
    PWNED.unlink(missing_ok=True)
    template = _docx(**{where: payload} if where != "body" else {"body": payload})
    with pytest.raises(TemplateError) as caught:
        render_docx(template, {"name": "x"}, "city.docx")
    message = str(caught.value)
    assert message.startswith("city.docx: the ")
    assert "may not use" in message
    assert not PWNED.exists()


def test_missing_variables_are_listed_before_rendering():
    template = _docx("Dear {{ supplier }}, your score is {{ total }} ({{ name }})")
    with pytest.raises(TemplateError, match="does not have: supplier, total"):
        render_docx(template, {"name": "x"}, "city.docx")


def test_values_with_ampersands_angle_brackets_and_chinese_come_out_intact():
    template = _docx("Supplier: {{ name }}", header="{{ name }}")
    value = "Zack & Tyler <Ltd> 港湾出行有限公司"
    text = _text(render_docx(template, {"name": value}, "t.docx"))
    assert text.count(value) == 2


def test_a_syntax_error_is_named():
    with pytest.raises(TemplateError, match="template syntax error in the body"):
        render_docx(_docx("{{ name "), {"name": "x"}, "t.docx")


def test_not_a_word_document():
    with pytest.raises(TemplateError, match="is not a Word"):
        render_docx(b"plain text", {}, "notes.txt")


def test_renders_in_parallel_never_mix_documents():
    template = _docx("Supplier: {{ name }}")
    results: dict[int, str] = {}

    def render(i: int) -> None:
        results[i] = _text(render_docx(template, {"name": f"supplier-{i}"}, "t.docx"))

    threads = [threading.Thread(target=render, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(f"Supplier: supplier-{i}" == results[i].split("\n")[0] for i in range(16))


# --- broken and hostile templates (issue 12): one clear refusal, never a library's error ----

@pytest.mark.parametrize("statement", ["{% include 'other.docx' %}", "{% import 'm' as m %}",
                                       "{% from 'm' import x %}", "{% extends 'base' %}"])
def test_a_template_cannot_reach_for_another_file(statement):
    with pytest.raises(TemplateError, match=r"may not use: \{% "):
        render_docx(_docx(body=statement), {"name": "x"}, "city.docx")


def test_a_huge_range_is_stopped():
    with pytest.raises(TemplateError, match="tried something unsafe and was stopped"):
        render_docx(_docx(body="{% for i in range(10**9) %}x{% endfor %}"), {}, "city.docx")


def test_template_syntax_in_a_property_docxtpl_does_not_render_is_refused():
    doc = Document()
    doc.add_paragraph("Hello")
    doc.core_properties.keywords = "{{ name }}"
    out = io.BytesIO()
    doc.save(out)
    with pytest.raises(TemplateError, match="the document property keywords contains"):
        render_docx(out.getvalue(), {"name": "x"}, "city.docx")


def _zip(files: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return out.getvalue()


def test_a_zip_without_a_document_is_not_a_word_document():
    with pytest.raises(TemplateError, match=r"it has no word/document\.xml"):
        render_docx(_zip({"[Content_Types].xml": b"<Types/>"}), {}, "city.docx")


def test_a_document_that_unpacks_to_a_gigabyte_is_refused_before_parsing():
    bomb = _zip({"[Content_Types].xml": b"<Types/>",
                 "word/document.xml": b"<w:document>" + b" " * (1024 * 1024 * 1024)})
    assert len(bomb) < 5 * 1024 * 1024
    with pytest.raises(TemplateError, match=r"unpacks to 1,024 MB; a template is at most 200"):
        render_docx(bomb, {}, "city.docx")


def test_damaged_xml_is_not_a_word_document():
    good = _docx()
    import zipfile

    with zipfile.ZipFile(io.BytesIO(good)) as package:
        files = {n: package.read(n) for n in package.namelist()}
    files["word/document.xml"] = b"<w:document><unclosed"
    with pytest.raises(TemplateError, match="is not a Word"):
        render_docx(_zip(files), {}, "city.docx")
