"""``procure dates``: the legal dates after an award notice, and working-day counts, in a
jurisdiction's calendar, for users who need only the dates."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from procurement.cli.options import json_option, lang_option
from procurement.i18n import N_, Lang, tr

if TYPE_CHECKING:
    from procurement.jurisdictions.base import Timeline
    from procurement.jurisdictions.calendar import Count, DayOff


@click.group("dates")
def dates_group() -> None:
    """Standstill and other legal dates, and working days, by jurisdiction."""


def _jurisdiction_options(function: Any) -> Any:
    function = click.option("--region", metavar="REGION",
                            help="Whose holidays: uk england-wales (default), scotland, "
                                 "northern-ireland or all-uk; eu a member state (DE, FR…).")(function)
    function = click.option("--from", "start", required=True, metavar="YYYY-MM-DD",
                            help="The day the count starts from.")(function)
    return click.option("--jurisdiction", required=True, metavar="cn|uk|eu|generic",
                        help="Whose law: cn, uk, eu or generic.")(function)


def parse_day(value: str, option: str = "from") -> date:
    from procurement.errors import OptionError

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OptionError(option, N_("{value} is not a date (YYYY-MM-DD)"), value=value) from None


@dates_group.command("standstill")
@_jurisdiction_options
@click.option("--not-electronic", is_flag=True,
              help="eu: the award decision was not sent electronically (15 days, not 10).")
@click.option("--days", type=click.IntRange(0, 60), default=None,
              help="generic: the standstill in working days [default: 8].")
@json_option
@lang_option
def standstill(jurisdiction: str, start: str, region: str | None, not_electronic: bool,
               days: int | None, as_json: bool, lang: Lang) -> None:
    """The end of the standstill period after the award notice published on --from, and the
    first day the contract may be signed (cn: the end of the 公告期 and of the 质疑期, and the
    last day to sign), with every holiday passed over."""
    from procurement import jurisdictions

    timeline = jurisdictions.get(jurisdiction).standstill(
        parse_day(start), region=region, electronic=not not_electronic, days=days)
    if as_json:
        click.echo(json.dumps(timeline_json(timeline, lang), ensure_ascii=False, indent=2))
        return
    _print_timeline(timeline, lang)


@dates_group.command("working-days")
@_jurisdiction_options
@click.option("--days", type=click.IntRange(1, 3650), required=True,
              help="How many working days after --from.")
@json_option
@lang_option
def working_days(jurisdiction: str, start: str, region: str | None, days: int, as_json: bool,
                 lang: Lang) -> None:
    """The day that is --days working days after --from, with the holidays passed over."""
    from procurement import jurisdictions

    chosen = jurisdictions.get(jurisdiction)
    count = chosen.working_days(parse_day(start), days, region=region)
    if as_json:
        click.echo(json.dumps({"jurisdiction": chosen.code.value, "from": start, "days": days,
                               "date": count.end.isoformat(),
                               "skipped": [_day_json(d, lang) for d in count.skipped],
                               "worked": [_day_json(d, lang) for d in count.worked],
                               "beyond_data": list(count.beyond_data)},
                              ensure_ascii=False, indent=2))
        return
    click.echo(tr(N_("{days} working days after {start}: {date}"), lang, days=days,
                  start=start, date=_day(count.end, lang)))
    _print_days(count, lang)


def timeline_json(timeline: Timeline, lang: Lang) -> dict[str, Any]:
    def deadline(d: Any) -> dict[str, Any]:
        return {"what": tr(d.what, lang), "date": d.day.isoformat(),
                "rule": tr(d.rule.text, lang), "source": tr(d.rule.source, lang)}

    return {"jurisdiction": timeline.jurisdiction.value, "from": timeline.start.isoformat(),
            "from_event": tr(timeline.start_event, lang),
            "deadlines": [deadline(d) for d in timeline.deadlines],
            "standstill_end": timeline.standstill_end.isoformat(),
            "sign_from": timeline.sign_from.isoformat(),
            "sign_by": deadline(timeline.sign_by) if timeline.sign_by else None,
            "skipped": [_day_json(d, lang) for d in timeline.skipped],
            "worked": [_day_json(d, lang) for d in timeline.worked],
            "warnings": [tr(msgid, lang, **params) for msgid, params in timeline.warnings]}


def _day_json(day: DayOff, lang: Lang) -> dict[str, Any]:
    return {"date": day.day.isoformat(), "name": _name(day, lang), "observed": day.observed}


def _name(day: DayOff, lang: Lang) -> str:
    from procurement.jurisdictions.calendar import OBSERVED

    name = tr(day.name, lang)
    return tr(OBSERVED, lang, holiday=name) if day.observed else name


def _day(value: date, lang: Lang) -> str:
    from procurement import formats

    wide = lang == "zh"  # Chinese text takes full-width brackets and colons
    weekday = formats.weekday_and_day(value, lang)
    return f"{value.isoformat()}（{weekday}）" if wide else f"{value.isoformat()} ({weekday})"


def _colon(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "


def _list(lang: Lang) -> str:
    return "；" if lang == "zh" else "; "


def _print_timeline(timeline: Timeline, lang: Lang) -> None:
    from procurement import jurisdictions

    click.echo(tr(N_("{jurisdiction}: from {start}, {event}"), lang,
                  jurisdiction=tr(jurisdictions.get(timeline.jurisdiction).name, lang),
                  start=_day(timeline.start, lang), event=tr(timeline.start_event, lang)))
    for deadline in timeline.deadlines:
        click.echo(f"  {tr(deadline.what, lang)}{_colon(lang)}{_day(deadline.day, lang)} — "
                   f"{deadline.rule.render(lang)}")
    click.echo("  " + tr(N_("the contract may be signed from {date}"), lang,
                         date=_day(timeline.sign_from, lang)))
    if timeline.sign_by:
        click.echo(f"  {tr(timeline.sign_by.what, lang)}{_colon(lang)}"
                   f"{_day(timeline.sign_by.day, lang)} — "
                   f"{timeline.sign_by.rule.render(lang)}")
    _print_days(timeline, lang)
    for msgid, params in timeline.warnings:
        click.echo(tr(N_("warning: {message}"), lang, message=tr(msgid, lang, **params)),
                   err=True)


def _print_days(result: Timeline | Count, lang: Lang) -> None:
    if result.skipped:
        click.echo("  " + tr(N_("holidays passed over: {days}"), lang, days=_list(lang).join(
            f"{d.day.isoformat()} {_name(d, lang)}" for d in result.skipped)))
    if result.worked:
        click.echo("  " + tr(N_("weekends that are working days (调休补班): {days}"), lang,
                             days=", ".join(d.day.isoformat() for d in result.worked)))
