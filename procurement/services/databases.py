"""A database a user names on the command line: a URL or a SQLite file (``city.sqlite``),
told apart from a file source (a pipeline folder, a CSV, an OCDS package) by its form."""

from __future__ import annotations

from pathlib import Path

from procurement.errors import fail
from procurement.i18n import N_
from procurement.store.db import Database

_DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def is_database(source: str) -> bool:
    return "://" in source or Path(source).suffix.lower() in _DATABASE_SUFFIXES


def open_database(source: str) -> Database:
    if "://" in source:
        return Database(source)
    if not Path(source).is_file():
        raise fail(source, N_("no such database file"))
    return Database.open(source)
