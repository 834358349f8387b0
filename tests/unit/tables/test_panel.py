"""Validating an evaluator panel's long table."""

import pytest

from procurement.errors import InputError
from procurement.tables.panel import read_panel

HEADER = ["bid_id", "evaluator", "criterion", "score", "rationale"]
BIDS = ["A", "B"]


def _problems(write_csv, rubric, rows, header=HEADER):
    with pytest.raises(InputError) as caught:
        read_panel(write_csv([header, *rows], "panel.csv"), rubric, BIDS)
    return [p.render() for p in caught.value.problems]


def test_a_good_panel(write_csv, mini_rubric):
    panel = read_panel(write_csv([HEADER, ["A", "li.wei", "quality", "3", "符合要求"],
                                  ["A", "sarah", "quality", "2", ""]], "panel.csv"),
                       mini_rubric, BIDS)
    assert panel.evaluators == ["li.wei", "sarah"]
    assert panel.rationales == ["符合要求", ""]
    assert panel.scores.tolist() == [3.0, 2.0]


@pytest.mark.parametrize(("row", "expected"), [
    (["Z", "e1", "quality", "3", "r"], "row 2, column bid_id: no bid Z in the bids table"),
    (["A", "e1", "price", "3", "r"],
     "row 2, column criterion: price is not a scored criterion of rubric mini"),
    (["A", "e1", "quality", "9", "r"], "row 2, column score: 9 is outside the scale 0–4"),
    (["A", "e1", "quality", "high", "r"], "row 2, column score: 'high' is not a number"),
    (["A", "", "quality", "3", "r"], "row 2, column evaluator: the value is empty"),
])
def test_bad_rows(write_csv, mini_rubric, row, expected):
    assert _problems(write_csv, mini_rubric, [row])[0].endswith(expected)


def test_a_second_score_for_the_same_cell_is_refused(write_csv, mini_rubric):
    rows = [["A", "e1", "quality", "3", "r"], ["A", "e1", "quality", "2", "r"]]
    assert _problems(write_csv, mini_rubric, rows)[0].endswith(
        "row 3, column score: e1 already scored quality of bid A in row 2")


def test_missing_column(write_csv, mini_rubric):
    assert _problems(write_csv, mini_rubric, [["A", "e", "quality", "3"]], HEADER[:4])[0] \
        .endswith("row 1, column rationale: required column is missing")
