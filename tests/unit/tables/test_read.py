"""Reading tables as spreadsheet programs write them."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from procurement.errors import InputError
from procurement.tables.read import read_table

ROWS = [["bid_id", "supplier", "price"], ["A", "港湾出行有限公司", "100.5"], ["B", "Beta", "200"]]


def _text(delimiter=","):
    return "\n".join(delimiter.join(r) for r in ROWS) + "\n"


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("gbk", ","), ("gb18030", ";"), ("utf-8-sig", ";"),
    ("utf-8", "\t"),
])
def test_excel_csv_variants_are_read_alike(tmp_path: Path, encoding, delimiter):
    path = tmp_path / "bids.csv"
    path.write_bytes(_text(delimiter).encode(encoding))
    table = read_table(path, text_columns=frozenset({"bid_id", "supplier"}))
    assert table.names == ["bid_id", "supplier", "price"]
    assert table.column("supplier").to_pylist() == ["港湾出行有限公司", "Beta"]
    assert table.column("price").to_pylist() == [100.5, 200.0]


def test_headers_are_matched_without_case_or_spaces(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_text(" Bid_ID ,Supplier\nA,x\n", encoding="utf-8")
    assert read_table(path).names == ["bid_id", "supplier"]


def test_blank_lines_are_skipped_and_rows_keep_their_spreadsheet_numbers(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_text("bid_id,price\nA,1\n\nB,2\n,\nC,3\n", encoding="utf-8")
    table = read_table(path, text_columns=frozenset({"bid_id"}))
    assert table.column("bid_id").to_pylist() == ["A", "B", "C"]
    assert [table.row_number(i) for i in range(3)] == [2, 4, 6]


def test_rows_that_stop_early_are_padded_and_rows_too_long_are_refused(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_text("bid_id,price,note\nA,1\nB,2,x\n", encoding="utf-8")
    assert read_table(path).column("note").to_pylist() == [None, "x"]
    path.write_text("bid_id,price\nA,1\nB,2,x,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3: the row has 4 cells, the header 2"):
        read_table(path)


def test_ids_stay_text(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_text("bid_id,price\n007,1\n", encoding="utf-8")
    assert read_table(path, text_columns=frozenset({"bid_id"})).column("bid_id").to_pylist() == ["007"]


def test_xlsx_first_sheet(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    for row in [["bid_id", "supplier", "price"], [12, "港湾", 100], ["B", "Beta", 200.5]]:
        sheet.append(row)
    path = tmp_path / "bids.xlsx"
    book.save(path)
    table = read_table(path, text_columns=frozenset({"bid_id", "supplier"}))
    assert table.column("bid_id").to_pylist() == ["12", "B"]
    assert table.column("price").to_pylist() == [100, 200.5]
    assert table.row_number(1) == 3


def test_xlsx_blank_rows_keep_numbers_and_mixed_columns_become_text(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    for row in [["bid_id", "price", "flag"], ["A", 100, True], [None, None, None],
                ["B", "about 200", False]]:
        sheet.append(row)
    path = tmp_path / "bids.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.rows.tolist() == [2, 4]
    assert table.column("price").to_pylist() == ["100", "about 200"]
    assert table.column("flag").to_pylist() == [True, False]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x00\x01\x02binary\x00", "binary file"),
    (b"\xd0\xcf\x11\xe0old", "old .xls"),
    (b"PK\x03\x04not really a zip", "not a readable XLSX"),
    (b"bid_id,bid_id\nA,B\n", "the column appears twice"),
    (b"bid_id,,price\nA,x,1\n", "column 2 has no name"),
])
def test_unreadable_files_get_one_clear_error(tmp_path: Path, content, message):
    path = tmp_path / "bids.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_path_and_folder(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="folder"):
        read_table(tmp_path)
