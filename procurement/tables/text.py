"""The text of a CSV file before it is parsed: which encoding it is in, and what is wrong
with it in the user's terms when a parser would say it in its own.

A spreadsheet program writes one encoding per file: UTF-8 (with or without BOM), or GBK on a
Chinese Windows machine. A file put together from two sources can mix them; decoding it as
one encoding either fails ("can't decode byte 0x80") or, worse, turns the other half into
mojibake without a word. Both are refused here, naming a line in each encoding.
"""

from __future__ import annotations

import csv
import io
import sys

from procurement.errors import InputError, fail
from procurement.i18n import N_

_BOM = b"\xef\xbb\xbf"


def detect_encoding(raw: bytes, file: str) -> str:
    """The encoding of the whole file: ``utf-8-sig``, ``utf-8`` or ``gb18030`` (a superset of
    GBK, what Chinese Windows Excel writes). A file mixing UTF-8 and GBK lines is refused."""
    if raw.startswith(_BOM):
        try:
            raw[len(_BOM):].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _mixed(raw, file, utf8_line=1, other_at=exc.start + len(_BOM)) from exc
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_line = _first_utf8_line(raw)
        if utf8_line is not None:
            raise _mixed(raw, file, utf8_line=utf8_line, other_at=exc.start) from exc
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError as gbk_exc:
            raise fail(file, N_("line {line} is in neither UTF-8 nor GBK; save the file "
                                "again as CSV UTF-8"),
                       line=_line_of(raw, gbk_exc.start)) from gbk_exc
        return "gb18030"
    return "utf-8"


def _first_utf8_line(raw: bytes) -> int | None:
    """The first line holding non-ASCII text that is valid UTF-8 (GBK text almost never
    is), or None when every non-ASCII line is in another encoding."""
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return number
    return None


def _mixed(raw: bytes, file: str, *, utf8_line: int, other_at: int) -> InputError:
    return fail(file, N_("the file mixes encodings: line {utf8_line} is UTF-8 but line "
                         "{other_line} is not (GBK?); save the whole file again in one "
                         "encoding, CSV UTF-8"),
                utf8_line=utf8_line, other_line=_line_of(raw, other_at))


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def check_quotes(raw: bytes, file: str, header: list[str], delimiter: str,
                 encoding: str) -> None:
    """Refuse a file with a quote that opens a cell and is never closed where the cell
    ends, naming the line and the column where it opens. A balanced file has an even number
    of quote characters (a quote inside a quoted cell is written twice), so the common case
    costs one count; otherwise Python's strict CSV reader finds the record."""
    if raw.count(b'"') % 2 == 0:  # 0x22 is never part of a GBK or GB18030 character
        return
    text = raw.decode(encoding)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    start = 1
    allow_long_cells()
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        line = text.split("\n", start)[start - 1]
        position = quoted_cell(line, delimiter)
        column = header[position] if position < len(header) else str(position + 1)
        raise fail(file, N_('a quote (") opens on line {line}, column {cell}, and is not '
                            'closed where the cell ends; a quote inside a cell is written '
                            'twice ("")'), line=start, cell=column) from exc


def allow_long_cells() -> None:
    """Python's CSV reader refuses a cell over 128 KiB; a 20 MB description is still a cell."""
    if csv.field_size_limit() < sys.maxsize:
        csv.field_size_limit(sys.maxsize)


def quoted_cell(line: str, delimiter: str) -> int:
    """The position (from 0) of the cell on ``line`` whose quote is not closed where the cell
    ends: the cell still open at the end of the line, or closed by a quote that is not
    followed by a delimiter. The last cell when none is found."""
    cell, inside, opened, index = 0, False, 0, 0
    while index < len(line):
        char = line[index]
        if inside:
            if char == '"':
                if line[index + 1:index + 2] == '"':
                    index += 1  # an escaped quote inside the cell
                elif line[index + 1:index + 2] not in (delimiter, "", "\r"):
                    return opened
                else:
                    inside = False
        elif char == delimiter:
            cell += 1
        elif char == '"' and (index == 0 or line[index - 1] == delimiter):
            inside, opened = True, cell
        index += 1
    return opened if inside else cell
