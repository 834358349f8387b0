"""``procure performance-notice`` and ``procure acceptance``: a running contract's documents
for a period of whole months.

    procure performance-notice --contract ID --period 2026-10 [--lang zh] [--out F] [--pdf]
    procure performance-notice --contract ID --from 2025-11 --to 2026-10
    procure acceptance --contract ID --from 2025-11 --to 2026-10 \\
        --member "Zhou Min (chair)" --member "Li Wei (technical expert)" --accepted-on 2026-11-10
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from procurement.cli.documents import read_template, write_one
from procurement.cli.options import db_option, lang_option
from procurement.i18n import N_

F = TypeVar("F", bound=Callable[..., Any])


def _options(function: F) -> F:
    for option in (
        click.option("--pdf", is_flag=True, help="Also write a PDF copy (needs LibreOffice)."),
        click.option("--template", "template_path", metavar="DOCX",
                     help="Your own Word template (rendered in the same sandbox)."),
        click.option("--out", "out", metavar="PATH", help="Where to write the document."),
        click.option("--to", "last", metavar="YYYY-MM",
                     help="The period's last month (with --from)."),
        click.option("--from", "first", metavar="YYYY-MM",
                     help="The period's first month (with --to)."),
        click.option("--period", metavar="YYYY-MM", help="One month: the period assessed."),
        lang_option, db_option,
        click.option("--contract", "contract_id", type=int, required=True, metavar="ID",
                     help="The contract's number (see procure contracts)."),
    ):
        function = option(function)
    return function


def _span(period: str | None, first: str | None, last: str | None) -> Any:
    from procurement.errors import OptionError
    from procurement.services.contract_documents import span

    if period and (first or last):
        raise OptionError("period", N_("give either --period or --from and --to, not both"))
    if period:
        return span(period, options=("period", "period"))
    if not first:
        raise OptionError("period", N_("give the period: --period 2026-10, or --from 2025-11 "
                                       "--to 2026-10"))
    return span(first, last or first)


@click.command("performance-notice")
@_options
def performance_notice(contract_id: int, db_path: str | None, lang: Any, period: str | None,
                       first: str | None, last: str | None, out: str | None,
                       template_path: str | None, pdf: bool) -> None:
    """The contract performance notice (UK9: Procurement Regulations 2024 reg. 39): each KPI
    rated for the period (its worst month), the service credits owed."""
    from procurement.services import contract_documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    months = _span(period, first, last)
    template, name = read_template(template_path)
    write_one(contract_documents.performance_notice(Database.open(db_path), OPERATOR,
                                                     contract_id, months, lang, template, name),
               out, pdf, lang)


@click.command("acceptance")
@click.option("--accepted-on", "accepted_on", required=True, metavar="YYYY-MM-DD",
              help="The day the team accepted the performance.")
@click.option("--member", "members", multiple=True, metavar='"NAME (ROLE)"',
              help="A member of the acceptance team, who signs (repeat for each).")
@_options
def acceptance(contract_id: int, db_path: str | None, lang: Any, period: str | None,
               first: str | None, last: str | None, out: str | None, template_path: str | None,
               pdf: bool, members: tuple[str, ...], accepted_on: str) -> None:
    """The acceptance report (履约验收书: Government Procurement Law art. 41): each KPI and
    milestone due in the period against its requirement, its evidence and result, and the
    team's signature lines."""
    from procurement.cli.dates import parse_day
    from procurement.services import contract_documents
    from procurement.services.actors import OPERATOR
    from procurement.store.db import Database

    months = _span(period, first, last)
    team = [contract_documents.member(text) for text in members]
    day = parse_day(accepted_on, "accepted_on")
    template, name = read_template(template_path)
    write_one(contract_documents.acceptance_report(Database.open(db_path), OPERATOR,
                                                    contract_id, months, team, day, lang,
                                                    template, name), out, pdf, lang)
