"""``procure publish``: the procurement pipeline as open data and a static site."""

from __future__ import annotations

import os
from pathlib import Path

import click

from procurement.cli.options import lang_option
from procurement.i18n import N_, Lang, tr


@click.command("publish")
@click.argument("source", metavar="SOURCE")
@click.option("--out", "out", required=True, metavar="DIR",
              help="Folder of the published site (replaced atomically).")
@click.option("--ocid-prefix", required=True, metavar="P",
              help="Your registered OCDS prefix, such as ocds-213czf.")
@click.option("--profile", type=click.Choice(["ocds", "uk1", "cn"]), default="ocds",
              show_default=True,
              help="uk1: Procurement Act 2023 s.93 pipeline notice; cn: 政府采购意向公开.")
@click.option("--base-url", metavar="URL", help="Where the site will be served (https://…).")
@click.option("--license", "license_url", metavar="URL",
              help="Licence of the data, e.g. http://opendatacommons.org/licenses/pddl/1.0/")
@click.option("--publisher", metavar="NAME",
              help="Publisher of the data [default: the buyer, when there is only one].")
@click.option("--policy", "policy_path", metavar="FILE.md",
              help="The procurement policy in Markdown [default: policy.md in or beside SOURCE].")
@click.option("--state", "state_path", metavar="FILE",
              help="The publish state [default: published.jsonl in a SOURCE folder, "
                   "SOURCE.published.jsonl beside a SOURCE file].")
@click.option("--pages/--no-pages", default=True, show_default=True,
              help="One web page per notice, or only the index (rows anchored by id).")
@click.option("--awards-from", "awards_db", metavar="DB",
              help="Also publish the awards of this database as award releases.")
@click.option("--indicators", "with_indicators", is_flag=True,
              help="Also publish the indicators of the awards (single-bid rate, SMEs, "
                   "concentration): indicators.html, .json and .csv; needs --awards-from.")
@lang_option
def publish(source: str, out: str, ocid_prefix: str, profile: str, base_url: str | None,
            license_url: str | None, publisher: str | None, policy_path: str | None,
            state_path: str | None, pages: bool, awards_db: str | None,
            with_indicators: bool, lang: Lang) -> None:
    """Publish the pipeline in SOURCE (a folder of YAML entries, a CSV/XLSX file, or a
    database) as an OCDS 1.1.5 release package, pipeline.csv, feed.atom and web pages.

    Publishing again adds a release only for entries that changed; an invalid pipeline is
    refused with one line per problem and nothing is written.
    """
    from procurement.services import clock, pipeline

    result = pipeline.publish_source(
        source, Path(out), ocid_prefix=ocid_prefix, profile=profile,  # type: ignore[arg-type]
        base_url=base_url.rstrip("/") if base_url else None, license_url=license_url,
        publisher=publisher, policy_path=policy_path, state_path=state_path, pages=pages,
        awards_db=awards_db, with_indicators=with_indicators, now=clock.publication_time(),
        # With two cores or more the notice pages are written by a second, forked process
        # while this one goes on with the pass (a plain command line: no threads to lose).
        processes=os.cpu_count() or 1)
    report = result.report
    for warning in report.warnings:
        click.echo(tr(N_("warning: {message}"), lang, message=warning.render(lang)), err=True)
    click.echo(tr(N_("Published {entries} pipeline entries to {out}: {new} new releases, "
                     "{unchanged} unchanged, {withdrawn} withdrawn; {releases} releases in the "
                     "package, valid OCDS 1.1.5."), lang, entries=report.entries, out=out,
                  new=report.new_releases, unchanged=report.unchanged,
                  withdrawn=report.withdrawn, releases=report.releases))
    if report.awards:
        click.echo(tr(N_("{count} award releases published."), lang, count=report.awards))
    if report.contracts:
        click.echo(tr(N_("{count} contract releases published."), lang,
                      count=report.contracts))
    if report.counts:
        click.echo("; ".join(tr(msgid, lang, count=count)
                             for msgid, count in report.counts.items()) + ".")
    if with_indicators:
        click.echo(tr(N_("The indicators of the awards published: indicators.html, "
                         "indicators.json and indicators.csv."), lang))
    if report.policy_changed:
        click.echo(tr(N_("The procurement policy changed; its new version is in the change "
                         "history."), lang))
    click.echo(tr(N_("Publish state: {path}"), lang, path=result.state))
