"""``procure db upgrade``, ``procure demo`` and ``procure list``."""

from __future__ import annotations

import json

import click

from procurement.cli.options import db_option, json_option, lang_option
from procurement.cli.render import table
from procurement.i18n import N_, Lang, tr


@click.group("db")
def db_group() -> None:
    """Create or migrate the database."""


@db_group.command("upgrade")
@db_option
@lang_option
def upgrade(db_path: str | None, lang: Lang) -> None:
    """Create the database if needed and bring it to the newest schema."""
    from procurement.store.db import Database

    db = Database.open(db_path)
    click.echo(tr(N_("Database {url} is up to date."), lang, url=db.safe_url))


@click.command("demo")
@db_option
@lang_option
def demo(db_path: str | None, lang: Lang) -> None:
    """Fill the database with the bilingual demo city (smart parking, 5 bids, a panel of 4)."""
    from procurement.services.demo import DEMO_PASSWORD, DEMO_USERS, build_demo
    from procurement.store.db import Database

    db = Database.open(db_path)
    _print_procurements(build_demo(db), lang)
    click.echo("")
    click.echo(tr(N_("Demo users (password {password}):"), lang, password=DEMO_PASSWORD))
    for user in DEMO_USERS:
        click.echo(f"  {user.username:<13} {user.role:<10} {user.name}")


@click.command("list")
@db_option
@json_option
@lang_option
def list_command(db_path: str | None, as_json: bool, lang: Lang) -> None:
    """List the procurements with their status and number of bids."""
    from procurement.services.procurements import list_procurements
    from procurement.store.db import Database

    summaries = list_procurements(Database.open(db_path))
    if as_json:
        click.echo(json.dumps([s.model_dump(mode="json") for s in summaries],
                              ensure_ascii=False, indent=2))
    else:
        _print_procurements(summaries, lang)


def _print_procurements(summaries: list, lang: Lang) -> None:  # type: ignore[type-arg]
    from procurement.labels import STATUSES as STATUS_NAMES

    rows = [[str(s.id), s.reference, s.title, tr(STATUS_NAMES[s.status], lang), str(s.bid_count)]
            for s in summaries]
    click.echo(table([tr(N_("ID"), lang), tr(N_("Reference"), lang), tr(N_("Title"), lang),
                      tr(N_("Status"), lang), tr(N_("No. of bids"), lang)], rows,
                     right_aligned=(0, 4)))
