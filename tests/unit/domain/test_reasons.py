"""What a letter to a bidder says of each score (Procurement Regulations 2024 reg. 31: the
reasons for the assessment, in the letter's language; never an evaluator's own note)."""

import pytest

from procurement.domain.reasons import in_language, letter_reason

BILINGUAL = "Pilot evidences delivery · 试点可证明交付能力"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    (BILINGUAL, "en", "Pilot evidences delivery"),
    (BILINGUAL, "zh", "试点可证明交付能力"),
    ("Only English.", "en", "Only English."),
    ("Only English.", "zh", None),  # never passed off as Chinese
    ("只有中文，含 NTCIP 1202。", "zh", "只有中文，含 NTCIP 1202。"),
    ("只有中文。", "en", None),
    ("", "en", None),
    (None, "zh", None),
    ("  ", "en", None),
])
def test_the_part_in_the_letters_language(text, lang, expected):
    assert in_language(text, lang) == expected


def test_a_released_reason_comes_before_the_consensus_reason():
    released = {"en": "Released wording.", "zh": None}
    assert letter_reason(released, BILINGUAL, "en") == "Released wording."
    assert letter_reason(released, BILINGUAL, "zh") == "试点可证明交付能力"  # falls back
    assert letter_reason(None, "Consensus in English only", "zh") is None
    assert letter_reason({"en": "  ", "zh": None}, None, "en") is None
