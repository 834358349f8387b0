"""A CSV file's text checked before parsing (issue 12): one encoding per file, quotes closed,
each problem said once in the user's terms."""

from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.tables.read import read_table
from procurement.tables.text import detect_encoding, quoted_cell

HEADER = "bid_id,supplier,notes\n"


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_table(path)
    (line,) = caught.value.lines()
    return line


def test_one_encoding_per_file_is_read_as_written():
    assert detect_encoding("a\n港湾\n".encode(), "f") == "utf-8"
    assert detect_encoding("\ufeffa\n港湾\n".encode(), "f") == "utf-8-sig"
    assert detect_encoding("a\n港湾\n".encode("gbk"), "f") == "gb18030"


def test_a_file_mixing_utf8_and_gbk_names_a_line_in_each(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_bytes((HEADER + "A,港湾出行,x\n").encode() + "B,海景数字,y\n".encode("gbk"))
    assert _refusal(path).endswith(
        "the file mixes encodings: line 2 is UTF-8 but line 3 is not (GBK?); save the whole "
        "file again in one encoding, CSV UTF-8")


def test_a_bom_file_with_a_gbk_line_is_mixed_too(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "A,x,y\n").encode() + "B,海景,y\n".encode("gbk"))
    assert "line 1 is UTF-8 but line 3 is not" in _refusal(path)


def test_bytes_in_no_encoding_are_refused_with_their_line(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_bytes(HEADER.encode() + b"A,x,y\nB,\xff\xff\xff,z\n")
    assert "line 3 is in neither UTF-8 nor GBK" in _refusal(path)


@pytest.mark.parametrize(("body", "line", "column"), [
    ('A,"never closed,x\nB,y,z\n', 2, "supplier"),
    ('A,x,y\nB,"Seaview, Ltd,"the pilot" first\n', 3, "supplier"),
    ('A,x,"notes\n', 2, "notes"),
])
def test_an_unclosed_quote_is_named_where_it_opens(tmp_path: Path, body, line, column):
    path = tmp_path / "bids.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    assert _refusal(path).endswith(
        f'a quote (") opens on line {line}, column {column}, and is not closed where the cell '
        'ends; a quote inside a cell is written twice ("")')


def test_quotes_as_spreadsheets_write_them_are_accepted(tmp_path: Path):
    path = tmp_path / "bids.csv"
    path.write_text(HEADER + 'A,"Seaview, Ltd","a 5"" screen"\nB,12" panel,"two\nlines"\n',
                    encoding="utf-8")
    table = read_table(path, text_columns=frozenset({"bid_id", "supplier", "notes"}))
    assert table.column("supplier").to_pylist() == ["Seaview, Ltd", '12" panel']
    assert table.column("notes").to_pylist() == ['a 5" screen', "two\nlines"]


def test_the_cell_of_a_broken_quote():
    assert quoted_cell('A,"open', ",") == 1
    assert quoted_cell('A,"x"y,z', ",") == 1
    assert quoted_cell('A;B;"x""y', ";") == 2


def test_a_row_far_wider_than_the_header_is_one_line(tmp_path: Path):
    path = tmp_path / "bids.csv"
    header = ",".join(f"c{i}" for i in range(5462))
    path.write_text(header + "\n" + "x," * 20020 + "x\n" + "y," * 5461 + "y\n",
                    encoding="utf-8")
    assert _refusal(path).endswith("row 2: the row has 20,021 cells, the header 5,462")


def test_a_20_mb_cell_is_a_cell(tmp_path: Path):
    path = tmp_path / "bids.csv"
    long = "x" * (20 * 1024 * 1024)
    path.write_text(f'{HEADER}A,Alpha,{long}\nB,"Beta ""B""",short\n', encoding="utf-8")
    table = read_table(path, text_columns=frozenset({"bid_id", "supplier", "notes"}))
    assert table.column("notes").to_pylist() == [long, "short"]
    assert table.column("supplier").to_pylist() == ["Alpha", 'Beta "B"']
