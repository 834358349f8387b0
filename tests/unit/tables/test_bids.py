"""Validating a bids table: every bad cell named with file, row and column."""

from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.tables.bids import read_bids
from tests.conftest import MINI_HEADER

GOOD = ["A", "Alpha", "no", "3", "8", "yes", "100"]


def _problems(write_csv, mini_rubric, rows, header=MINI_HEADER, **kwargs):
    path = write_csv([header, *rows])
    with pytest.raises(InputError) as caught:
        read_bids(path, mini_rubric, **kwargs)
    return [p.render() for p in caught.value.problems]


def test_a_good_table(write_csv, mini_rubric):
    bids = read_bids(write_csv([[*MINI_HEADER, "note"], [*GOOD, "kept"],
                                ["B", "Beta", "是", "4", "5", "否", "120.5"]]), mini_rubric)
    assert bids.bid_ids == ["A", "B"]
    assert bids.sme.tolist() == [False, True]
    assert bids.gates["eligible"].tolist() == [True, False]
    assert bids.scores["quality"].tolist() == [3.0, 4.0]
    assert bids.cost.price is not None and bids.cost.price.tolist() == [100.0, 120.5]
    assert bids.extra["note"].to_pylist() == ["kept", None]


@pytest.mark.parametrize(("cell", "column", "value", "expected"), [
    (3, "quality", "abc", "row 2, column quality: 'abc' is not a number"),
    (3, "quality", "", "row 2, column quality: the value is empty"),
    (3, "quality", "5", "row 2, column quality: 5 is outside the scale 0–4"),
    (3, "quality", "-1", "row 2, column quality: -1 is outside the scale 0–4"),
    (6, "price", "0", "row 2, column price: must be greater than 0, not 0"),
    (6, "price", "-5", "row 2, column price: must be greater than 0, not -5"),
    (6, "price", "", "row 2, column price: the value is empty"),
    (5, "eligible", "maybe", "row 2, column eligible: 'maybe' is not a yes/no answer"),
    (5, "eligible", "", "row 2, column eligible: the value is empty (use yes or no)"),
    (2, "sme", "perhaps", "row 2, column sme: 'perhaps' is not a yes/no answer"),
    (0, "bid_id", "", "row 2, column bid_id: the value is empty"),
    (1, "supplier", "", "row 2, column supplier: the value is empty"),
])
def test_bad_cells(write_csv, mini_rubric, cell, column, value, expected):
    row = list(GOOD)
    row[cell] = value
    problems = _problems(write_csv, mini_rubric, [row])
    assert problems == [f"{write_csv([[]]).parent / 'bids.csv'}, {expected}"]


def test_duplicate_bid_ids_name_the_first_row(write_csv, mini_rubric):
    problems = _problems(write_csv, mini_rubric, [GOOD, ["B", *GOOD[1:]], GOOD])
    assert len(problems) == 1
    assert problems[0].endswith("row 4, column bid_id: bid A appears again (first in row 2)")


def test_missing_columns_are_all_listed(write_csv, mini_rubric):
    problems = _problems(write_csv, mini_rubric, [["A", "x"]], header=["bid_id", "supplier"])
    assert [p.split(": ")[0].split(", ")[-1] for p in problems] == [
        "column quality", "column openness", "column eligible", "column price"]


def test_every_bad_cell_is_reported_in_row_order(write_csv, mini_rubric):
    rows = [["A", "x", "no", "9", "8", "yes", "0"], ["B", "y", "no", "1", "x", "yes", "10"]]
    problems = _problems(write_csv, mini_rubric, rows)
    assert len(problems) == 3
    assert "row 2" in problems[0] and "row 2" in problems[1] and "row 3" in problems[2]


def test_header_only(write_csv, mini_rubric):
    assert _problems(write_csv, mini_rubric, [])[0].endswith("the table has a header but no bids")


def test_decimal_comma_in_semicolon_files(tmp_path: Path, mini_rubric):
    path = tmp_path / "bids.csv"
    path.write_text(";".join(MINI_HEADER) + "\nA;x;no;2,5;8;yes;1234,50\n", encoding="utf-8-sig")
    bids = read_bids(path, mini_rubric)
    assert bids.scores["quality"].tolist() == [2.5]
    assert bids.cost.price is not None and bids.cost.price.tolist() == [1234.5]


def test_panel_supplies_the_scale_scores(write_csv, mini_rubric):
    header = ["bid_id", "supplier", "eligible", "price"]
    bids = read_bids(write_csv([header, ["A", "x", "yes", "5"]]), mini_rubric,
                     scores_from_panel=True)
    assert bids.scores == {}


TCO_HEADER = ["bid_id", "supplier", "capex", "opex_per_year", "term_years", "exit_cost"]


@pytest.fixture
def tco_rubric(mini_data):
    from tests.conftest import rubric_from

    mini_data["criteria"][3]["basis"] = "tco"
    for criterion in mini_data["criteria"]:
        if criterion["kind"] == "scale":
            criterion.pop("threshold", None)
    mini_data["criteria"] = [c for c in mini_data["criteria"] if c["kind"] != "gate"]
    return rubric_from(mini_data)


@pytest.mark.parametrize(("row", "expected"), [
    (["A", "x", "100", "10", "0", "5"], "column term_years: must be greater than 0, not 0"),
    (["A", "x", "100", "10", "-2", "5"], "column term_years: must be greater than 0, not -2"),
    (["A", "x", "100", "10", "2.5", "5"], "the term must be a whole number of years, not 2.5"),
    (["A", "x", "-1", "10", "3", "5"], "column capex: must not be negative (-1)"),
    (["A", "x", "0", "0", "3", "0"], "column capex: the total cost of ownership is zero"),
])
def test_bad_tco_inputs(write_csv, tco_rubric, row, expected):
    path = write_csv([[*TCO_HEADER, "quality", "openness"], [*row, "2", "5"]])
    with pytest.raises(InputError) as caught:
        read_bids(path, tco_rubric)
    assert expected in str(caught.value)
