"""Values as people read them: items of a series in running text."""

from procurement import formats


def test_a_series_is_joined_by_the_enumeration_comma_in_chinese() -> None:
    # GB/T 15834-2011 *Use of punctuation marks* 4.5: the 顿号 (、) separates coordinate items
    # in a sentence; English separates them with a comma and a space.
    assert formats.series(["教育局", "卫生健康委员会"], "zh") == "教育局、卫生健康委员会"
    assert formats.series(["Transport Bureau", "Parks Department"], "en") == (
        "Transport Bureau, Parks Department")
    assert formats.series((f"{y}: {n}" for y, n in {"2025": 1, "2027": 2}.items()), "zh") == (
        "2025: 1、2027: 2")
    assert formats.series([], "zh") == "" and formats.series(["一"], "zh") == "一"
