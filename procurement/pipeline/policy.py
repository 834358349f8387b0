"""The city's procurement policy as a web page, with every published change (ISO 37106
6.6.3 c: publish the policy and make every change widely known).

The policy is Markdown. Raw HTML in it is shown as text, not run (markdown-it with ``html``
off), and link targets such as ``javascript:`` are refused by markdown-it's link check.
Each version published is kept in the publish state, so the page lists them all with what
changed between them.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass

from markdown_it import MarkdownIt

from procurement.pipeline.state import PolicyVersion


def render_markdown(text: str) -> str:
    html: str = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return html


def version_of(text: str, date: str) -> PolicyVersion:
    return PolicyVersion(date, hashlib.sha256(text.encode("utf-8")).hexdigest(), text)


@dataclass(frozen=True)
class Change:
    date: str
    diff: str  # empty for the first version


def history(versions: list[PolicyVersion]) -> list[Change]:
    """Newest first, each with the lines that changed from the version before it."""
    changes = []
    for before, after in zip([None, *versions], versions, strict=False):
        diff = "" if before is None else "".join(difflib.unified_diff(
            before.text.splitlines(keepends=True), after.text.splitlines(keepends=True),
            before.date[:10], after.date[:10]))
        changes.append(Change(after.date, diff))
    return changes[::-1]
