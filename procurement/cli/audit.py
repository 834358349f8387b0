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
@click.option("--csv", "csv_path", metavar="FILE",
              help="Check an exported log file instead of the database (entries withheld from "
                   "its reader are checked through their digests).")
@db_option
@lang_option
def verify(csv_path: str | None, db_path: str | None, lang: Lang) -> None:
    """Check the hash chain; name the first bad entry (exit status 1 when broken)."""
    from procurement.services.audit_log import verify_chain
    from procurement.store.db import Database

    if csv_path is not None:
        _verify_file(csv_path, lang)
        return
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
@click.option("--as", "username", metavar="USER",
              help="Export what this user may read: the content of entries about records they "
                   "may not see yet is withheld (needs --procurement).")
@db_option
@lang_option
def export(out: str, procurement_id: int | None, username: str | None, db_path: str | None,
           lang: Lang) -> None:
    """Write the audit log as CSV (for the evaluation report)."""
    from procurement.export import check_output_path
    from procurement.services import users
    from procurement.services.audit_log import export_log
    from procurement.store.db import Database

    if not out.lower().endswith(".csv"):
        check_output_path(out + ".csv")  # names the folder problem, if any
        raise click.BadParameter(tr(N_("the output must end in .csv"), lang), param_hint="OUT")
    db = Database.open(db_path)
    reader = users.get_actor(db, username) if username else None
    count = export_log(db, check_output_path(out), reader, procurement_id)
    click.echo(tr(N_("Wrote {count} entries to {file}."), lang, count=count, file=out))


def _verify_file(path: str, lang: Lang) -> None:
    from pathlib import Path

    from procurement.errors import fail
    from procurement.services.audit_log import verify_export

    if not Path(path).is_file():
        raise fail(path, N_("no such file"))
    try:
        report = verify_export(path)
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise fail(path, N_("this is not an audit log exported by procure audit export")) from exc
    if report.ok:
        click.echo(tr(N_("Exported log intact: {count} entries ({withheld} withheld, checked "
                         "through their digests), last hash {hash}."), lang,
                      count=report.entries, withheld=report.withheld, hash=report.head_hash))
        if report.unverifiable:
            click.echo(tr(N_("{count} withheld entries predate content digests: only their "
                             "links were checked."), lang, count=report.unverifiable))
        return
    assert report.problem is not None
    msgid, params = report.problem
    click.echo(tr(N_("Exported log broken at entry {seq}: {problem}"), lang,
                  seq=report.first_bad, problem=tr(msgid, lang, **params)), err=True)
    raise SystemExit(EXIT_CHAIN_BROKEN)
