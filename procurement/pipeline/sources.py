"""Read pipeline entries from a folder of YAML files or from a CSV/XLSX table.

Entries are yielded one at a time so that a large pipeline is published without holding
every entry; each problem is collected with its file, row and column, and the caller
decides (after the pass) that nothing is written when there were any.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError

from procurement.errors import InputError, Problem, fail, pydantic_message
from procurement.i18n import N_
from procurement.pipeline.entry import COLUMNS, REQUIRED, PipelineEntry
from procurement.yamlfile import read_mapping

if TYPE_CHECKING:
    from procurement.tables.read import Table

YAML_SUFFIXES = (".yaml", ".yml")
_CHUNK = 2_000
Located = tuple[str, int | None, PipelineEntry]  # an entry and where it was read: file, row
Raw = tuple[str, int | None, dict[str, Any] | InputError]

_MESSAGES = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field (not a pipeline column)"),
    "literal_error": N_("must be one of {expected}"),
    "string_pattern_mismatch": N_("must use letters, digits, '.', '_' and '-' only"),
    "string_too_long": N_("must be at most {max_length} characters"),
    "string_type": N_("must be text"),
    "decimal_parsing": N_("must be a number"),
    "decimal_type": N_("must be a number"),
    "bool_parsing": N_("must be yes or no"),
    "bool_type": N_("must be yes or no"),
    "date_parsing": N_("must be a date written YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("must be a date written YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("must be a date written YYYY-MM-DD"),
    "date_type": N_("must be a date written YYYY-MM-DD"),
}
_PATTERN_MESSAGES = {
    "language": N_("must be a two-letter language code such as en or zh"),
    "buyer_id": N_("must not contain spaces or '#'"),
    "contact_email": N_("must be an email address"),
}


class EntryFeed(Protocol):
    """Entries with where they were read; ``problems`` collects those that were refused
    (complete once the entries have been iterated)."""

    problems: list[Problem]

    def __iter__(self) -> Iterator[Located]: ...


@dataclass
class EntryReader:
    """Iterate the valid entries of ``source``; afterwards ``problems`` lists the rest."""

    source: Path
    problems: list[Problem] = field(default_factory=list)
    _seen: dict[str, str] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Located]:
        for file, row, raw in _raw_entries(self.source):
            if isinstance(raw, InputError):
                self.problems.extend(raw.problems)  # one unreadable file; read on
                continue
            entry = self._validate(file, row, raw)
            if entry is not None:
                yield file, row, entry

    def check(self) -> None:
        """Raise the problems found, if any (call after iterating)."""
        if self.problems:
            raise InputError(self.problems)

    def _validate(self, file: str, row: int | None, raw: dict[str, Any]) -> PipelineEntry | None:
        try:
            entry = PipelineEntry.model_validate(raw)
        except ValidationError as exc:
            self.problems.extend(problem_from(file, row, err) for err in exc.errors())
            return None
        where = file if row is None else f"{file}:{row}"
        first = self._seen.setdefault(entry.id, where)
        if first != where:
            self.problems.append(Problem(file, N_("duplicate id {id} (first at {first})"),
                                         row=row, column="id",
                                         params={"id": entry.id, "first": first}))
            return None
        return entry


def read_all(source: Path) -> list[PipelineEntry]:
    """Every entry of ``source``, or an :class:`InputError` listing every problem."""
    reader = EntryReader(source)
    entries = [entry for _file, _row, entry in reader]
    reader.check()
    return entries


def ranges(count: int, parts: int, min_size: int = 1) -> list[tuple[int, int]]:
    """``count`` items in at most ``parts`` consecutive ranges of at least ``min_size`` (how
    the database's entries are shared out, :mod:`procurement.services.pipeline_store`)."""
    parts = max(1, min(parts, count // max(min_size, 1)))
    size = -(-count // parts) or 1
    return [(begin, min(begin + size, count)) for begin in range(0, count, size)] or [(0, 0)]


def _raw_entries(source: Path) -> Iterable[Raw]:
    if source.is_dir():
        return _yaml_files(_yaml_paths(source))
    if not source.exists():
        raise fail(str(source), N_("no such file or folder"))
    if source.suffix.lower() in YAML_SUFFIXES:
        return [_yaml_file(source)]
    table = _read_table(source)
    return _table_rows(table, 0, len(table))


def _yaml_paths(folder: Path) -> list[Path]:
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
    if not paths:
        raise fail(str(folder), N_("the folder has no pipeline entries (*.yaml files)"))
    return paths


def _yaml_files(paths: list[Path]) -> Iterator[Raw]:
    for path in paths:
        try:
            yield _yaml_file(path)
        except InputError as exc:
            yield str(path), None, exc


def _yaml_file(path: Path) -> Raw:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(str(path), N_("cannot read the file ({reason})"), reason=exc.strerror) from exc
    # As text: ids and codes exactly as written (00123 is not 83), read like a CSV cell.
    return str(path), None, read_mapping(raw, str(path), as_text=True)


def _read_table(path: Path) -> Table:
    from procurement.tables.read import read_table

    table = read_table(path, text_columns=frozenset(COLUMNS))
    unknown = [name for name in table.names if name not in COLUMNS]
    if unknown:
        raise InputError([Problem(table.file, N_("unknown column (not a pipeline column)"),
                                  row=1, column=name) for name in unknown])
    table.require(list(REQUIRED), N_("the table has no pipeline entries"))
    return table


def _table_rows(table: Table, start: int, stop: int) -> Iterator[Raw]:
    names = table.names
    # Python strings for a slice of rows at a time: converting whole columns would hold
    # every cell of a 100,000-row pipeline as a Python object at once.
    for begin in range(start, stop, _CHUNK):
        size = min(_CHUNK, stop - begin)
        columns = [table.column(name).slice(begin, size).to_pylist() for name in names]
        for offset, values in enumerate(zip(*columns, strict=True)):
            yield table.file, table.row_number(begin + offset), {
                name: value for name, value in zip(names, values, strict=True)
                if value is not None}


def problem_from(file: str, row: int | None, err: Any) -> Problem:
    """One pydantic error of an entry, placed at its row and column (or field, in YAML)."""
    loc = [str(part) for part in err["loc"] if not isinstance(part, int)]
    column = loc[0] if loc else None
    msgid, params = pydantic_message(err, _MESSAGES)
    if err["type"] == "pipeline_rule":
        column = params.pop("column", column)  # a rule across fields names the one to fix
    elif err["type"] == "string_type" and err.get("input") is None:
        msgid, params = _MESSAGES["missing"], {}  # an empty cell in a required column
    elif err["type"] == "string_pattern_mismatch" and column in _PATTERN_MESSAGES:
        msgid, params = _PATTERN_MESSAGES[column], {}
    if row is None:
        return Problem(file, msgid, field=column, params=params)
    return Problem(file, msgid, row=row, column=column, params=params)
