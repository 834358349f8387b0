"""Small HTML parts filled with escaped values, for the rows and pages written once per entry.

Jinja renders the pages written once per publication; for the parts repeated 100,000 times
its per-call cost (a new context, attribute lookups) dominated publishing, so these parts
are plain ``str.format`` strings kept as data in ``templates/site/rows.html``. Every value
is escaped with markupsafe before it goes in, unless it is already :class:`Markup`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from procurement.paths import shipped_dir

_PART = re.compile(r"^<!-- part: (\w+) -->\n", re.MULTILINE)
_SPECIAL = re.compile("[&<>'\"]").search  # what markupsafe.escape replaces


@cache
def parts() -> dict[str, str]:
    text = (shipped_dir("templates") / "site" / "rows.html").read_text(encoding="utf-8")
    pieces = _PART.split(text)[1:]
    return {name: body for name, body in zip(pieces[::2], pieces[1::2], strict=True)}


class _Unfilled(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def prefill(part: str, /, **constants: Markup) -> str:
    """``part`` with the values that are the same on every page (labels) already in; the
    result is filled like a part with :func:`fill_text`."""
    safe = {key: str(value).replace("{", "{{").replace("}", "}}")
            for key, value in constants.items()}
    return parts()[part].format_map(_Unfilled(safe))


def fill(part: str, /, **values: Any) -> Markup:
    """``part`` with every value escaped (``None`` becomes an empty string)."""
    return fill_text(parts()[part], **values)


def fill_text(template: str, /, **values: Any) -> Markup:
    """``template`` (a part, or a prefilled one) with every value escaped."""
    for key, value in values.items():
        kind = type(value)
        if kind is Markup:  # already safe: labels, words, nested parts
            continue
        if kind is str:
            # Most text has nothing to escape, and finding that out is several times
            # cheaper than escaping it (which makes a Markup object): a page has 25 values.
            if _SPECIAL(value) is not None:
                values[key] = escape(value)
        else:
            values[key] = "" if value is None else escape(value)
    return Markup(template.format_map(values))
