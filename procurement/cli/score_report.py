"""The readable report of ``procure score``: ranking, disqualified bids, robustness, warnings."""

from __future__ import annotations

import click

from procurement.cli.render import table
from procurement.i18n import N_, Lang, tr
from procurement.scoring.scorecard import Scorecard


def print_report(card: Scorecard, lang: Lang, limit: int) -> None:
    options = card.options
    rubric = card.rubric
    click.echo(tr(N_("Rubric {rubric} {version} · method {method} · price formula {formula} · "
                     "discount rate {rate} % · SME deduction {sme} %"), lang,
                  rubric=rubric.id, version=rubric.version, method=options.method,
                  formula=options.price_formula, rate=f"{options.discount_rate * 100:g}",
                  sme=f"{options.sme_deduction * 100:g}"))
    click.echo("")
    _print_ranking(card, lang, limit)
    _print_disqualified(card, lang)
    _print_sensitivity(card, lang)
    if card.warnings:
        click.echo("")
        click.echo(tr(N_("Warnings"), lang))
        for note in card.warnings:
            click.echo(f"  ! {note.text(lang)}")


def _print_ranking(card: Scorecard, lang: Lang, limit: int) -> None:
    ids, suppliers = card.bids.bid_ids, card.bids.suppliers
    ranked = [int(i) for i in card.order if card.qualified[i]]
    shown = ranked if limit == 0 else ranked[:limit]
    rows = []
    for i in shown:
        cost = "–" if card.evaluated_cost is None else f"{card.evaluated_cost[i]:,.2f}"
        flags = ", ".join(sorted({note.code for note in card.flags.get(i, [])}))
        rows.append([str(card.ranks[i]), ids[i], suppliers[i], f"{card.totals[i]:.2f}", cost,
                     flags or "–"])
    click.echo(table([tr(N_("Rank"), lang), tr(N_("Bid"), lang), tr(N_("Supplier"), lang),
                      tr(N_("Total"), lang), tr(N_("Evaluated cost"), lang),
                      tr(N_("Flags"), lang)], rows, right_aligned=(0, 3, 4)))
    if len(ranked) > len(shown):
        click.echo(tr(N_("… {count} more ranked bids (use --limit 0, --out or --json for all)"),
                      lang, count=len(ranked) - len(shown)))


def _print_disqualified(card: Scorecard, lang: Lang) -> None:
    out = [int(i) for i in card.order if not card.qualified[i]]
    if not out:
        return
    click.echo("")
    click.echo(tr(N_("Disqualified ({count})"), lang, count=len(out)))
    for i in out:
        reasons = "; ".join(note.text(lang) for note in card.reasons.get(i, []))
        click.echo(f"  {card.bids.bid_ids[i]}  {card.bids.suppliers[i]}: {reasons}")


def _print_sensitivity(card: Scorecard, lang: Lang) -> None:
    sensitivity = card.sensitivity
    if sensitivity is None or not sensitivity.win_probability:
        return
    click.echo("")
    click.echo(tr(N_("Robustness: {samples} weight draws (seed {seed})"), lang,
                  samples=f"{sensitivity.samples:,}", seed=sensitivity.seed))
    rows = [[bid, f"{p * 100:.1f} %",
             f"{sensitivity.percentile_ranks[bid].p5:g}–{sensitivity.percentile_ranks[bid].p95:g}"]
            for bid, p in list(sensitivity.win_probability.items())[:10]]
    click.echo(table([tr(N_("Bid"), lang), tr(N_("Wins"), lang),
                      tr(N_("Rank (5th–95th percentile)"), lang)], rows, right_aligned=(1, 2)))
    click.echo("")
    names = {c.id: c.name.get(lang) for c in card.rubric.criteria}
    rows = []
    for tip in sensitivity.tipping_points:
        if tip.tipping_weight is None or tip.new_winner is None:
            change = tr(N_("no weight changes the winner"), lang)
            at = "–"
        else:
            change = tip.new_winner
            at = f"{tip.tipping_weight * 100:.1f} %"
        rows.append([names[tip.criterion], f"{tip.weight * 100:.1f} %", at, change])
    click.echo(table([tr(N_("Criterion"), lang), tr(N_("Weight"), lang),
                      tr(N_("Tipping weight"), lang), tr(N_("New winner"), lang)], rows,
                     right_aligned=(1, 2)))
