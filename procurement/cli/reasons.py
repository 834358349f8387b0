"""``procure reasons``: the reasons the letters to bidders give for each score, released by
the lead in English and Chinese (``procure import reasons`` releases a whole file).

    procure reasons list --procurement ID --as USER [--json]
    procure reasons release --procurement ID --bid B --criterion C [--en TEXT] [--zh TEXT] --as USER
"""

from __future__ import annotations

import json

import click

from procurement.cli.options import (
    actor_option,
    db_option,
    json_option,
    lang_option,
    procurement_option,
)
from procurement.i18n import N_, Lang, tr


@click.group("reasons")
def reasons_group() -> None:
    """The reasons the letters to bidders give for each score (released by the lead)."""


@reasons_group.command("list")
@procurement_option
@actor_option
@db_option
@json_option
@lang_option
def list_reasons(procurement_id: int, username: str, db_path: str | None, as_json: bool,
                 lang: Lang) -> None:
    """Each scored bid and criterion with the reason its letters give in English and in
    Chinese (released, or the consensus reason), and what is still missing."""
    from procurement.cli.render import table
    from procurement.services import reasons, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    rows = reasons.letter_table(db, users.get_actor(db, username), procurement_id)
    if as_json:
        click.echo(json.dumps([vars(r) for r in rows], ensure_ascii=False, indent=2))
        return
    missing = tr(N_("(missing)"), lang)
    click.echo(table([tr(N_("Bid"), lang), tr(N_("Criterion"), lang), tr(N_("English"), lang),
                      tr(N_("Chinese"), lang)],
                     [[r.bid, r.criterion, r.en or missing, r.zh or missing] for r in rows]))
    gaps = sum((r.en is None) + (r.zh is None) for r in rows)
    if gaps:
        click.echo(tr(N_("{count} reasons are missing: the letters show – for them."), lang,
                      count=gaps))


@reasons_group.command("release")
@procurement_option
@click.option("--bid", "bid_ref", required=True, metavar="B", help="The bid.")
@click.option("--criterion", required=True, metavar="C", help="The scored criterion's id.")
@click.option("--en", metavar="TEXT", help="The reason in English.")
@click.option("--zh", metavar="TEXT", help="The reason in Chinese.")
@actor_option
@db_option
@lang_option
def release(procurement_id: int, bid_ref: str, criterion: str, en: str | None, zh: str | None,
            username: str, db_path: str | None, lang: Lang) -> None:
    """Release the reason for one bid's score on one criterion (the lead); a released one is
    replaced, and stays in the audit log."""
    from procurement.services import reasons, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    actor = users.get_actor(db, username)
    current = next((r for r in reasons.released_reasons(db, actor, procurement_id)
                    if (r.bid_ref, r.criterion) == (bid_ref, criterion)), None)
    view = reasons.release(db, actor, procurement_id, bid_ref, criterion, en, zh,
                           expected_version=current.version if current else None)
    click.echo(tr(N_("Reason released for {bid} · {criterion}."), lang, bid=view.bid_ref,
                  criterion=view.criterion))
