"""The ``procure`` command line: thin commands over the services; only this package prints.

Heavy libraries (pandas, scikit-criteria, pydantic models) are imported inside the
commands that need them, so that ``procure --help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from procurement.cli.options import LANG_OPTION_ENV

EXIT_USER_ERROR = 2


class ProcureGroup(click.Group):
    """Turns a user-fixable error into one line per problem on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from procurement.errors import ProcurementError
        from procurement.i18n import N_, tr

        try:
            return super().invoke(ctx)
        except ProcurementError as exc:
            lang = ctx.meta.get("lang", "en")
            for line in exc.lines(lang):
                # One problem, one line: a value quoted in the message may hold a line break.
                click.echo(tr(N_("error: {message}"), lang, message=" ".join(line.splitlines())),
                           err=True)
            ctx.exit(EXIT_USER_ERROR)


@click.group(cls=ProcureGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="smart-procurement", prog_name="procure")
def cli() -> None:
    """Smart procurement evaluation toolkit (ISO 37106 clause 6.6).

    Score bids on long-term value with ISO 37106 rubrics, see how robust the ranking is,
    and publish what a city buys. Messages follow --lang or the PROCURE_LANG variable.
    """


def _register() -> None:
    from procurement.cli.audit import audit_group
    from procurement.cli.benefit import benefit_group
    from procurement.cli.contract import COMMANDS as CONTRACT_COMMANDS
    from procurement.cli.contract_documents import acceptance, performance_notice
    from procurement.cli.database import db_group, demo, list_command
    from procurement.cli.dates import dates_group
    from procurement.cli.documents import clauses, contract, report, summaries
    from procurement.cli.dossier import dossier_group
    from procurement.cli.imports import import_group
    from procurement.cli.indicators import indicators_command
    from procurement.cli.integrity import integrity_group
    from procurement.cli.joint import joint_group
    from procurement.cli.kpi import contracts_command, kpi_group
    from procurement.cli.procurements import result, show
    from procurement.cli.publish import publish
    from procurement.cli.reasons import reasons_group
    from procurement.cli.review import review_command
    from procurement.cli.rubric import rubric
    from procurement.cli.score import score
    from procurement.cli.users import user_group
    from procurement.cli.workflow import COMMANDS

    for subcommand in CONTRACT_COMMANDS:
        contracts_command.add_command(subcommand)
    for command in (acceptance, audit_group, benefit_group, clauses, contract, contracts_command,
                    dates_group, db_group, demo, dossier_group, import_group, indicators_command,
                    integrity_group, joint_group, kpi_group, list_command, performance_notice,
                    publish, reasons_group, report, result,
                    review_command, rubric, score, show, summaries, user_group, *COMMANDS):
        cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``procure`` script."""
    from procurement.cli.bilingual import requested_lang, speak

    args = argv if argv is not None else sys.argv[1:]
    speak(cli, requested_lang(args, os.environ))
    cli.main(args=args, prog_name="procure", auto_envvar_prefix=None)


__all__ = ["LANG_OPTION_ENV", "cli", "main"]
