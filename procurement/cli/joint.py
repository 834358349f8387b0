"""``procure joint``: joint procurement opportunities across every buyer's pipeline.

    procure joint SOURCE [--window-months N] [--all] [--json]
    procure joint accept OPPORTUNITY --db PATH --as USER [--id ENTRY_ID] [--window-months N]
    procure joint dismiss OPPORTUNITY --reason TEXT --db PATH --as USER [--window-months N]

SOURCE is a pipeline folder, a CSV/XLSX/YAML file or a database; accepting and dismissing
are recorded in a database (the opportunity's id is shown by the first form).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, tr

if TYPE_CHECKING:
    from procurement.pipeline.joint import Opportunity

_WINDOW = click.option("--window-months", "window", default="6", show_default=True,
                       metavar="N", help="How many months apart the tender dates may be.")
FIND = "find"


class JointGroup(click.Group):
    """``procure joint SOURCE`` is ``procure joint find SOURCE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = [FIND, *args]  # options may come before SOURCE too
        return super().parse_args(ctx, args)


@click.group("joint", cls=JointGroup)
def joint_group() -> None:
    """Joint procurement: entries of different buyers whose needs overlap (the same CPV
    group, tender dates close together, similar titles), to be bought together."""


@joint_group.command(FIND)
@click.argument("source", metavar="SOURCE")
@_WINDOW
@click.option("--all", "show_all", is_flag=True,
              help="Also list the opportunities already accepted or dismissed.")
@json_option
@lang_option
def find(source: str, window: str, show_all: bool, as_json: bool, lang: Lang) -> None:
    """List the opportunities in SOURCE (a pipeline folder, CSV/XLSX/YAML file or database)."""
    from procurement.services import joint

    findings = joint.find_in(source, window)
    shown = findings.opportunities if show_all else findings.open()
    status = {o.id: (findings.decided[o.id].decision if o.id in findings.decided else "open")
              for o in shown}
    if as_json:
        click.echo(json.dumps({"opportunities": [_json(o, status[o.id]) for o in shown]},
                              ensure_ascii=False, indent=2))
        return
    if not shown:
        click.echo(tr(N_("No joint procurement opportunity found."), lang))
        return
    for opportunity in shown:
        _print(opportunity, status[opportunity.id], lang)


@joint_group.command("accept")
@click.argument("opportunity", metavar="OPPORTUNITY")
@click.option("--id", "entry_id", metavar="ENTRY_ID",
              help="The joint entry's id [default: joint- and the opportunity's id].")
@_WINDOW
@actor_option
@db_option
@lang_option
def accept(opportunity: str, entry_id: str | None, window: str, username: str,
           db_path: str | None, lang: Lang) -> None:
    """Accept an opportunity: add one joint pipeline entry for all its buyers (the lead)."""
    from procurement.services import joint, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    made = joint.accept(db, users.get_actor(db, username), opportunity, entry_id=entry_id,
                        window_months=window)
    click.echo(tr(N_("Opportunity {id} accepted: joint pipeline entry {entry} for {count} "
                     "buyers."), lang, id=opportunity, entry=made.id,
                  count=1 + len(made.joint_buyers or ())))


@joint_group.command("dismiss")
@click.argument("opportunity", metavar="OPPORTUNITY")
@click.option("--reason", required=True, help="Why the buyers will not buy together.")
@_WINDOW
@actor_option
@db_option
@lang_option
def dismiss(opportunity: str, reason: str, window: str, username: str, db_path: str | None,
            lang: Lang) -> None:
    """Dismiss an opportunity with a reason; it is not proposed again (the lead)."""
    from procurement.services import joint, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    joint.dismiss(db, users.get_actor(db, username), opportunity, reason, window_months=window)
    click.echo(tr(N_("Opportunity {id} dismissed."), lang, id=opportunity))


def _json(opportunity: Opportunity, status: str) -> dict[str, Any]:
    return {"id": opportunity.id, "status": status, "entries": list(opportunity.entries),
            "buyers": list(opportunity.buyers),
            "combined_value": [{"amount": float(amount), "currency": currency}
                               for currency, amount in opportunity.combined_value.items()],
            "reasons": [{"entries": list(r.entries), "cpv_level": r.cpv_level,
                         "cpv_prefix": r.cpv_prefix,
                         "tender_dates": [d.isoformat() for d in r.tender_dates],
                         "similarity": r.similarity} for r in opportunity.reasons]}


def _print(opportunity: Opportunity, status: str, lang: Lang) -> None:
    from procurement import formats
    from procurement.cli.render import table
    from procurement.labels import CPV_LEVELS

    value = "; ".join(formats.money(float(amount), currency, lang)
                      for currency, amount in opportunity.combined_value.items())
    click.echo("")
    click.echo(tr(N_("Opportunity {id}: {buyers} — combined value {value}"), lang,
                  id=opportunity.id, buyers=formats.series(opportunity.buyers, lang),
                  value=value or formats.NONE))
    if status != "open":
        click.echo(tr(N_("(accepted)") if status == "accepted" else N_("(dismissed)"), lang))
    click.echo(table(
        [tr(N_("Entries"), lang), tr(N_("Matched on"), lang), tr(N_("Tender dates"), lang),
         tr(N_("Similarity"), lang)],
        [[" + ".join(r.entries), f"{tr(CPV_LEVELS[r.cpv_level], lang)} {r.cpv_prefix}",
          " / ".join(formats.day(d, lang) for d in r.tender_dates), f"{r.similarity:.0f}"]
         for r in opportunity.reasons], right_aligned=(3,)))
