"""``procure db upgrade|backup|restore``, ``procure demo`` and ``procure list``."""

from __future__ import annotations

import json
from pathlib import Path

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


@db_group.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@lang_option
def backup(out: Path, db_path: str | None, lang: Lang) -> None:
    """Copy the SQLite database to OUT while the app runs (SQLite's online backup), and
    verify the copy: integrity, schema and the audit chain. For PostgreSQL, says how to use
    pg_dump."""
    from procurement.store import backup as backups
    from procurement.store.db import database_url

    report = backups.backup(database_url(db_path), out)
    click.echo(tr(N_("Backed up to {file} ({size}; schema {revision}; audit chain of {entries} "
                     "entries verified)."), lang, file=str(report.path),
                  size=_size(report.size), revision=report.revision,
                  entries=f"{report.audit_entries:,}"))


@db_group.command("restore")
@click.argument("backup_file", metavar="BACKUP", type=click.Path(path_type=Path))
@db_option
@lang_option
def restore(backup_file: Path, db_path: str | None, lang: Lang) -> None:
    """Replace the SQLite database's content with BACKUP, once BACKUP verifies; the database
    as it was is kept beside it (NAME.before-restore-TIME.sqlite)."""
    from procurement.store import backup as backups
    from procurement.store.db import database_url

    report, kept = backups.restore(database_url(db_path), backup_file)
    click.echo(tr(N_("Restored {file} (schema {revision}; audit chain of {entries} entries "
                     "verified)."), lang, file=str(report.path), revision=report.revision,
                  entries=f"{report.audit_entries:,}"))
    if kept is not None:
        click.echo(tr(N_("The database as it was is kept in {file}."), lang, file=str(kept)))


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MiB"
