"""``procure review``: rate a procurement design against ISO 37106 Table 3 (6.6.3 b)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from procurement.cli.options import json_option, lang_option
from procurement.cli.render import table
from procurement.i18n import N_, Lang, tr


def _check_report_path(out: str) -> Path:
    from procurement.errors import ProcurementError

    path = Path(out)
    if path.suffix.lower() != ".md":
        raise ProcurementError(N_("cannot write {file}: the report must end in .md"), file=out)
    if not path.parent.is_dir():
        raise ProcurementError(N_("cannot write {file}: the folder {folder} does not exist"),
                               file=out, folder=str(path.parent))
    return path


@click.command("review")
@click.argument("design_file", metavar="DESIGN.yaml")
@click.option("--out", "out", metavar="FILE.md",
              help="Also write the short report as Markdown, in the --lang language.")
@json_option
@lang_option
def review_command(design_file: str, out: str | None, as_json: bool, lang: Lang) -> None:
    """Review a procurement design against ISO 37106 Table 3 before it goes out.

    Rates each of the 16 rows traditional, in transition or smart, with the reason and the
    6.6.3 recommendation that would move it. A field the design leaves out rates its row
    traditional ("the design does not say").
    """
    from procurement.atomic import atomic_path
    from procurement.design import load_design, markdown_report, review, review_view
    from procurement.design.report import design_line, headers, row_list, to_move

    path = _check_report_path(out) if out else None
    view = review_view(review(load_design(design_file)), lang)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        summary = view["summary"]
        click.echo(tr(N_("Design review: {design}"), lang, design=design_line(view, lang)))
        click.echo("")
        click.echo(table(headers(lang), [[str(r["row"]), r["name"], r["level_name"], r["reason"]]
                                         for r in view["rows"]], right_aligned=(0,)))
        click.echo("")
        click.echo(f"{summary['text']} · {summary['detail']}")
        moving = to_move(view)
        if moving:
            click.echo("")
            click.echo(tr(N_("What would move the other rows"), lang))
            for move in moving:
                click.echo(f"  {move['reference']}{row_list(move['rows'], lang)}")
                click.echo(f"    {move['recommendation']}")
    if path is not None:
        with atomic_path(path) as temporary:
            temporary.write_text(markdown_report(view, lang), encoding="utf-8")
