"""``procure score``: rank a bids table against a rubric."""

from __future__ import annotations

import click

from procurement.cli.options import json_option, lang_option
from procurement.i18n import Lang
from procurement.vocabulary import Aggregation, Method, PriceFormula, codes


@click.command()
@click.argument("bids")
@click.option("--rubric", "rubric_ref", default="iso37106-smart", show_default=True,
              help="Shipped rubric id or path to a rubric YAML file.")
@click.option("--method", type=click.Choice(codes(Method)),
              help="Aggregation method [rubric default: wsm].")
@click.option("--price-formula", type=click.Choice(codes(PriceFormula)),
              help="How cost becomes a score [rubric default: lowest_ratio].")
@click.option("--benchmark-price", type=click.FloatRange(min=0, min_open=True),
              help="Published benchmark cost for --price-formula benchmark.")
@click.option("--discount-rate", type=click.FloatRange(0, 1, max_open=True),
              help="Discount rate for TCO [rubric default: 0.035].")
@click.option("--sme-deduction", type=click.FloatRange(0, 1, max_open=True),
              help="Share deducted from SME bids' cost, e.g. 0.10 [rubric default].")
@click.option("--aggregation", type=click.Choice(codes(Aggregation)),
              help="How a panel's scores are combined [rubric default: median].")
@click.option("--panel", "panel_path", help="Evaluator panel scores (long CSV/XLSX table).")
@click.option("--sensitivity", "samples", type=click.IntRange(0, 1_000_000), default=10_000,
              show_default=True, help="Weight samples for the win probability (0 turns it off).")
@click.option("--seed", type=click.IntRange(min=0), help="Random seed of the weight samples.")
@click.option("--low-mean-ratio", type=click.FloatRange(0, 1, min_open=True),
              help="Abnormally low below this share of the other bids' mean [0.6].")
@click.option("--low-next-ratio", type=click.FloatRange(0, 1, min_open=True),
              help="Abnormally low below this share of the next cost up [0.7].")
@click.option("--out", "out_path", help="Also write the results to a .csv or .xlsx file.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Bids shown in the table (0 shows all); files and JSON have every bid.")
@json_option
@lang_option
def score(bids: str, rubric_ref: str, method: str | None, price_formula: str | None,
          benchmark_price: float | None, discount_rate: float | None,
          sme_deduction: float | None, aggregation: str | None, panel_path: str | None,
          samples: int, seed: int | None, low_mean_ratio: float | None,
          low_next_ratio: float | None, out_path: str | None, limit: int, as_json: bool,
          lang: Lang) -> None:
    """Score and rank the bids in BIDS (CSV or XLSX) against a rubric.

    Prints the ranking, red flags and how robust the winner is to the weights. Every
    malformed cell is reported with its file, row and column, and nothing is written.
    """
    from procurement.api import score_file_card
    from procurement.export import check_output_path, write_results

    if out_path:
        check_output_path(out_path)
    card = score_file_card(
        bids, rubric=rubric_ref, panel_path=panel_path, method=method,
        price_formula=price_formula, benchmark_price=benchmark_price,
        discount_rate=discount_rate, sme_deduction=sme_deduction, aggregation=aggregation,
        sensitivity_samples=samples, seed=seed, low_mean_ratio=low_mean_ratio,
        low_next_ratio=low_next_ratio)
    if as_json:
        import sys

        from procurement.forkjoin import in_two_halves
        from procurement.result_json import evaluation_json_parts, ranking_items

        ranking = in_two_halves(lambda start, stop: ranking_items(card, start, stop),
                                len(card.bids))
        sys.stdout.buffer.writelines([*evaluation_json_parts(card, ranking), b"\n"])
        sys.stdout.flush()
    else:
        from procurement.cli.score_report import print_report

        print_report(card, lang, limit)
    if out_path:
        write_results(card, out_path, lang)
