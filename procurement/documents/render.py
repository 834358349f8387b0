"""Render a Word template (docxtpl) safely.

Every template, shipped or a city's own, runs in a sandboxed Jinja environment (autoescape
on, undefined names an error) with a new template object per render: one shared object mixes
documents up across threads, and docxtpl's default environment runs any Python a template
contains (docxtpl issue #632). Before rendering, the template is read whole (body, headers,
footers, footnotes, document properties) and refused, with a clear message, if it reaches for
underscore attributes or the ``attr`` filter (the ways out of a sandbox) or names variables
the document's context lacks.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from procurement.errors import ProcurementError
from procurement.i18n import N_

_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
# Properties docxtpl does not render: template syntax in them would be copied out as it is.
_PLAIN_PROPERTIES = ("category", "content_status", "keywords", "last_modified_by", "version")
_MAX_UNPACKED = 200 * 1024 * 1024  # a template is a few hundred kilobytes unpacked
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# Globals Jinja offers that a document template has no use for, and that exploits start from.
_SUSPECT_NAMES = frozenset({"cycler", "joiner", "namespace", "lipsum", "self", "config",
                            "request"})


class TemplateError(ProcurementError):
    """A template that cannot be rendered safely or completely."""


@dataclass(frozen=True)
class _Checked:
    variables: frozenset[str]


_checked: dict[str, _Checked] = {}


class _Sandbox(SandboxedEnvironment):
    """The sandbox, remembering what it compiled: a batch of 200 summaries renders the same
    template parts 200 times, and compiling them is a third of the work. Compiled templates
    are immutable and safe to share between threads; docxtpl only ever calls
    ``from_string`` on the environment (and sets ``autoescape``, which we never ask it to)."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None,  # Jinja's name
                    template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) > _MAX_COMPILED:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


_MAX_COMPILED = 256
_SHARED = _Sandbox()
_patched: dict[str, str] = {}


@cache
def _template_class() -> type:
    """docxtpl's template, remembering how it cleaned each part's XML for Jinja: the cleaning
    (``patch_xml``, a dozen regular expressions over the whole part) depends on the part's
    XML alone, which is the same for the 200 summaries of a batch, and it was a third of
    each render."""
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):  # type: ignore[misc]
        def patch_xml(self, src_xml: str) -> str:
            patched = _patched.get(src_xml)
            if patched is None:
                if len(_patched) > _MAX_COMPILED:
                    _patched.clear()
                patched = _patched[src_xml] = super().patch_xml(src_xml)
            return patched

    return Template



def sandbox() -> SandboxedEnvironment:
    """The sandboxed environment: autoescape on (``&`` and ``<`` in values stay intact),
    undefined names an error."""
    return _SHARED


def render_docx(template: bytes, context: dict[str, Any], name: str,
                properties: dict[str, object] | None = None) -> bytes:
    """Render ``template`` (the bytes of a .docx) with ``context``; ``name`` names it in
    errors; ``properties`` (core document properties, such as ``identifier``) are set on
    the result."""
    missing = sorted(check_template(template, name).variables - set(context))
    if missing:
        raise TemplateError(N_("{file}: the template uses variables this document does not "
                               "have: {names}"), file=name, names=", ".join(missing))
    document = _template_class()(io.BytesIO(template))  # a new object for every render
    try:
        document.render(context, jinja_env=sandbox())
    except (SecurityError, OverflowError) as exc:  # OverflowError: the sandbox's range() limit
        raise TemplateError(N_("{file}: the template tried something unsafe and was stopped "
                               "({reason})"), file=name, reason=str(exc)) from exc
    except UndefinedError as exc:
        raise TemplateError(N_("{file}: the template uses a value this document does not have "
                               "({reason})"), file=name, reason=str(exc)) from exc
    for key, value in (properties or {}).items():
        setattr(document.docx.core_properties, key, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def check_template(template: bytes, name: str) -> _Checked:
    """Read every part of a template and refuse unsafe expressions; return the variables it
    needs. The result is kept per template (the same bytes need checking once)."""
    digest = hashlib.sha256(template).hexdigest()
    if digest not in _checked:
        _checked[digest] = _check(template, name)
    return _checked[digest]


def _check(template: bytes, name: str) -> _Checked:
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from lxml.etree import XMLSyntaxError

    _inspect_package(template, name)
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            AttributeError, XMLSyntaxError) as exc:
        raise TemplateError(N_("{file} is not a Word (.docx) document"), file=name) from exc
    _plain_properties(document, name)
    variables: set[str] = set()
    for part, source in _sources(document):
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            raise TemplateError(N_("{file}: template syntax error in the {part}: {reason}"),
                                file=name, part=part, reason=exc.message or "") from exc
        unsafe = _unsafe(tree)
        if unsafe:
            raise TemplateError(N_("{file}: the {part} contains an expression a document "
                                   "template may not use: {expression}"), file=name, part=part,
                                expression=unsafe)
        variables |= meta.find_undeclared_variables(tree)
    return _Checked(frozenset(variables))


def _inspect_package(template: bytes, name: str) -> None:
    """A .docx is a zip holding word/document.xml, of a size Word would open: refused before
    anything parses it (a document.xml that expands to a gigabyte is a zip bomb)."""
    import zipfile
    import zlib

    try:
        package = zipfile.ZipFile(io.BytesIO(template))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TemplateError(N_("{file} is not a Word (.docx) document"), file=name) from exc
    with package:
        members = package.infolist()
        if "word/document.xml" not in {m.filename for m in members}:
            raise TemplateError(N_("{file} is not a Word (.docx) document (it has no "
                                   "word/document.xml)"), file=name)
        unpacked = sum(m.file_size for m in members)
        if unpacked > _MAX_UNPACKED:
            raise TemplateError(N_("{file} unpacks to {size} MB; a template is at most "
                                   "{limit} MB"), file=name, size=f"{unpacked / 1024 / 1024:,.0f}",
                                limit=_MAX_UNPACKED // 1024 // 1024)
        # Every part read once, its checksum compared: a damaged part is found here, not by
        # the Word library in the middle of parsing (zlib's "invalid distance too far back").
        try:
            damaged = package.testzip()
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise TemplateError(N_("{file} is damaged ({reason})"), file=name,
                                reason=" ".join(str(exc).split()) or type(exc).__name__) from exc
    if damaged is not None:
        raise TemplateError(N_("{file} is damaged (the part {part} does not match its "
                               "checksum)"), file=name, part=damaged)


def _sources(document: Any) -> list[tuple[str, str]]:
    from docx.oxml import parse_xml

    docx = document.docx
    sources = [("body", document.patch_xml(document.xml_to_string(docx._element.body)))]
    for relation in docx._part.rels.values():
        if relation.reltype in (document.HEADER_URI, document.FOOTER_URI) and \
                relation.target_part.blob:
            part = "header" if relation.reltype == document.HEADER_URI else "footer"
            xml = document.xml_to_string(parse_xml(relation.target_part.blob))
            sources.append((part, document.patch_xml(xml)))
    for part in docx.part.package.parts:
        if part.content_type == _FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            sources.append(("footnotes", document.patch_xml(blob)))
    for prop in _PROPERTIES:
        value = getattr(docx.core_properties, prop)
        if value:
            sources.append((f"document property {prop}", str(value)))
    return sources


def _plain_properties(document: Any, name: str) -> None:
    """Template syntax in a property docxtpl does not render would reach the reader as is."""
    for prop in _PLAIN_PROPERTIES:
        value = str(getattr(document.docx.core_properties, prop, "") or "")
        if "{{" in value or "{%" in value or "{#" in value:
            raise TemplateError(N_("{file}: the document property {part} contains template "
                                   "syntax, which is not filled in there: {expression}"),
                                file=name, part=prop, expression=value[:80])


def _unsafe(tree: nodes.Template) -> str | None:
    """The first expression that could leave the sandbox, or None."""
    for statement in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport,
                                    nodes.Extends)):
        # No loader: a document is one template, and another file is no part of it.
        return f"{{% {type(statement).__name__.lower()} %}}"
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Name)):
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            return f".{node.attr}"
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and \
                isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
            return f"[{node.arg.value!r}]"
        if isinstance(node, nodes.Filter) and node.name == "attr":
            return "|attr"
        if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in _SUSPECT_NAMES:
            return node.name
    return None
