"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

LANG_OPTION_ENV = "PROCURE_LANG"
F = TypeVar("F", bound=Callable[..., Any])


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    # Errors raised later in the command are rendered in this language too.
    ctx.meta["lang"] = value
    return value


def lang_option(function: F) -> F:
    return click.option(
        "--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
        envvar=LANG_OPTION_ENV, callback=_remember_lang, is_eager=True,
        help="Language of names, messages and errors (zh = 简体中文).")(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True,
                        help="Print one JSON object instead of a readable table.")(function)


def db_option(function: F) -> F:
    return click.option(
        "--db", "db_path", metavar="PATH",
        help="SQLite database file [default: $PROCUREMENT_DATABASE_URL, else $PROCUREMENT_DB, "
             "else ./procurement.sqlite].")(function)


def actor_option(function: F) -> F:
    return click.option("--as", "username", required=True, metavar="USER",
                        help="The user on whose behalf the command acts (recorded in the "
                             "audit log).")(function)


def procurement_option(function: F) -> F:
    return click.option("--procurement", "procurement_id", type=int, required=True,
                        metavar="ID", help="The procurement's number (see procure list).")(function)
