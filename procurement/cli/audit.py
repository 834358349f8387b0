"""``procure audit verify`` and ``procure audit export``."""

from __future__ import annotations

import click

from procurement.cli.options import db_option, lang_option
from procurement.i18n import N_, Lang, tr

EXIT_CHAIN_BROKEN = 1


@click.group("audit")
def audit_group() -> None:
    """Check or export the tamper-evident audit log."""


@audit_group.command("verify")
@db_option
@lang_option
def verify(db_path: str | None, lang: Lang) -> None:
    """Check the hash chain; name the first bad entry (exit status 1 when broken)."""
    from procurement.services.audit_log import verify_chain
    from procurement.store.db import Database

    report = verify_chain(Database.open(db_path))
    if report.ok:
        click.echo(tr(N_("Audit chain intact: {count} entries, head {hash}."), lang,
                      count=report.entries, hash=report.head_hash))
        return
    assert report.problem is not None
    msgid, params = report.problem
    click.echo(tr(N_("Audit chain broken at entry {seq}: {problem}"), lang, seq=report.first_bad,
                  problem=tr(msgid, lang, **params)), err=True)
    raise SystemExit(EXIT_CHAIN_BROKEN)


@audit_group.command("export")
@click.argument("out")
@click.option("--procurement", "procurement_id", type=int, metavar="ID",
              help="Only this procurement's entries.")
@db_option
@lang_option
def export(out: str, procurement_id: int | None, db_path: str | None, lang: Lang) -> None:
    """Write the audit log as CSV (for the evaluation report)."""
    from procurement.export import check_output_path
    from procurement.services.audit_log import export_log
    from procurement.store.db import Database

    if not out.lower().endswith(".csv"):
        check_output_path(out + ".csv")  # names the folder problem, if any
        raise click.BadParameter(tr(N_("the output must end in .csv"), lang), param_hint="OUT")
    count = export_log(Database.open(db_path), check_output_path(out), None, procurement_id)
    click.echo(tr(N_("Wrote {count} entries to {file}."), lang, count=count, file=out))
