"""The workflow on the command line: every step the app takes on a procurement, each a thin
shell over the service the page calls, acting for ``--as USER`` with the same rules and the
same messages (a refused step: one line on stderr, exit status 2).

    procure open-tender | close-tender | close-quality | open-prices ID --as USER
    procure declare ID --as USER (--no-conflict | --conflict REASON)
    procure moderate ID --bid B --criterion C --score S --reason TEXT --as USER
    procure resolve-flag ID --bid B --flag CODE --note TEXT --as USER
    procure recommend ID --note TEXT [--winner LOT=BID] --as USER
    procure approve | award ID --as USER;  procure return | cancel ID --reason TEXT --as USER
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, Term, tr
from procurement.vocabulary import FlagCode, codes

_ID = click.argument("procurement_id", type=int, metavar="ID")


def _session(db_path: str | None, username: str) -> tuple[Any, Any]:
    from procurement.services import users
    from procurement.store.db import Database

    db = Database.open(db_path)
    return db, users.get_actor(db, username)


def _report(db: Any, procurement_id: int, as_json: bool, lang: Lang,
            done: str | None = None) -> None:
    """After a step: the procurement's record as JSON, or one line saying where it is now."""
    from procurement.cli.procurements import record
    from procurement.labels import STATUSES

    shown = record(db, procurement_id)
    if as_json:
        click.echo(shown.model_dump_json(indent=2))
        return
    click.echo(tr(N_("{done} {reference} is now in status {status}."), lang,
                  done=done or "", reference=shown.reference,
                  status=Term(STATUSES[shown.status])).strip())


def _step(name: str, help_text: str, call: Callable[[Any, Any, int], object]) -> click.Command:
    """A command that takes one step and reports where the procurement is now."""

    @click.command(name, help=help_text)
    @_ID
    @actor_option
    @db_option
    @json_option
    @lang_option
    def command(procurement_id: int, username: str, db_path: str | None, as_json: bool,
                lang: Lang) -> None:
        db, actor = _session(db_path, username)
        call(db, actor, procurement_id)
        _report(db, procurement_id, as_json, lang)

    return command


def _lifecycle(name: str) -> Callable[[Any, Any, int], object]:
    def call(db: Any, actor: Any, procurement_id: int) -> object:
        from procurement.services import lifecycle

        return getattr(lifecycle, name)(db, actor, procurement_id)

    return call


def _award(name: str) -> Callable[[Any, Any, int], object]:
    def call(db: Any, actor: Any, procurement_id: int) -> object:
        from procurement.services import award

        return getattr(award, name)(db, actor, procurement_id)

    return call


open_tender = _step("open-tender", "Publish the methodology and open the tender for bids.",
                    _lifecycle("open_for_bids"))
close_tender = _step("close-tender", "Close the tender and start the quality evaluation.",
                     _lifecycle("start_quality_evaluation"))
close_quality = _step("close-quality", "Close the quality evaluation (every evaluator has "
                      "declared and submitted).", _lifecycle("close_quality_evaluation"))
open_prices = _step("open-prices", "Open the price envelopes and start moderation.",
                    _lifecycle("start_moderation"))
approve = _step("approve", "Approve the recommended award (an approver who is neither the "
                "lead nor the recommender); the standstill period starts.", _award("approve"))
award_command = _step("award", "Award the contract once the standstill period is over.",
                      _award("award"))


@click.command("declare")
@_ID
@click.option("--no-conflict", "no_conflict", is_flag=True,
              help="Declare that you have no conflict of interest.")
@click.option("--conflict", "reason", metavar="REASON",
              help="Declare a conflict of interest, with its reason (you leave the panel).")
@actor_option
@db_option
@json_option
@lang_option
def declare(procurement_id: int, no_conflict: bool, reason: str | None, username: str,
            db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Declare your conflicts of interest before you see any bid (an evaluator)."""
    from procurement.services import panel

    if no_conflict == (reason is not None):
        raise click.UsageError(tr(N_("give either --no-conflict or --conflict REASON"), lang))
    db, actor = _session(db_path, username)
    panel.declare_interests(db, actor, procurement_id, conflict=reason is not None,
                            reason=reason or "")
    _report(db, procurement_id, as_json, lang, tr(N_("Declaration recorded."), lang))


@click.command("moderate")
@_ID
@click.option("--bid", "bid_ref", required=True, metavar="B", help="The bid.")
@click.option("--criterion", required=True, metavar="C", help="The scored criterion.")
@click.option("--score", type=float, required=True, metavar="S", help="The consensus score.")
@click.option("--reason", required=True, metavar="TEXT",
              help="Why (recorded beside the evaluators' own scores).")
@actor_option
@db_option
@json_option
@lang_option
def moderate(procurement_id: int, bid_ref: str, criterion: str, score: float, reason: str,
             username: str, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Set the panel's consensus score for one bid and criterion (the lead)."""
    from procurement.services import moderation

    db, actor = _session(db_path, username)
    current = next((c for c in moderation.consensus_scores(db, actor, procurement_id)
                    if (c.bid_ref, c.criterion) == (bid_ref, criterion)), None)
    view = moderation.set_consensus(db, actor, procurement_id, bid_ref, criterion, score, reason,
                                    expected_version=current.version if current else None)
    if as_json:
        click.echo(view.model_dump_json(indent=2))
        return
    click.echo(tr(N_("Consensus score {score} set for {bid} · {criterion}."), lang,
                  score=f"{view.score:g}", bid=view.bid_ref, criterion=view.criterion))


@click.command("resolve-flag")
@_ID
@click.option("--bid", "bid_ref", required=True, metavar="B", help="The flagged bid.")
@click.option("--flag", "code", required=True,
              type=click.Choice([c for c in codes(FlagCode) if FlagCode(c).needs_resolution]),
              help="The flag.")
@click.option("--note", required=True, metavar="TEXT",
              help="How it was resolved (the supplier's explanation and the decision).")
@actor_option
@db_option
@json_option
@lang_option
def resolve_flag(procurement_id: int, bid_ref: str, code: str, note: str, username: str,
                 db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Record how a red flag was resolved; a recorded one is replaced (the lead)."""
    from procurement.services import moderation

    db, actor = _session(db_path, username)
    current = next((r for r in moderation.flag_resolutions(db, actor, procurement_id)
                    if (r.bid_ref, r.code) == (bid_ref, code)), None)
    view = moderation.resolve_flag(db, actor, procurement_id, bid_ref, code, note,
                                   expected_version=current.version if current else None)
    if as_json:
        click.echo(view.model_dump_json(indent=2))
        return
    click.echo(tr(N_("Resolution recorded for {bid} · {flag}."), lang, bid=view.bid_ref,
                  flag=view.code))


@click.command("recommend")
@_ID
@click.option("--note", required=True, metavar="TEXT",
              help="Why the bid offers the best long-term value (required).")
@click.option("--winner", "winners", multiple=True, metavar="LOT=BID",
              help="The winner of a lot whose first place is tied (repeat for each lot; "
                   "all=BID without lots).")
@actor_option
@db_option
@json_option
@lang_option
def recommend(procurement_id: int, note: str, winners: tuple[str, ...], username: str,
              db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Recommend the award, with the evaluation frozen as it stands (the lead). The
    integrity flags it raises, which the approver notes before approving, are listed on
    stderr (see them before with procure integrity ID)."""
    from procurement.cli.integrity import warn_raised
    from procurement.services import award, integrity

    chosen = {}
    for pair in winners:
        lot, equals, bid = pair.partition("=")
        if not equals or not lot or not bid:
            raise click.BadParameter(tr(N_("write LOT=BID, e.g. all=SP-02"), lang),
                                     param_hint="--winner")
        chosen[lot] = bid
    db, actor = _session(db_path, username)
    award.recommend(db, actor, procurement_id, note=note, winners=chosen or None)
    _report(db, procurement_id, as_json, lang, tr(N_("Award recommended."), lang))
    warn_raised(integrity.screen(db, actor, procurement_id), lang)


def _with_reason(name: str, help_text: str, service: str) -> click.Command:
    @click.command(name, help=help_text)
    @_ID
    @click.option("--reason", required=True, metavar="TEXT", help="Why (required).")
    @actor_option
    @db_option
    @json_option
    @lang_option
    def command(procurement_id: int, reason: str, username: str, db_path: str | None,
                as_json: bool, lang: Lang) -> None:
        from procurement.services import award

        db, actor = _session(db_path, username)
        getattr(award, service)(db, actor, procurement_id, reason)
        _report(db, procurement_id, as_json, lang)

    return command


return_command = _with_reason("return", "Send the recommendation back to moderation, with "
                              "the reason (an approver).", "return_recommendation")
cancel = _with_reason("cancel", "Cancel the procurement, with the reason (the lead).", "cancel")

COMMANDS = (open_tender, close_tender, declare, close_quality, open_prices, moderate,
            resolve_flag, recommend, approve, return_command, award_command, cancel)
