"""``procure indicators``: the supplier ecosystem and the city's procurement, in numbers.

    procure indicators SOURCE [--by buyer|cpv|year] [--json] [--csv FILE]
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from procurement.cli.options import json_option, lang_option
from procurement.i18n import N_, Lang, tr


@click.command("indicators")
@click.argument("source", metavar="SOURCE")
@click.option("--by", type=click.Choice(["buyer", "cpv", "year"]),
              help="Also compute the indicators for each buyer, CPV division or year.")
@json_option
@click.option("--csv", "csv_path", metavar="FILE",
              help="Also write the numbers as CSV: one row overall and one per group.")
@lang_option
def indicators_command(source: str, by: str | None, as_json: bool, csv_path: str | None,
                       lang: Lang) -> None:
    """Single-bid rate, bidders, SME share, supplier concentration (HHI), top supplier's
    share, price-only awards and new suppliers, from SOURCE: an OCDS release or record
    package (.json), JSON lines (.jsonl, .ndjson; .gz too) or the city's database."""
    from procurement.atomic import atomic_path
    from procurement.indicators import table
    from procurement.services import indicators

    # The file's place is tried before the work, which may take a while; it is written whole
    # or not at all.
    with atomic_path(Path(csv_path)) if csv_path else nullcontext() as temporary:
        result = indicators.of_source(source, by)  # type: ignore[arg-type]
        if temporary is not None:
            temporary.write_bytes(table.csv_text(result).encode("utf-8"))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(_render(result, lang))


def _render(result: dict[str, Any], lang: Lang) -> str:
    from procurement.cli.render import table
    from procurement.indicators.names import GROUPS, INDICATORS, shown

    overall = result["overall"]
    text = table([tr(N_("Indicator"), lang), tr(N_("Overall"), lang)],
                 [[tr(label, lang), shown(overall[key], kind, lang)]
                  for key, label, kind in INDICATORS], right_aligned=(1,))
    new = overall["new_suppliers_by_year"]
    if new:
        text += "\n\n" + tr(N_("New suppliers by year: {years}"), lang,
                            years=", ".join(f"{y}: {n}" for y, n in new.items()))
    if "groups" in result:
        headers = [tr(GROUPS[result["by"]], lang)] + [tr(label, lang)
                                                     for _, label, _ in INDICATORS]
        rows = [[str(g["key"])] + [shown(g[key], kind, lang) for key, _, kind in INDICATORS]
                for g in result["groups"]]
        text += "\n\n" + table(headers, rows, right_aligned=tuple(range(1, len(headers))))
    return text
