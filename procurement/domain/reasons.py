"""The reason a letter to a bidder gives for each score: what the panel decided, in the
letter's language, and nothing an evaluator wrote for the panel alone.

Procurement Regulations 2024 reg. 31 (and the assessment summaries of the Procurement Act
2023 s. 50) ask for the reasons for the assessment, not the evaluators' notes. So a letter
gives, per criterion, the reason the lead released for it; where none was released, the
moderated consensus reason (which the lead wrote for the record) if it is in the letter's
language; otherwise nothing, and the document service names the gap."""

from __future__ import annotations

import re
from collections.abc import Mapping

from procurement.i18n import Lang

# CJK Unified Ideographs and Extension A: Chinese text has them, English text has none.
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# The house convention for text kept in both languages in one field: "English · 中文".
BILINGUAL_SEPARATOR = " · "


def in_language(text: str | None, lang: Lang) -> str | None:
    """The part of ``text`` written in ``lang``: the whole text when it is in that language,
    the matching half of an "English · 中文" text, or None (a text in the other language is
    never passed off as this one's)."""
    if not text or not text.strip():
        return None
    parts = [p.strip() for p in text.split(BILINGUAL_SEPARATOR) if p.strip()]
    if lang == "zh":
        chinese = [p for p in parts if _CJK.search(p)]
        return BILINGUAL_SEPARATOR.join(chinese) or None
    english = [p for p in parts if not _CJK.search(p)]
    return BILINGUAL_SEPARATOR.join(english) or None


def letter_reason(released: Mapping[str, str | None] | None, consensus: str | None,
                  lang: Lang) -> str | None:
    """The reason a letter in ``lang`` gives for one bid and criterion: the released reason
    in that language, else the consensus reason's part in that language, else None."""
    chosen = (released or {}).get(lang)
    if chosen and chosen.strip():
        return chosen.strip()
    return in_language(consensus, lang)
