"""Integrity screening on the command line: the recommendation's integrity flags, and the
approver's note on each (approval waits for every note). The lead, in moderation, sees the
flags the recommendation would raise (the preview), and ``procure recommend`` lists those it
raised on stderr.

    procure integrity ID --as USER [--json]
    procure integrity note ID --flag CODE [--bid REF | --lot LOT] --note TEXT --as USER

A flag is on a bid (``--bid REF``) or on a lot as a whole (``--lot LOT``; ``all`` without
lots, the default when neither is given)."""

from __future__ import annotations

import json
from typing import Any

import click

from procurement.cli.options import actor_option, db_option, json_option, lang_option
from procurement.i18n import N_, Lang, tr
from procurement.vocabulary import IntegrityCode, codes

_ID = click.argument("procurement_id", type=int, metavar="ID")


class _ListByDefault(click.Group):
    """``procure integrity ID`` lists the flags: a first argument that names no subcommand
    runs ``list``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group("integrity", cls=_ListByDefault)
def integrity_group() -> None:
    """The recommendation's integrity flags (Cardinal red flags, bid-rigging screens): list
    them with `procure integrity ID`; an approver notes each before approving."""


def _session(db_path: str | None, username: str) -> tuple[Any, Any]:
    from procurement.services import users
    from procurement.store.db import Database

    db = Database.open(db_path)
    return db, users.get_actor(db, username)


def _line(flag: Any, lang: Lang, *, notes: bool = True) -> str:
    """A flag in three lines (two on the lead's preview, which has no notes): the indicator,
    the bid or lot, the rule with the figures; the source; the approver's note."""
    shown = (f"{flag.finding.code} · {flag.finding.subject} · {flag.indicator(lang)} — "
             f"{flag.rule(lang)} {flag.detail(lang)}\n    {flag.finding.source}")
    if not notes:
        return shown
    noted = tr(N_("noted by {who}: {note}"), lang, who=flag.noted_by, note=flag.note) \
        if flag.note is not None else tr(N_("no note yet"), lang)
    return f"{shown}\n    {noted}"


def warn_raised(flags: list[Any], lang: Lang) -> None:
    """After ``procure recommend``: the integrity flags the recommendation raised, as a
    warning on stderr (they do not block it; the approver notes each before approving)."""
    if not flags:
        return
    click.echo(tr(N_("warning: {message}"), lang, message=tr(N_(
        "the recommendation raises integrity flags ({count}); the approver notes each before "
        "approving:"), lang, count=len(flags))), err=True)
    for flag in flags:
        click.echo("  " + _line(flag, lang, notes=False).replace("\n", "\n  "), err=True)


@integrity_group.command("list")
@_ID
@actor_option
@db_option
@json_option
@lang_option
def list_flags(procurement_id: int, username: str, db_path: str | None, as_json: bool,
               lang: Lang) -> None:
    """List the latest recommendation's integrity flags, with the approver's notes; for the
    lead during moderation, the flags the recommendation would raise if made now."""
    from procurement.services import integrity, procurements
    from procurement.vocabulary import Status

    db, actor = _session(db_path, username)
    detail = procurements.get_procurement(db, actor, procurement_id)
    preview = detail.status == Status.MODERATION and detail.lead == actor.username
    flags = integrity.preview(db, actor, procurement_id) if preview \
        else integrity.screen(db, actor, procurement_id)
    if as_json:
        click.echo(json.dumps([f.as_json(lang) for f in flags], ensure_ascii=False, indent=2))
        return
    if preview:
        click.echo(tr(N_("Before you recommend: the integrity flags the recommendation would "
                         "raise if made now. The approver notes each before approving; "
                         "explain them in your recommendation's reasons."), lang))
    if not flags:
        click.echo(tr(N_("No integrity flag on the recommendation."), lang))
    for flag in flags:
        click.echo(_line(flag, lang, notes=not preview))


@integrity_group.command("note")
@_ID
@click.option("--flag", "code", required=True, type=click.Choice(codes(IntegrityCode)),
              help="The flag.")
@click.option("--bid", "bid_ref", metavar="REF", help="The bid the flag is on.")
@click.option("--lot", metavar="LOT", help="The lot, for a flag on a lot as a whole.")
@click.option("--note", required=True, metavar="TEXT",
              help="What you checked and concluded (required; replaces an earlier note).")
@actor_option
@db_option
@json_option
@lang_option
def note_flag(procurement_id: int, code: str, bid_ref: str | None, lot: str | None, note: str,
              username: str, db_path: str | None, as_json: bool, lang: Lang) -> None:
    """Record your note on one integrity flag (an approver, not the lead)."""
    from procurement.services import integrity

    if bid_ref is not None and lot is not None:
        raise click.UsageError(tr(N_("give either --bid REF or --lot LOT"), lang))
    subject = bid_ref if bid_ref is not None else f"lot:{lot or 'all'}"
    db, actor = _session(db_path, username)
    flag = integrity.note(db, actor, procurement_id, code, subject, note)
    if as_json:
        click.echo(json.dumps(flag.as_json(lang), ensure_ascii=False, indent=2))
        return
    click.echo(tr(N_("Note recorded on {flag} · {subject}."), lang, flag=code, subject=subject))
