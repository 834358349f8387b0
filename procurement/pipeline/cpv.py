"""The Common Procurement Vocabulary (Regulation (EC) No 213/2008): which codes exist.

A code is published as its eight digits, as text — the form of eForms (BT-262) and TED — so
that one code has one form in the package, the pages and the CSV. A check digit written after
a hyphen is accepted and dropped: it cannot be computed from the code (see
``schemas/cpv-2008/README.md``), and a wrong one published would be worse than none.
"""

from __future__ import annotations

import re
from functools import cache

from procurement.paths import shipped_dir

SCHEME = "CPV"
_FORM = re.compile(r"\d{8}(-\d)?")


@cache
def labels() -> dict[str, str]:
    """Each CPV 2008 code with its English label."""
    path = shipped_dir("schemas") / "cpv-2008" / "cpv.tsv"
    with path.open(encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle)


def well_formed(text: str) -> bool:
    """Eight digits, optionally a hyphen and a check digit."""
    return _FORM.fullmatch(text) is not None


def code(text: str) -> str | None:
    """The eight-digit code of ``text`` (``45310000`` or ``45310000-3``), or None when it is
    not a code of the vocabulary. Seven digits are a code of division 03 or 09 whose leading
    zero a spreadsheet dropped (it keeps a typed 03111000 as the number 3111000)."""
    if len(text) == 7 and text.isdigit():
        text = "0" + text
    return text[:8] if well_formed(text) and text[:8] in labels() else None


def label(value: str) -> str:
    """The English label of a code of the vocabulary."""
    return labels()[value]
