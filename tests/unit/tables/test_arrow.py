"""Buffer-level conversions agree with pyarrow's own (which import pandas)."""

import subprocess
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from procurement.tables import arrow

maybe_floats = st.lists(st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
                        max_size=40)
maybe_text = st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=40)


@given(maybe_floats, st.integers(0, 5))
def test_floats_and_validity_match_pyarrow(values, offset):
    array = pa.array(values, pa.float64()).slice(min(offset, len(values)))
    expected = array.to_numpy(zero_copy_only=False)
    assert np.array_equal(arrow.floats(array), expected, equal_nan=True)
    assert arrow.valid(array).tolist() == [v is not None for v in array.to_pylist()]


@given(st.lists(st.one_of(st.none(), st.integers(-1000, 1000)), max_size=30))
def test_integers_become_floats(values):
    expected = [np.nan if v is None else float(v) for v in values]
    assert np.array_equal(arrow.floats(pa.array(values, pa.int64())), np.array(expected),
                          equal_nan=True)


@given(st.lists(st.one_of(st.none(), st.booleans()), max_size=40), st.integers(0, 9))
def test_booleans_match_pyarrow(values, offset):
    array = pa.array(values, pa.bool_()).slice(min(offset, len(values)))
    assert arrow.booleans(array).tolist() == [bool(v) for v in array.to_pylist()]


@given(maybe_text)
def test_strings_round_trip(values):
    assert arrow.from_strings(values).to_pylist() == values


@given(maybe_text)
def test_codes_index_the_distinct_values(values):
    index, distinct = arrow.codes(pa.array(values, pa.string()))
    assert [None if i < 0 else distinct[i] for i in index] == values


def test_numbers_with_missing_rows_and_choices():
    array = arrow.from_numbers(np.array([1, 2, 3]), missing=np.array([False, True, False]))
    assert array.to_pylist() == [1, None, 3]
    assert arrow.from_numbers(np.array([0.5, 1.5])).to_pylist() == [0.5, 1.5]
    assert arrow.from_choice(np.array([True, False]), "yes", "no").to_pylist() == ["yes", "no"]
    assert pc.filter(pa.array([1, 2]), arrow.from_booleans(np.array([False, True]))).to_pylist() \
        == [2]


def test_reading_and_scoring_a_csv_never_imports_pandas(tmp_path):
    """pandas costs 0.2 s of start-up: `procure score` on a CSV must not need it."""
    from tests.conftest import MINI_BIDS, MINI_RUBRIC

    code = (
        "import sys\n"
        "from procurement.api import score_file_card\n"
        "from procurement.export import write_results\n"
        f"card = score_file_card({str(MINI_BIDS)!r}, rubric={str(MINI_RUBRIC)!r})\n"
        f"write_results(card, {str(tmp_path / 'r.csv')!r})\n"
        "print('pandas' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
