"""``procure contracts …``: one contract's milestones, payments, changes and exit readiness.

    procure contracts show --contract ID [--json]
    procure contracts refine --contract ID --kpi N --set FIELD=VALUE... --reason TEXT --as USER
    procure contracts kind --contract ID --kind goods|services|works --as USER
    procure contracts modify --contract ID --value-change V --rationale TEXT [--decided-on D] --as USER
    procure contracts exit --contract ID [--plan-received D] [--data-return-tested D --result TEXT]
        [--exit-cost V] --as USER
    procure contracts pay --contract ID --paid-on D --amount V [--description TEXT] --as USER
    procure contracts review --contract ID --held-on D --summary TEXT --as USER
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, Term, tr

_CONTRACT = click.option("--contract", "contract_id", type=int, required=True, metavar="ID",
                         help="The contract's number (see procure contracts).")
_DAY = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@click.command("show")
@_CONTRACT
@db_option
@json_option
@lang_option
def show(contract_id: int, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """The contract's milestones, payments and modifications."""
    from procurement import formats, labels
    from procurement.cli.render import table
    from procurement.services import contracts
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database
    from procurement.vocabulary import ContractKind, Milestone

    found = contracts.contract(Database.open(db_path), OPERATOR, contract_id)
    if as_json:
        click.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return

    def money(value: float) -> str:
        return formats.money(value, found.currency, lang)

    click.echo(tr(N_("Contract {id}: {supplier}, {kind}, {value}"), lang, id=found.id,
                  supplier=found.supplier, kind=Term(labels.CONTRACT_KINDS[ContractKind(found.kind)]),
                  value=money(found.value)))
    click.echo("")
    click.echo(table([tr(N_("Milestone"), lang), tr(N_("Due"), lang), tr(N_("Met"), lang)],
                     [[tr(labels.MILESTONES[Milestone(m.kind)], lang)
                       + (f" {m.number}" if m.number else ""),
                       formats.day(m.due, lang), formats.day(m.met, lang) if m.met else "–"]
                      for m in found.milestones]))
    if found.payments:
        click.echo("")
        click.echo(table([tr(N_("Paid on"), lang), tr(N_("Amount"), lang),
                          tr(N_("Description"), lang)],
                         [[formats.day(p.paid_on, lang), money(p.amount), p.description]
                          for p in found.payments], right_aligned=(1,)))
        click.echo(tr(N_("Paid in total: {amount}"), lang,
                      amount=money(sum(p.amount for p in found.payments))))
    if found.modifications:
        click.echo("")
        click.echo(table([tr(N_("Decided"), lang), tr(N_("Value"), lang),
                          tr(N_("Rationale"), lang)],
                         [[formats.day(m.decided_on, lang), money(m.value_change), m.rationale]
                          for m in found.modifications], right_aligned=(1,)))


@click.command("refine")
@_CONTRACT
@click.option("--kpi", "number", type=int, required=True, metavar="N", help="The KPI's number.")
@click.option("--set", "assignments", multiple=True, required=True, metavar="FIELD=VALUE",
              help="A term to change: target, baseline, method, unit, approaching, "
                   "requires_improvement, credit_percent_per_point, credit_cap_percent "
                   "(credit=none removes the service credit). Repeat for several.")
@click.option("--reason", required=True, help="Why the KPI changes (in the audit log).")
@actor_option
@db_option
@lang_option
def refine(contract_id: int, number: int, assignments: tuple[str, ...], reason: str,
           username: str, db_path: str | None, lang: Lang) -> None:
    """Refine a KPI before the contract starts (the lead); the bid's commitment stays."""
    from procurement.services import contracts, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    actor = users.get_actor(db, username)
    shown = contracts.contract(db, actor, contract_id)
    kpi = next((k for k in shown.kpis if k.number == number), None)
    changes = _changes(assignments, kpi.terms if kpi else {})
    refined = contracts.refine_kpi(db, actor, contract_id, number,
                                   changes, reason,
                                   expected_version=kpi.version if kpi else 0)
    click.echo(tr(N_("KPI {kpi} refined: target {target}."), lang, kpi=refined.number,
                  target=f"{refined.terms['target']:g}"))


def _changes(assignments: tuple[str, ...], terms: dict[str, Any]) -> dict[str, Any]:
    from procurement.errors import OptionError

    changes: dict[str, Any] = {}
    credit = dict(terms.get("credit") or {})
    for assignment in assignments:
        name, separator, value = assignment.partition("=")
        name = name.strip()
        if not separator:
            raise OptionError("set", N_("write FIELD=VALUE, such as target=35"))
        if name == "credit" and value.strip().lower() == "none":
            changes["credit"], credit = None, {}
        elif name in ("credit_percent_per_point", "credit_cap_percent"):
            credit[name.removeprefix("credit_")] = _number(name, value)
            changes["credit"] = credit
        elif name in ("target", "baseline", "approaching", "requires_improvement"):
            changes[name] = _number(name, value)
        elif name in ("method", "unit", "measure"):
            changes[name] = value.strip()
        else:
            raise OptionError("set", N_("{field} is not a KPI term that can be refined"),
                              field=name)
    return changes


def _number(name: str, value: str) -> float:
    from procurement.errors import OptionError

    try:
        return float(value)
    except ValueError:
        raise OptionError("set", N_("{field} must be a number, not {value}"), field=name,
                          value=value) from None


@click.command("kind")
@_CONTRACT
@click.option("--kind", type=click.Choice(["goods", "services", "works"]), required=True,
              help="What the contract buys (the law's limits on modifying it differ).")
@actor_option
@db_option
@lang_option
def kind(contract_id: int, kind: str, username: str, db_path: str | None, lang: Lang) -> None:
    """Say what the contract buys (the lead), before any modification is recorded."""
    from procurement import labels
    from procurement.services import contracts, users
    from procurement.store.db import Database
    from procurement.vocabulary import ContractKind

    db = Database.open(db_path)
    actor = users.get_actor(db, username)
    shown = contracts.contract(db, actor, contract_id)
    done = contracts.set_kind(db, actor, contract_id, ContractKind(kind),
                              expected_version=shown.version)
    click.echo(tr(N_("Contract {id} is a contract for {kind}."), lang, id=done.id,
                  kind=Term(labels.CONTRACT_KINDS[ContractKind(done.kind)])))


@click.command("modify")
@_CONTRACT
@click.option("--value-change", type=float, required=True, metavar="V",
              help="The change to the contract's value (negative for a reduction).")
@click.option("--rationale", required=True, help="Why the contract changes.")
@click.option("--decided-on", type=_DAY, metavar="YYYY-MM-DD", help="[default: today]")
@actor_option
@db_option
@lang_option
def modify(contract_id: int, value_change: float, rationale: str, decided_on: datetime | None,
           username: str, db_path: str | None, lang: Lang) -> None:
    """Record a modification, checked against the limits of the procurement's law: beyond
    the law's total it is refused; past the limit for a change without a notice it is
    recorded with the finding."""
    from procurement.services import clock, contracts, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    change = contracts.modify(db, users.get_actor(db, username), contract_id, value_change,
                              rationale, _day(decided_on) or clock.today())
    click.echo(tr(N_("Modification recorded."), lang))
    for finding in change.findings:
        click.echo(tr(N_("Finding: {finding} ({source})"), lang,
                      finding=tr(finding["msgid"], lang, **finding["params"]),
                      source=tr(finding["source"], lang)))


@click.command("exit")
@_CONTRACT
@click.option("--plan-received", type=_DAY, metavar="YYYY-MM-DD",
              help="The day the exit plan was received.")
@click.option("--data-return-tested", type=_DAY, metavar="YYYY-MM-DD",
              help="The day a data-return test was done (give its --result).")
@click.option("--result", default=None, help="What the data-return test showed.")
@click.option("--exit-cost", "exit_cost", type=float, default=None, metavar="V",
              help="What leaving would cost now, by the latest exit plan.")
@actor_option
@db_option
@lang_option
def exit_readiness(contract_id: int, plan_received: datetime | None,
                   data_return_tested: datetime | None, result: str | None,
                   exit_cost: float | None, username: str, db_path: str | None,
                   lang: Lang) -> None:
    """Record the exit plan's receipt, a data-return test or what leaving would cost now
    (the lead or a contract manager); an exit cost above the bid's is warned about."""
    from procurement import formats
    from procurement.contracts.exit import exit_cost_excess
    from procurement.errors import OptionError
    from procurement.services import contracts, users
    from procurement.store.db import Database

    if plan_received is None and data_return_tested is None and exit_cost is None:
        raise OptionError("plan_received", N_("give --plan-received, --data-return-tested or "
                                              "--exit-cost"))
    db = Database.open(db_path)
    shown = contracts.record_exit(db, users.get_actor(db, username), contract_id,
                                  plan_received=_day(plan_received),
                                  data_return_tested=_day(data_return_tested), result=result,
                                  exit_cost_estimate=exit_cost)
    click.echo(tr(N_("Exit readiness recorded."), lang))
    excess = exit_cost_excess(shown.exit_cost, shown.exit_cost_estimate)
    if excess is not None:
        click.echo(tr(N_("Warning: leaving now would cost {excess} more than the bid's exit "
                         "cost (the contract's cap on exit charges)."), lang,
                      excess=formats.money(excess, shown.currency, lang)), err=True)


@click.command("pay")
@_CONTRACT
@click.option("--paid-on", type=_DAY, required=True, metavar="YYYY-MM-DD")
@click.option("--amount", type=float, required=True, metavar="V")
@click.option("--description", default="", help="What it pays (e.g. the invoice).")
@actor_option
@db_option
@lang_option
def pay(contract_id: int, paid_on: datetime, amount: float, description: str, username: str,
        db_path: str | None, lang: Lang) -> None:
    """Record a payment made under the contract (the lead or a contract manager)."""
    from procurement import formats
    from procurement.services import contracts, payments, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    actor = users.get_actor(db, username)
    payments.record_payment(db, actor, contract_id, paid_on.date(), amount, description)
    shown = contracts.contract(db, actor, contract_id)
    click.echo(tr(N_("Payment recorded; paid in total: {amount}."), lang,
                  amount=formats.money(sum(p.amount for p in shown.payments), shown.currency,
                                       lang)))


@click.command("review")
@_CONTRACT
@click.option("--held-on", type=_DAY, required=True, metavar="YYYY-MM-DD")
@click.option("--summary", required=True, help="What the review found.")
@actor_option
@db_option
@lang_option
def review(contract_id: int, held_on: datetime, summary: str, username: str,
           db_path: str | None, lang: Lang) -> None:
    """Record a contract review held (the lead or a contract manager); the reviews held meet
    the annual reviews in order."""
    from procurement.services import contracts, users
    from procurement.store.db import Database

    db = Database.open(db_path)
    contracts.record_review(db, users.get_actor(db, username), contract_id, held_on.date(),
                            summary)
    click.echo(tr(N_("Review recorded."), lang))


COMMANDS = (show, refine, kind, modify, exit_readiness, pay, review)
