"""Plain-text tables for a terminal, aligned for Chinese (double-width) characters too."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def table(headers: Sequence[str], rows: Sequence[Sequence[str]],
          right_aligned: Sequence[int] = ()) -> str:
    """Format ``rows`` under ``headers``; columns in ``right_aligned`` (numbers) align right."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(_pad(h, w, i in right_aligned) for i, (h, w) in
                       enumerate(zip(headers, widths, strict=True))).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(_pad(cell, w, i in right_aligned) for i, (cell, w) in
                               enumerate(zip(row, widths, strict=True))).rstrip())
    return "\n".join(lines)
