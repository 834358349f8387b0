"""``procure benefit``: the benefits a contract is to realise (ISO 37106 clause 7), measured
against their plan, beside the evaluation's confidence in the winner delivering them.

    procure benefit list --contract ID [--json]
    procure benefit add --contract ID --description T --owner T --baseline V --target V
        --due YYYY-MM-DD [--unit U] --as USER
    procure benefit measure --contract ID --benefit N --on D --value V [--evidence T] --as USER
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, tr

_CONTRACT = click.option("--contract", "contract_id", type=int, required=True, metavar="ID",
                         help="The contract's number (see procure contracts).")
_DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.group("benefit")
def benefit_group() -> None:
    """The expected benefits of a contract: planned against realised."""


@benefit_group.command("list")
@_CONTRACT
@db_option
@json_option
@lang_option
def list_benefits(contract_id: int, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Each benefit with its owner, baseline, target and due date, and every measurement
    beside what the plan expected that day."""
    from procurement import formats
    from procurement.cli.render import table
    from procurement.services import benefits
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    found = benefits.benefits(Database.open(db_path), OPERATOR, contract_id)
    if as_json:
        click.echo(json.dumps({
            "benefits": [b.model_dump(mode="json") for b in found.benefits],
            "confidence": asdict(found.confidence) if found.confidence else None},
            ensure_ascii=False, indent=2))
        return
    if found.confidence is not None:
        click.echo(tr(N_("Evaluation: {criterion} {score:g} of {max:g}"), lang,
                      criterion=found.confidence.criterion["zh" if lang == "zh" else "en"],
                      score=found.confidence.score, max=found.confidence.scale_max))
    if not found.benefits:
        click.echo(tr(N_("No expected benefit recorded yet."), lang))
        return
    for benefit in found.benefits:
        terms = benefit.terms
        click.echo("")
        click.echo(tr(N_("{number}. {description} — owner {owner}: {baseline:g} → {target:g} "
                         "{unit} by {due}"), lang, number=benefit.number,
                      description=terms["description"], owner=terms["owner"],
                      baseline=terms["baseline"], target=terms["target"], unit=terms["unit"],
                      due=formats.day(datetime.fromisoformat(terms["due"]).date(), lang)))
        if benefit.measurements:
            click.echo(table(
                [tr(N_("Measured on"), lang), tr(N_("Planned"), lang), tr(N_("Realised"), lang),
                 tr(N_("Of the planned change"), lang)],
                [[formats.day(m.measured_on, lang), f"{m.planned:.4g}", f"{m.value:g}",
                  f"{m.realised:.0%}"] for m in benefit.measurements], right_aligned=(1, 2, 3)))


@benefit_group.command("add")
@_CONTRACT
@click.option("--description", required=True, help="What should change.")
@click.option("--owner", required=True, help="Who in the city owns the benefit.")
@click.option("--unit", default="", help="The measure's unit.")
@click.option("--baseline", type=float, required=True)
@click.option("--target", type=float, required=True)
@click.option("--due", type=_DAY, required=True, metavar="YYYY-MM-DD",
              help="When the target is to be reached.")
@actor_option
@db_option
@lang_option
def add(contract_id: int, description: str, owner: str, unit: str, baseline: float,
        target: float, due: datetime, username: str, db_path: str | None, lang: Lang) -> None:
    """Add an expected benefit (the lead)."""
    from procurement.services import benefits, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    added = benefits.add_benefit(db, users.get_actor(db, username), contract_id, {
        "description": description, "owner": owner, "unit": unit, "baseline": baseline,
        "target": target, "due": due.date().isoformat()})
    click.echo(tr(N_("Benefit {number} added."), lang, number=added.number))


@benefit_group.command("measure")
@_CONTRACT
@click.option("--benefit", "number", type=int, required=True, metavar="N")
@click.option("--on", "measured_on", type=_DAY, required=True, metavar="YYYY-MM-DD")
@click.option("--value", type=float, required=True)
@click.option("--evidence", default="", help="Where the figure comes from.")
@actor_option
@db_option
@lang_option
def measure(contract_id: int, number: int, measured_on: datetime, value: float, evidence: str,
            username: str, db_path: str | None, lang: Lang) -> None:
    """Record what a benefit had reached on a day (the lead or a contract manager)."""
    from procurement.services import benefits, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    seen = benefits.measure_benefit(db, users.get_actor(db, username), contract_id, number,
                                    measured_on.date(), value, evidence)
    click.echo(tr(N_("Benefit {number} on {day}: {realised:.0%} of the planned change "
                     "(the plan expected {planned:.4g})."), lang, number=number,
                  day=seen.measured_on.isoformat(), realised=seen.realised,
                  planned=seen.planned))
