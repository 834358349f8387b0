"""``procure indicators``: the supplier ecosystem and the city's procurement, in numbers.

    procure indicators SOURCE [--by buyer|cpv|year] [--json] [--csv FILE.csv]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from procurement.cli.options import json_option, lang_option
from procurement.i18n import N_, Lang, tr


@click.command("indicators")
@click.argument("source", metavar="SOURCE")
@click.option("--by", type=click.Choice(["buyer", "cpv", "year"]),
              help="Also compute the indicators for each buyer, CPV division or year.")
@click.option("--csv", "csv_path", metavar="FILE.csv",
              help="Also write the figures as CSV (a row overall and one per group).")
@json_option
@lang_option
def indicators_command(source: str, by: str | None, csv_path: str | None, as_json: bool,
                       lang: Lang) -> None:
    """Single-bid rate, bidders, SME share, supplier concentration (HHI), top supplier's
    share, price-only awards and new suppliers, from SOURCE: an OCDS release or record
    package (.json), JSON lines (.jsonl, .ndjson; .gz too) or the city's database."""
    from procurement.services import indicators

    target = _csv_target(csv_path) if csv_path else None
    result = indicators.of_source(source, by)  # type: ignore[arg-type]
    if target is not None:
        from procurement.atomic import atomic_path
        from procurement.indicators import table

        with atomic_path(target) as temporary:
            temporary.write_text(table.csv_text(result), encoding="utf-8", newline="")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(_render(result, lang))


def _csv_target(csv_path: str) -> Path:
    from procurement.atomic import writable_file

    return writable_file(csv_path, (".csv",), N_("cannot write {file}: the file must end in .csv"))


def _render(result: dict[str, Any], lang: Lang) -> str:
    from procurement.cli.render import table
    from procurement.indicators.names import GROUPS, INDICATORS, shown

    overall = result["overall"]
    text = table([tr(N_("Indicator"), lang), tr(N_("Overall"), lang)],
                 [[tr(label, lang), shown(overall[key], kind, lang)]
                  for key, label, kind in INDICATORS], right_aligned=(1,))
    new = overall["new_suppliers_by_year"]
    if new:
        from procurement import formats

        text += "\n\n" + tr(N_("New suppliers by year: {years}"), lang,
                            years=formats.series((f"{y}: {n}" for y, n in new.items()), lang))
    if "groups" in result:
        headers = [tr(GROUPS[result["by"]], lang)] + [tr(label, lang)
                                                     for _, label, _ in INDICATORS]
        rows = [[str(g["key"])] + [shown(g[key], kind, lang) for key, _, kind in INDICATORS]
                for g in result["groups"]]
        text += "\n\n" + table(headers, rows, right_aligned=tuple(range(1, len(headers))))
    periods = result.get("maturity", {}).get("periods")
    if periods:
        from procurement.design.maturity import maturity_table

        headers, rows = maturity_table(result["maturity"], lang)
        text += "\n\n" + tr(N_("Table 3 maturity of the designs reviewed each year (rows "
                               "smart of the designs):"), lang)
        text += "\n" + table(headers, rows, right_aligned=tuple(range(1, len(headers))))
    return text
