"""Validating a table of reasons released to bidders: every bad cell named, nothing kept."""

import pytest

from procurement.errors import InputError
from procurement.tables.reasons import read_reasons

HEADER = ["bid_id", "criterion", "reason_en", "reason_zh"]


def _problems(write_csv, rows, header=HEADER):
    with pytest.raises(InputError) as caught:
        read_reasons(write_csv([header, *rows], "reasons.csv"), {"quality"}, {"A", "B"})
    return [p.render() for p in caught.value.problems]


def test_a_good_table(write_csv):
    rows = read_reasons(write_csv([HEADER, ["A", "quality", "Clear.", "清晰。"],
                                   ["B", "quality", "", "只有中文。"]], "reasons.csv"),
                        {"quality"}, {"A", "B"})
    assert [(r.bid_ref, r.en, r.zh) for r in rows] == [("A", "Clear.", "清晰。"),
                                                       ("B", None, "只有中文。")]


@pytest.mark.parametrize(("row", "expected"), [
    (["Z", "quality", "r", ""], "row 2, column bid_id: no bid Z in this procurement"),
    (["A", "price", "r", ""], "row 2, column criterion: price is not a scored criterion"),
    (["A", "quality", "", ""],
     "row 2, column reason_en: give the reason in English, in Chinese or in both"),
    (["", "quality", "r", ""], "row 2, column bid_id: the value is empty"),
])
def test_bad_rows(write_csv, row, expected):
    assert _problems(write_csv, [row])[0].endswith(expected)


def test_a_cell_given_twice_is_refused(write_csv):
    problems = _problems(write_csv, [["A", "quality", "r", ""], ["A", "quality", "s", ""]])
    assert problems[0].endswith("row 3, column criterion: bid A and quality are already in row 2")


def test_a_missing_column_is_named(write_csv):
    assert "reason_zh" in _problems(write_csv, [["A", "quality", "r"]], header=HEADER[:3])[0]
