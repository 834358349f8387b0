"""``procure review``: rate a procurement design against ISO 37106 Table 3 (6.6.3 b)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from procurement.cli.options import db_option, json_option, lang_option
from procurement.cli.render import table
from procurement.errors import fail
from procurement.i18n import N_, Lang, tr

if TYPE_CHECKING:
    from procurement.design import ProcurementDesign
    from procurement.services.design_reviews import RecordedReview


def _check_report_path(out: str) -> Path:
    from procurement.atomic import writable_file

    return writable_file(out, (".md",), N_("cannot write {file}: the report must end in .md"))


@click.command("review")
@click.argument("design_file", metavar="DESIGN.yaml")
@click.option("--out", "out", metavar="FILE.md",
              help="Also write the short report as Markdown, in the --lang language.")
@click.option("--record", is_flag=True,
              help="Also record the review in the city's portfolio (its Table 3 maturity "
                   "over time, procure indicators DB); needs --as, a procurement lead.")
@click.option("--procurement", "procurement_id", type=int, metavar="ID",
              help="With --record: the procurement the design is for (its lead records it).")
@click.option("--as", "username", metavar="USER",
              help="With --record: the lead recording the review (in the audit log).")
@db_option
@json_option
@lang_option
def review_command(design_file: str, out: str | None, record: bool, procurement_id: int | None,
                   username: str | None, db_path: str | None, as_json: bool,
                   lang: Lang) -> None:
    """Review a procurement design against ISO 37106 Table 3 before it goes out.

    Rates each of the 16 rows traditional, in transition or smart, with the reason and the
    6.6.3 recommendation that would move it. A field the design leaves out rates its row
    traditional ("the design does not say"). With --record, the review is kept in the
    city's portfolio, whose maturity over time procure indicators shows.
    """
    from procurement.atomic import atomic_path
    from procurement.design import load_design, markdown_report, review, review_view
    from procurement.design.report import design_line, headers, row_list, to_move

    path = _check_report_path(out) if out else None
    if not record and (procurement_id is not None or username is not None):
        raise fail("--record", N_("--procurement and --as go with --record"))
    if record and username is None:
        raise fail("--as", N_("--record needs --as USER, the procurement lead recording it"))
    design = load_design(design_file)
    view = review_view(review(design), lang)
    recorded = _record(design, db_path, username, procurement_id) if username else None
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        summary = view["summary"]
        click.echo(tr(N_("Design review: {design}"), lang, design=design_line(view, lang)))
        click.echo("")
        click.echo(table(headers(lang), [[str(r["row"]), r["name"], r["level_name"], r["reason"]]
                                         for r in view["rows"]], right_aligned=(0,)))
        click.echo("")
        click.echo(f"{summary['text']} · {summary['detail']}")
        moving = to_move(view)
        if moving:
            click.echo("")
            click.echo(tr(N_("What would move the other rows"), lang))
            for move in moving:
                click.echo(f"  {move['reference']}{row_list(move['rows'], lang)}")
                click.echo(f"    {move['recommendation']}")
    if path is not None:
        with atomic_path(path) as temporary:
            temporary.write_text(markdown_report(view, lang), encoding="utf-8")
    if recorded is not None:
        click.echo(tr(N_("Recorded in the city's portfolio as review {id} of {design}."), lang,
                      id=recorded.id, design=recorded.design_key), err=as_json)


def _record(design: ProcurementDesign, db_path: str | None, username: str,
            procurement_id: int | None) -> RecordedReview:
    from procurement.services import design_reviews, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    return design_reviews.record(db, users.get_actor(db, username), design, procurement_id)
