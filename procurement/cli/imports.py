"""``procure import bids``, ``procure import scores``, ``procure import reasons`` and
``procure import pipeline``: all or nothing."""

from __future__ import annotations

import click

from procurement.cli.options import actor_option, db_option, lang_option, procurement_option
from procurement.i18n import N_, Lang, tr


@click.group("import")
def import_group() -> None:
    """Load bids or panel scores into a procurement, or the pipeline into the database."""


@import_group.command("bids")
@click.argument("file")
@procurement_option
@actor_option
@db_option
@lang_option
def import_bids(file: str, procurement_id: int, username: str, db_path: str | None,
                lang: Lang) -> None:
    """Add the bids in FILE (columns of a bids table, plus optional supplier_id, lot and
    answer_<criterion>); the price columns go into the sealed envelope."""
    from procurement.services import bids, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    count = bids.import_bids(db, users.get_actor(db, username), procurement_id, file)
    click.echo(tr(N_("Imported {count} bids."), lang, count=count))


@import_group.command("scores")
@click.argument("file")
@procurement_option
@actor_option
@db_option
@lang_option
def import_scores(file: str, procurement_id: int, username: str, db_path: str | None,
                  lang: Lang) -> None:
    """Add panel scores from FILE (bid_id, evaluator, criterion, score, rationale)."""
    from procurement.services import scoring, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    count = scoring.import_scores(db, users.get_actor(db, username), procurement_id, file)
    click.echo(tr(N_("Imported {count} scores."), lang, count=count))


@import_group.command("reasons")
@click.argument("file")
@procurement_option
@actor_option
@db_option
@lang_option
def import_reasons(file: str, procurement_id: int, username: str, db_path: str | None,
                   lang: Lang) -> None:
    """Release the reasons the letters to bidders give, from FILE (bid_id, criterion,
    reason_en, reason_zh; the lead): a file with a bad row releases nothing."""
    from procurement.services import reasons, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    count = reasons.import_reasons(db, users.get_actor(db, username), procurement_id, file)
    click.echo(tr(N_("Released {count} reasons."), lang, count=count))


@import_group.command("pipeline")
@click.argument("source")
@actor_option
@db_option
@lang_option
def import_pipeline(source: str, username: str, db_path: str | None, lang: Lang) -> None:
    """Add or replace the pipeline entries of SOURCE (a CSV/XLSX file, a YAML entry or a
    folder of them) in the database, where the app edits them and publish reads them."""
    from pathlib import Path

    from procurement.services import pipeline_store, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    count = pipeline_store.import_entries(db, users.get_actor(db, username), Path(source))
    click.echo(tr(N_("Imported {count} pipeline entries."), lang, count=count))
