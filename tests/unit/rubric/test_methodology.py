"""The methodology text bidders read: its figures come from the weights, never from prose."""

from __future__ import annotations

import re

import pytest

from procurement.rubric import list_rubrics, load_rubric, rubric_from_data
from procurement.rubric.methodology import methodology, weight_summary


@pytest.mark.parametrize("info", list_rubrics(), ids=lambda i: i.id)
def test_no_shipped_description_states_a_figure_that_could_go_stale(info):
    rubric = load_rubric(info.path)
    for lang in ("en", "zh"):
        assert not re.search(r"\d\s*%", rubric.description.get(lang)), (info.id, lang)


def test_the_summary_follows_the_weights_of_an_edited_copy(mini_data):
    before = weight_summary(rubric_from_data(mini_data, "mini"), "en")
    cost = next(c for c in mini_data["criteria"] if c["kind"] == "cost")
    cost["weight"] *= 3
    after = weight_summary(rubric_from_data(mini_data, "mini"), "en")
    assert before != after
    assert after.startswith("The total of 100 points is made up of:")


def test_the_summary_of_the_default_rubric_in_both_languages():
    rubric = load_rubric("iso37106-smart")
    english, chinese = weight_summary(rubric, "en"), weight_summary(rubric, "zh")
    assert "Long-term value 43.0 %" in english
    assert "A bid must pass every pass/fail criterion to be ranked: Accepts the city's" in english
    assert chinese.startswith("总分 100 分的构成：") and "43.0 %" in chinese
    assert methodology(rubric, "zh")["weight_summary"] == chinese
