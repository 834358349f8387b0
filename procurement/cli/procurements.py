"""``procure show`` and ``procure result``: a procurement from the database."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.cli.render import table
from procurement.i18n import N_, Lang, Term, tr
from procurement.services.actors import OPERATOR as COMMAND_LINE

if TYPE_CHECKING:
    from procurement.domain.views import ProcurementRecord


@click.command("show")
@click.argument("procurement_id", type=int, metavar="ID")
@db_option
@json_option
@lang_option
def show(procurement_id: int, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Show a procurement: methodology, status, panel and decisions (JSON: the record with
    its status, standstill end date and decision history)."""
    from procurement.labels import STATUSES as STATUS_NAMES
    from procurement.store.db import Database

    detail = record(Database.open(db_path), procurement_id)
    if as_json:
        click.echo(detail.model_dump_json(indent=2))
        return
    click.echo(f"{detail.reference} — {detail.title}")
    click.echo(tr(N_("Buyer: {buyer} · status: {status} · lead: {lead} · bids: {bids}"), lang,
                  buyer=detail.buyer_name, status=Term(STATUS_NAMES[detail.status]),
                  lead=detail.lead, bids=detail.bid_count))
    from procurement import jurisdictions

    law = jurisdictions.get(detail.jurisdiction)
    click.echo(tr(N_("Jurisdiction: {jurisdiction} · standstill: {rule}"), lang,
                  jurisdiction=tr(law.name, lang), rule=law.standstill_rule.render(lang)))
    if detail.standstill_end:
        click.echo(tr(N_("The standstill period ends on {date}; the contract may be awarded "
                         "from {next}."), lang, date=detail.standstill_end.isoformat(),
                      next=(detail.standstill_end + timedelta(days=1)).isoformat()))
    click.echo(tr(N_("Rubric {rubric} {version} · method {method} · price formula {formula}"),
                  lang, rubric=detail.rubric.id, version=detail.rubric.version,
                  method=detail.options.method, formula=detail.options.price_formula))
    click.echo("")
    from procurement.services.panel import COI_NAMES

    rows = [[m.username, m.display_name, tr(COI_NAMES[m.coi], lang), f"{m.scored}/{m.to_score}",
             "✓" if m.submitted_at else "–"] for m in detail.panel]
    click.echo(table([tr(N_("Evaluator"), lang), tr(N_("Name"), lang),
                      tr(N_("Conflict of interest"), lang), tr(N_("Scored"), lang),
                      tr(N_("Submitted"), lang)], rows, right_aligned=(3,)))


def record(db: Any, procurement_id: int) -> ProcurementRecord:
    """The procurement with its decision history, as the command line (the database's
    owner) reads it."""
    from procurement.domain.views import DecisionEntry, ProcurementRecord
    from procurement.services import award
    from procurement.services.procurements import get_procurement

    detail = get_procurement(db, COMMAND_LINE, procurement_id)
    history = [DecisionEntry.model_validate(d.model_dump(exclude={"evaluation"}))
               for d in award.decisions(db, COMMAND_LINE, procurement_id)]
    return ProcurementRecord(**detail.model_dump(), decisions=history)


@click.command("result")
@click.argument("procurement_id", type=int, metavar="ID")
@click.option("--lot", help="The lot to evaluate (procurements with lots).")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Bids shown in the table (0 shows all).")
@actor_option
@db_option
@json_option
@lang_option
def result(procurement_id: int, lot: str | None, limit: int, username: str, db_path: str | None,
           as_json: bool, lang: Lang) -> None:
    """Compute a procurement's current result (for its lead and approvers, once the price
    envelopes are open): consensus where moderated, the panel median elsewhere."""
    from procurement.cli.score_report import print_report
    from procurement.services import results, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    outcome = results.evaluate_procurement(db, users.get_actor(db, username), procurement_id, lot)
    if as_json:
        click.echo(outcome.evaluation.model_dump_json(indent=2))
    else:
        print_report(outcome.card, lang, limit)
