"""Reading a user's YAML file (a rubric, a procurement design, a pipeline entry) into a
mapping, with one clear message for each way it can be unreadable."""

from __future__ import annotations

from typing import Any

import yaml

from procurement.errors import fail
from procurement.i18n import N_

MAX_BYTES = 10 * 1024 * 1024  # a rubric, a design or a pipeline entry is a few kilobytes
MAX_DEPTH = 50  # the deepest of them nests 6 levels


class _TooDeep(Exception):
    pass


class _Loader(yaml.SafeLoader):
    """The safe loader (it never builds Python objects), with a nesting limit (a file nested
    thousands deep would exhaust the stack) and dates left as text: the models parse them and
    name the field of an impossible one (2027-02-30)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(self.get_mark().line + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class _TextLoader(_Loader):
    """Plain scalars stay the text the user wrote (only an empty value or ``~`` is null):
    YAML 1.1 would read ``00123`` as the octal number 83, ``0x1F`` as 31 and ``12_345`` as
    12345, and an id so changed becomes a permanent, wrong ocid. The model reads the text,
    as it reads a CSV cell."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_mapping(raw: bytes, file: str, *, as_text: bool = False) -> dict[str, Any]:
    """Parse ``raw`` as a YAML mapping, or raise an :class:`InputError` naming ``file``.
    With ``as_text`` every plain scalar is read as the text written (see :class:`_TextLoader`)."""
    if b"\x00" in raw:
        raise fail(file, N_("this is a binary file, not a YAML file"))
    if len(raw) > MAX_BYTES:
        raise fail(file, N_("the file is {size} MB; a YAML file here is at most {limit} MB"),
                   size=f"{len(raw) / 1024 / 1024:.0f}", limit=MAX_BYTES // 1024 // 1024)
    try:
        text = raw.decode("utf-8-sig")
        data = yaml.load(text, Loader=_TextLoader if as_text else _Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        raise fail(file, N_("line {line}: the character U+{code} is not allowed in YAML"),
                   line=text.count("\n", 0, exc.position) + 1,
                   code=f"{exc.character:04X}" if isinstance(exc.character, int)
                   else f"{ord(exc.character):04X}") from None
    except _TooDeep as exc:
        raise fail(file, N_("line {line}: nested more than {limit} levels deep"),
                   line=exc.args[0], limit=MAX_DEPTH) from None
    except UnicodeDecodeError as exc:
        raise fail(file, N_("the file is not UTF-8 text")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join((getattr(exc, "problem", None) or str(exc)).split())
        if mark is None:
            raise fail(file, N_("not valid YAML ({problem})"), problem=problem) from exc
        raise fail(file, N_("line {line}: not valid YAML ({problem})"),
                   line=mark.line + 1, problem=problem) from exc
    if data is None:
        raise fail(file, N_("the file is empty"))
    if not isinstance(data, dict):
        raise fail(file, N_("the file must be a mapping of fields (key: value)"))
    return data
