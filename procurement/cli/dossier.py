"""``procure dossier``: the award dossier, and ``procure dossier verify``."""

from __future__ import annotations

from pathlib import Path

import click

from procurement.cli.options import db_option, lang_option
from procurement.i18n import N_, Lang, tr

EXIT_NOT_PROVEN = 1  # as `procure audit verify` for a broken chain


@click.group("dossier", invoke_without_command=True)
@click.option("--procurement", "procurement_id", type=int, metavar="ID",
              help="The recommended or awarded procurement.")
@click.option("--out", metavar="FILE.zip", help="Where to write the dossier.")
@db_option
@lang_option
@click.pass_context
def dossier_group(ctx: click.Context, procurement_id: int | None, out: str | None,
                  db_path: str | None, lang: Lang) -> None:
    """The award dossier: methodology, evaluation report, every assessment summary, contract
    draft and audit log, with a manifest of their SHA-256 and the audit chain's head."""
    if ctx.invoked_subcommand is not None:
        return
    if procurement_id is None or out is None:
        raise click.UsageError(tr(N_("give --procurement ID and --out FILE.zip (or: procure "
                                     "dossier verify FILE.zip)"), lang))
    from procurement.services import dossier
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    built = dossier.build(Database.open(db_path), OPERATOR, procurement_id, Path(out),
                          parallel=True)
    click.echo(tr(N_("Wrote {file}: {count} files, audit chain head {hash}."), lang,
                  file=str(built.path), count=built.files, hash=built.head_hash))


@dossier_group.command("verify")
@click.argument("file", metavar="FILE.zip")
@db_option
@lang_option
def verify(file: str, db_path: str | None, lang: Lang) -> None:
    """Check every file of a dossier against its manifest; with --db, that the database's
    audit chain holds and still contains the dossier's head (exit status 1 if not)."""
    from procurement.services import dossier
    from procurement.store.db import Database

    checked = dossier.verify(Path(file), Database.open(db_path) if db_path else None)
    for msgid, params in checked.problems:
        click.echo(tr(msgid, lang, **params), err=True)
    if not checked.ok:
        raise SystemExit(EXIT_NOT_PROVEN)
    manifest = checked.manifest
    click.echo(tr(N_("Dossier intact: {count} files of {reference}, made {at}."), lang,
                  count=len(manifest["files"]), reference=manifest["procurement"]["reference"],
                  at=manifest["created_at"]))
    if checked.chain_checked:
        click.echo(tr(N_("The database's audit chain holds and contains the dossier's head "
                         "(entry {seq}, {hash})."), lang, seq=manifest["audit"]["entries"],
                      hash=manifest["audit"]["head_hash"]))
