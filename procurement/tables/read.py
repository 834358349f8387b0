"""Read a user's table (CSV or XLSX) as spreadsheet programs write them.

Accepts UTF-8 with or without BOM and GBK/GB18030 (Chinese Excel's "CSV"), with ``,``,
``;`` or tab delimiters, and the first sheet of an .xlsx workbook. Headers are matched
case-insensitively. Row numbers are those a spreadsheet shows: the header is row 1.

Columns are pyarrow arrays: pyarrow reads a large CSV several times faster than pandas,
and not importing pandas keeps ``procure score`` quick to start.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from procurement.errors import InputError, Problem, fail
from procurement.i18n import N_
from procurement.tables import text

if TYPE_CHECKING:
    import pyarrow as pa
    from numpy.typing import NDArray

_SNIFF_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_HEADER_ROW = 1
_BLOCK_BYTES = 1 << 20  # pyarrow's default: large files are read in parallel blocks


@dataclass(frozen=True)
class Table:
    """A user's table: lower-case headers, one pyarrow array per column, and the
    spreadsheet row number of every data row."""

    file: str
    columns: dict[str, pa.Array]
    rows: NDArray[np.int64]
    delimiter: str | None = None  # None for a workbook

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def names(self) -> list[str]:
        return list(self.columns)

    def column(self, name: str) -> pa.Array:
        return self.columns[name]

    def row_number(self, position: int | np.integer[Any]) -> int:
        return int(self.rows[int(position)])

    def require(self, names: list[str], what: str) -> None:
        """Refuse a table that lacks any of the columns ``names`` or has no rows of
        ``what`` (a translated noun such as "bids")."""
        missing = [name for name in names if name not in self.columns]
        if missing:
            raise InputError([Problem(self.file, N_("required column is missing"),
                                      row=_HEADER_ROW, column=name) for name in missing])
        if not len(self):
            raise InputError([Problem(self.file, what)])


def read_table(path: str | Path, *, text_columns: frozenset[str] = frozenset()) -> Table:
    """Read ``path``; ``text_columns`` are kept as text (identifiers such as ``bid_id``)."""
    file = str(path)
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise fail(file, N_("no such file")) from exc
    except IsADirectoryError as exc:
        raise fail(file, N_("this is a folder, not a table")) from exc
    except OSError as exc:
        raise fail(file, N_("cannot read the file ({reason})"), reason=exc.strerror) from exc
    return read_table_bytes(raw, file, text_columns=text_columns,
                            workbook=path.suffix.lower() in _EXCEL_SUFFIXES)


def read_table_bytes(raw: bytes, file: str, *, text_columns: frozenset[str] = frozenset(),
                     workbook: bool = False) -> Table:
    """Read a table from ``raw`` bytes (an upload); ``file`` names it in error messages."""
    head = raw[:_SNIFF_BYTES]
    if not head.strip():
        raise fail(file, N_("the file is empty"))
    if head.startswith(_OLE_MAGIC):
        raise fail(file, N_("old .xls workbooks are not supported; save it as .xlsx or CSV"))
    if head.startswith(_ZIP_MAGIC) or workbook:
        return _read_workbook(raw, file, text_columns)
    if b"\x00" in head:
        raise fail(file, N_("this is a binary file, not a CSV or XLSX table"))
    return _read_csv(raw, file, text_columns)


def _read_csv(raw: bytes, file: str, text_columns: frozenset[str]) -> Table:
    encoding = text.detect_encoding(raw, file)
    text_head = raw[:_SNIFF_BYTES].decode(encoding, errors="replace").lstrip("\ufeff")
    first_line = text_head.splitlines()[0]
    delimiter = _detect_delimiter(first_line)
    header = [name.strip().lower() for name in next(csv.reader([first_line], delimiter=delimiter))]
    _check_header(file, header)
    text.check_quotes(raw, file, header, delimiter, encoding)
    lines = _data_lines(raw)
    table, rejected = _parse_csv(raw, file, header, delimiter, encoding, text_columns)
    if rejected.problems and all(p.params["cells"] < len(header) for p in rejected.problems):
        # Rows that stop early (a hand-edited file leaving out empty trailing cells) are
        # padded, as a spreadsheet would show them; this slow path is taken only then.
        raw = _padded(raw, encoding, delimiter, len(header))
        encoding = "utf-8"
        table, rejected = _parse_csv(raw, file, header, delimiter, encoding, text_columns)
    if rejected.problems:
        raise InputError(rejected.problems)
    columns = {name: table.column(name).combine_chunks() for name in header}
    rows = lines if len(lines) == table.num_rows else np.arange(table.num_rows) + _HEADER_ROW + 1
    return _without_empty_rows(Table(file, columns, np.asarray(rows, dtype=np.int64), delimiter))


class _RejectedRows:
    """Collects the rows pyarrow rejects for a wrong number of cells. pyarrow does not say
    which line a rejected row was on, so it is found by its text."""

    def __init__(self, file: str, raw: bytes, encoding: str, expected: int) -> None:
        self.file, self.raw, self.encoding, self.expected = file, raw, encoding, expected
        self.problems: list[Problem] = []
        self._lines: list[str] | None = None
        self._cursor = _HEADER_ROW

    def __call__(self, row: Any) -> str:
        if self._lines is None:
            self._lines = self.raw.decode(self.encoding, errors="replace").splitlines()
        number = next((i + 1 for i in range(self._cursor, len(self._lines))
                       if self._lines[i] == row.text), None)
        self._cursor = number or self._cursor
        self.problems.append(Problem(
            self.file, N_("the row has {cells:,} cells, the header {expected:,}"),
            row=number, params={"cells": row.actual_columns, "expected": self.expected}))
        return "skip"


def _parse_csv(raw: bytes, file: str, header: list[str], delimiter: str, encoding: str,
               text_columns: frozenset[str]) -> tuple[pa.Table, _RejectedRows]:
    import pyarrow as pa

    rejected = _RejectedRows(file, raw, encoding, len(header))
    try:
        return _arrow_read(raw, header, delimiter, encoding, text_columns, rejected,
                           _BLOCK_BYTES), rejected
    except pa.ArrowInvalid as exc:
        if "straddl" not in str(exc):
            raise fail(file, N_("not a readable table ({reason})"),
                       reason=_first_line(exc)) from exc
    # A row longer than pyarrow's block (a 20 MB cell): read again with one block.
    rejected = _RejectedRows(file, raw, encoding, len(header))
    try:
        return _arrow_read(raw, header, delimiter, encoding, text_columns, rejected,
                           len(raw) + 1), rejected
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise fail(file, N_("not a readable table ({reason})"), reason=_first_line(exc)) from exc


def _arrow_read(raw: bytes, header: list[str], delimiter: str, encoding: str,
                text_columns: frozenset[str], rejected: _RejectedRows,
                block_size: int) -> pa.Table:
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    return arrow_csv.read_csv(
        pa.py_buffer(raw),
        read_options=arrow_csv.ReadOptions(column_names=header, skip_rows=1,
                                           encoding=encoding.replace("-sig", ""),
                                           block_size=block_size),
        parse_options=arrow_csv.ParseOptions(delimiter=delimiter,
                                             invalid_row_handler=rejected),
        convert_options=arrow_csv.ConvertOptions(
            column_types={name: pa.string() for name in header if name in text_columns},
            null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True),
    )


def _padded(raw: bytes, encoding: str, delimiter: str, width: int) -> bytes:
    import io

    text.allow_long_cells()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for row in csv.reader(io.StringIO(raw.decode(encoding)), delimiter=delimiter):
        writer.writerow(row + [""] * (width - len(row)) if row else row)
    return out.getvalue().encode("utf-8")


def _read_workbook(raw: bytes, file: str, text_columns: frozenset[str]) -> Table:
    import io

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        grid = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception as exc:  # openpyxl raises many unrelated types for a damaged file
        raise fail(file, N_("not a readable XLSX workbook ({reason})"),
                   reason=_first_line(exc)) from exc
    if not grid:
        raise fail(file, N_("the file is empty"))
    width = max(len(row) for row in grid)
    while width and all(len(row) < width or row[width - 1] is None for row in grid):
        width -= 1  # drop trailing columns with no header and no values
    header = [("" if v is None else str(v)).strip().lower() for v in grid[0][:width]]
    header += [""] * (width - len(header))
    _check_header(file, header)
    body = [(number, row + [None] * (width - len(row)))
            for number, row in enumerate(grid[1:], start=_HEADER_ROW + 1)]
    body = [(number, row) for number, row in body if any(_filled(v) for v in row[:width])]
    rows = np.array([number for number, _ in body], dtype=np.int64)
    columns = {name: _workbook_column([row[j] for _, row in body], name in text_columns)
               for j, name in enumerate(header)}
    return Table(file, columns, rows)


def _workbook_column(values: list[Any], as_text: bool) -> pa.Array:
    import pyarrow as pa

    present = [v for v in values if _filled(v)]
    if as_text or not present:
        kind = pa.string()
    elif all(isinstance(v, bool) for v in present):
        kind = pa.bool_()
    elif all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return pa.array([float(v) if _filled(v) else None for v in values], pa.float64())
    else:
        kind = pa.string()
    if kind == pa.string():
        return pa.array([_cell_text(v) if _filled(v) else None for v in values], pa.string())
    return pa.array([v if _filled(v) else None for v in values], kind)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _cell_text(value: object) -> str:
    # Excel stores an id typed as 12 as the number 12.0; the user sees "12".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _detect_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _data_lines(raw: bytes) -> NDArray[np.int64]:
    """Spreadsheet row numbers of the non-blank lines after the header (pyarrow skips
    blank lines, so this keeps error messages pointing at the right row)."""
    if b"\n\n" not in raw and b"\n\r\n" not in raw:
        count = raw.count(b"\n") - (1 if raw.endswith(b"\n") else 0)
        return np.arange(count, dtype=np.int64) + _HEADER_ROW + 1
    lines = raw.split(b"\n")[1:]
    return np.array([number for number, line in enumerate(lines, start=_HEADER_ROW + 1)
                     if line.strip(b"\r")], dtype=np.int64)


def _check_header(file: str, header: list[str]) -> None:
    for position, name in enumerate(header, start=1):
        if not name:
            raise fail(file, N_("column {position} has no name in the header row"),
                       row=_HEADER_ROW, position=position)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise fail(file, N_("the column appears twice in the header row"),
                       row=_HEADER_ROW, column=name)
        seen.add(name)


def _without_empty_rows(table: Table) -> Table:
    """Drop rows in which every cell is empty (Excel writes ";;;;" lines at the end)."""
    import pyarrow.compute as pc

    from procurement.tables import arrow

    if not table.columns or not len(table):
        return table
    empty = np.ones(len(table), dtype=bool)
    for column in table.columns.values():
        if column.null_count == 0:
            return table
        empty &= ~arrow.valid(column)
    if not empty.any():
        return table
    keep = arrow.from_booleans(~empty)
    columns = {name: pc.filter(column, keep) for name, column in table.columns.items()}
    return Table(table.file, columns, table.rows[~empty], table.delimiter)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return re.sub(r"\s+", " ", text[0]) if text else type(exc).__name__
