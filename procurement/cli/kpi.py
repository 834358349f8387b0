"""``procure contracts`` and ``procure kpi``: the contracts an award made, and their KPIs'
measurements, ratings and service credits.

    procure contracts --procurement ID [--json]
    procure contracts show|refine|kind|modify|exit|pay --contract ID …  (procurement.cli.contract)
    procure kpi list --contract ID [--json]
    procure kpi record --contract ID --kpi N --period 2026-03 --value V [--evidence TEXT] --as USER
    procure kpi import FILE --contract ID --as USER
"""

from __future__ import annotations

import json

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, Term, tr

_CONTRACT = click.option("--contract", "contract_id", type=int, required=True, metavar="ID",
                         help="The contract's number (see procure contracts).")


@click.group("contracts", invoke_without_command=True)
@click.option("--procurement", "procurement_id", type=int, metavar="ID",
              help="List the contracts of this procurement (see procure list).")
@db_option
@json_option
@lang_option
@click.pass_context
def contracts_command(ctx: click.Context, procurement_id: int | None, db_path: str | None,
                      as_json: bool, lang: Lang) -> None:
    """The contracts the procurement's award made, with their term and exit plan due date
    (``procure contracts --procurement ID``); the subcommands manage one contract."""
    if ctx.invoked_subcommand is not None:
        return
    if procurement_id is None:
        from procurement.errors import OptionError

        raise OptionError("procurement", N_("give --procurement ID, or a subcommand"))
    _list_contracts(procurement_id, db_path, as_json, lang)


def _list_contracts(procurement_id: int, db_path: str | None, as_json: bool,
                    lang: Lang) -> None:
    from procurement import formats
    from procurement.cli.render import table
    from procurement.services import contracts
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    found = contracts.contracts_of(Database.open(db_path), OPERATOR, procurement_id)
    if as_json:
        click.echo(json.dumps([c.model_dump(mode="json") for c in found], ensure_ascii=False,
                              indent=2))
        return
    if not found:
        click.echo(tr(N_("No contract yet: a contract is opened when the award is made."), lang))
        return
    click.echo(table(
        [tr(N_("Contract"), lang), tr(N_("Lot"), lang), tr(N_("Supplier"), lang),
         tr(N_("Value"), lang), tr(N_("Term"), lang), tr(N_("Exit plan due"), lang),
         tr(N_("KPIs"), lang)],
        [[str(c.id), c.lot, c.supplier, formats.money(c.value, c.currency, lang),
          f"{formats.day(c.start_date, lang)} – {formats.day(c.end_date, lang)}",
          formats.day(c.exit_plan_due, lang), str(len(c.kpis))] for c in found],
        right_aligned=(0, 3, 6)))


@click.group("kpi")
def kpi_group() -> None:
    """A contract's KPIs: their measurements, ratings and service credits."""


@kpi_group.command("list")
@_CONTRACT
@db_option
@json_option
@lang_option
def list_kpis(contract_id: int, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Each KPI with its target and every period's measurement, rating and service credit,
    and each period's credits in total (at most the contract's monthly cap)."""
    from procurement import formats, labels
    from procurement.cli.render import table
    from procurement.services import contracts, performance
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database
    from procurement.vocabulary import Rating

    db = Database.open(db_path)
    shown = contracts.contract(db, OPERATOR, contract_id)
    found = performance.performance(db, OPERATOR, contract_id)
    if as_json:
        click.echo(json.dumps({
            "contract": shown.model_dump(mode="json"),
            "measurements": [m.model_dump(mode="json") for m in found.measurements],
            "periods": [{"period": p.isoformat()[:7], "credits": c.total, "capped": c.capped}
                        for p, c in sorted(found.periods.items())]},
            ensure_ascii=False, indent=2))
        return
    kpis = found.kpis
    click.echo(table([tr(N_("KPI"), lang), tr(N_("Measure"), lang), tr(N_("Baseline"), lang),
                      tr(N_("Target"), lang), tr(N_("Direction"), lang)],
                     [[str(n), k.measure, "–" if k.baseline is None else f"{k.baseline:g}",
                       f"{k.target:g}", tr(labels.DIRECTIONS[k.direction], lang)]
                      for n, k in kpis.items()], right_aligned=(0, 2, 3)))
    if not found.measurements:
        click.echo(tr(N_("No measurement recorded yet."), lang))
        return
    click.echo("")
    click.echo(table([tr(N_("Period"), lang), tr(N_("KPI"), lang), tr(N_("Measured value"), lang),
                      tr(N_("Rating"), lang), tr(N_("Service credit"), lang)],
                     [[m.period.isoformat()[:7], str(m.kpi), f"{m.value:g}",
                       tr(labels.RATINGS[Rating(m.rating)], lang),
                       f"{m.credit_percent:g} %" if m.credit_percent else "–"]
                      for m in found.measurements], right_aligned=(1, 2, 4)))
    owed = [(p, c) for p, c in sorted(found.periods.items()) if c.total > 0]
    for period, credits in owed:
        click.echo(tr(N_("{period}: service credits {amount}{capped}"), lang,
                      period=period.isoformat()[:7],
                      amount=formats.money(credits.total, shown.currency, lang),
                      capped=Term(N_(" (capped)")) if credits.capped else ""))


@kpi_group.command("record")
@_CONTRACT
@click.option("--kpi", "number", type=int, required=True, metavar="N",
              help="The KPI's number (see procure kpi list).")
@click.option("--period", required=True, metavar="YYYY-MM", help="The month measured.")
@click.option("--value", type=float, required=True, help="The measurement, in the KPI's unit.")
@click.option("--evidence", default="", metavar="TEXT", help="How it was measured.")
@actor_option
@db_option
@lang_option
def record(contract_id: int, number: int, period: str, value: float, evidence: str,
           username: str, db_path: str | None, lang: Lang) -> None:
    """Record one KPI's measurement for a month (the lead or a contract manager); one already
    recorded for that month is replaced, and stays in the audit log."""
    from procurement import labels
    from procurement.services import performance, users
    from procurement.store.db import Database
    from procurement.vocabulary import Rating

    db = Database.open(db_path)
    view = performance.record(db, users.get_actor(db, username), contract_id, number, period,
                              value, evidence)
    click.echo(tr(N_("Recorded KPI {kpi} for {period}: {rating}."), lang, kpi=view.kpi,
                  period=view.period.isoformat()[:7],
                  rating=Term(labels.RATINGS[Rating(view.rating)])))


@kpi_group.command("import")
@click.argument("file")
@_CONTRACT
@actor_option
@db_option
@lang_option
def import_kpis(file: str, contract_id: int, username: str, db_path: str | None,
                lang: Lang) -> None:
    """Record the measurements in FILE (kpi, period, value, evidence; CSV or XLSX): a file
    with a bad row records nothing."""
    from procurement.services import performance, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    count = performance.import_measurements(db, users.get_actor(db, username), contract_id, file)
    click.echo(tr(N_("Imported {count} measurements."), lang, count=count))
