"""``procure rubric list`` and ``procure rubric show``."""

from __future__ import annotations

import json

import click

from procurement.cli.options import json_option, lang_option
from procurement.cli.render import table
from procurement.i18n import N_, Lang, tr


@click.group()
def rubric() -> None:
    """Browse the shipped rubrics or check your own rubric file."""


@rubric.command("list")
@json_option
@lang_option
def list_command(as_json: bool, lang: Lang) -> None:
    """List the shipped rubrics (the default first)."""
    from procurement.rubric import list_rubrics

    infos = list_rubrics()
    if as_json:
        click.echo(json.dumps([{"id": i.id, "version": i.version, "title": {"en": i.title_en,
                                "zh": i.title_zh}, "profile": i.profile} for i in infos],
                              ensure_ascii=False, indent=2))
        return
    rows = [[i.id, i.version, i.title_zh if lang == "zh" else i.title_en, i.profile or "–"]
            for i in infos]
    click.echo(table([tr(N_("Rubric"), lang), tr(N_("Version"), lang), tr(N_("Title"), lang),
                      tr(N_("Profile"), lang)], rows))


@rubric.command("show")
@click.argument("rubric_ref", metavar="RUBRIC")
@json_option
@lang_option
def show_command(rubric_ref: str, as_json: bool, lang: Lang) -> None:
    """Show RUBRIC (a shipped id or a path to your own YAML file), validating it."""
    from procurement.rubric import load_rubric
    from procurement.rubric.methodology import methodology

    view = methodology(load_rubric(rubric_ref), lang)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    click.echo(f"{view['id']} {view['version']} — {view['title']}")
    click.echo(view["description"])
    click.echo("")
    rows = [[c["id"], c["name"], c["kind"], f"{c['weight'] * 100:.1f} %",
             "–" if c["threshold"] is None else f"{c['threshold']:g}"] for c in view["criteria"]]
    click.echo(table([tr(N_("Criterion"), lang), tr(N_("Name"), lang), tr(N_("Kind"), lang),
                      tr(N_("Weight"), lang), tr(N_("Threshold"), lang)], rows,
                     right_aligned=(3, 4)))
    for c in view["criteria"]:
        click.echo("")
        sources = "; ".join(f"{s['document']} {s['ref']}" for s in c["sources"])
        click.echo(f"{c['id']} — {c['name']}  [{sources}]")
        if c["description"]:
            click.echo(f"  {c['description']}")
        for level in (c["scale"] or {}).get("levels", []):
            click.echo(f"  {level['value']:g}  {level['label']}: {level['descriptor']}")
        for prompt in c["evidence"]:
            click.echo(f"  · {prompt}")
