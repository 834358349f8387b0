"""The one family of errors a user may see, with messages written for them.

A :class:`ProcurementError` carries a message id and its parameters rather than a finished
string, so that the CLI, a Streamlit page or a document can show it in the reader's language.
The CLI turns every one of them into a single line on stderr and exit status 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from procurement.i18n import DEFAULT_LANG, N_, Lang, tr

# How many problems of one file are listed before the rest are summarised in a count.
MAX_LISTED_PROBLEMS = 20


class ProcurementError(Exception):
    """A problem the user can fix, described in their language."""

    def __init__(self, msgid: str, /, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(self.render(DEFAULT_LANG))

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        """Return the message in ``lang``."""
        return tr(self.msgid, lang, **self.params)

    def lines(self, lang: Lang = DEFAULT_LANG) -> list[str]:
        """Return the message as the lines a terminal shows, one per problem."""
        return [self.render(lang)]


@dataclass(frozen=True)
class Problem:
    """One rule broken at one place in a user's file.

    ``row`` counts lines as a spreadsheet shows them (the header is row 1); ``field`` is a
    dotted path inside a structured file such as a rubric.
    """

    file: str
    rule: str
    row: int | None = None
    column: str | None = None
    field: str | None = None
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        rule = tr(self.rule, lang, **self.params)
        where = [self.file]
        if self.row is not None:
            where.append(tr(N_("row {row}"), lang, row=self.row))
        if self.column is not None:
            where.append(tr(N_("column {column}"), lang, column=self.column))
        if self.field is not None:
            where.append(tr(N_("field {field}"), lang, field=self.field))
        separator = "，" if lang == "zh" else ", "
        colon = "：" if lang == "zh" else ": "
        return separator.join(where) + colon + rule


class InputError(ProcurementError):
    """One or more problems found in an input file; nothing was computed or written."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("InputError needs at least one problem")
        self.problems = problems
        super().__init__(problems[0].rule, **problems[0].params)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return "\n".join(self.lines(lang))

    def lines(self, lang: Lang = DEFAULT_LANG) -> list[str]:
        shown = [p.render(lang) for p in self.problems[:MAX_LISTED_PROBLEMS]]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(tr(N_("… and {count} more problems in the same file"), lang, count=hidden))
        return shown


def fail(file: str, rule: str, *, row: int | None = None, column: str | None = None,
         field: str | None = None, **params: Any) -> InputError:
    """Build an :class:`InputError` for a single problem (``raise fail(...)``)."""
    return InputError([Problem(file, rule, row, column, field, params)])


def field_path(loc: Iterable[str | int]) -> str:
    """A location inside a structure as people write it: ``rows[3].name.zh``."""
    path = ""
    for key in loc:
        path += f"[{key}]" if isinstance(key, int) else (f".{key}" if path else str(key))
    return path


def pydantic_message(err: Mapping[str, Any], messages: Mapping[str, str]
                     ) -> tuple[str, dict[str, Any]]:
    """The message id and parameters of one pydantic error: a rule of ours (an error type
    ending in ``_rule``) carries its own message id; pydantic's own types are phrased by
    ``messages``, falling back on pydantic's English."""
    ctx = dict(err.get("ctx") or {})
    if str(err["type"]).endswith("_rule"):
        return ctx.pop("msgid"), ctx
    return messages.get(err["type"], err["msg"]), {
        key: f"{value:g}" if isinstance(value, float) else
        value if isinstance(value, str) else str(value)  # a Term stays one, to be translated
        for key, value in ctx.items()}


class OptionError(ProcurementError):
    """A setting given to a command is refused. ``option`` is its code (``ocid_prefix``);
    each face names it in its own words: the command line as ``--ocid-prefix``, a page by
    its form field's label (:meth:`named`)."""

    def __init__(self, option: str, msgid: str, /, *, label: str | None = None,
                 **params: Any) -> None:
        self.option = option
        self.label = label or "--" + option.replace("_", "-")
        super().__init__(msgid, **params)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        colon = "：" if lang == "zh" else ": "
        return self.label + colon + tr(self.msgid, lang, **self.params)

    def named(self, label: str) -> OptionError:
        """The same error, naming the option as ``label``."""
        return OptionError(self.option, self.msgid, label=label, **self.params)


class PermissionDenied(ProcurementError):
    """The acting user may not do this (role, panel membership, conflict of interest)."""


class NotFound(ProcurementError):
    """No such procurement, bid, user or score."""


class StateError(ProcurementError):
    """Not allowed in the procurement's current status, or a precondition is not met."""


class ConflictError(ProcurementError):
    """Someone changed the record since it was read (optimistic version check)."""
