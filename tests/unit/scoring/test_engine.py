"""The scoring semantics end to end (docs/methodology.md states them for bidders)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procurement.api import evaluate, scoring_options
from procurement.errors import ProcurementError
from procurement.scoring.engine import score_bids
from procurement.tables.bids import read_bids
from tests.conftest import MINI_HEADER, rubric_from


@pytest.fixture
def score(write_csv, mini_rubric):
    def run(rows, rubric=None, **settings):
        rubric = rubric or mini_rubric
        bids = read_bids(write_csv([MINI_HEADER, *rows]), rubric)
        settings.setdefault("sensitivity_samples", 0)
        return evaluate(rubric, bids, scoring_options(rubric, **settings))
    return run


ROWS = [
    ["A", "Alpha", "no", "3", "8", "yes", "100000"],
    ["B", "Beta", "yes", "4", "4", "yes", "120000"],
    ["C", "Gamma", "no", "2", "10", "yes", "90000"],
    ["D", "Delta", "no", "4", "9", "no", "80000"],
    ["E", "Epsilon", "no", "0", "10", "yes", "95000"],
]


def test_totals_by_hand(score):
    # Weights .4 quality (0–4), .2 openness (0–10), .4 price (lowest_ratio over A, B, C).
    result = score(ROWS)
    by_id = {b.bid_id: b for b in result.ranking}
    assert by_id["A"].total == pytest.approx(100 * (.4 * 3 / 4 + .2 * .8 + .4 * 90 / 100))
    assert by_id["B"].total == pytest.approx(100 * (.4 * 1 + .2 * .4 + .4 * 90 / 120))
    assert by_id["C"].total == pytest.approx(100 * (.4 * .5 + .2 * 1 + .4 * 1))
    assert [b.bid_id for b in result.ranking] == ["A", "C", "B", "D", "E"]
    assert [b.rank for b in result.ranking] == [1, 2, 3, None, None]


def test_disqualified_bids_are_listed_last_with_reasons_and_leave_the_price_pool(score):
    result = score(ROWS)
    d, e = result.ranking[3], result.ranking[4]
    assert (d.status, e.status) == ("disqualified", "disqualified")
    assert [r.code for r in d.reasons] == ["gate_failed"]
    assert d.reasons[0].message.en == "fails the pass/fail criterion Eligible"
    assert e.reasons[0].message.en == "Quality scored 0, below the minimum of 1"
    assert d.total is None and d.rank is None
    # D's 80,000 would have been the lowest price; the pool's lowest is C's 90,000.
    assert result.ranking[1].scores["cost"] == pytest.approx(1.0)
    assert d.scores["cost"] == pytest.approx(1.0)  # clipped, never above 1


def test_sme_deduction_lowers_the_evaluated_cost_of_sme_bids_only(score):
    result = score(ROWS, sme_deduction=0.2)
    beta = next(b for b in result.ranking if b.bid_id == "B")
    alpha = next(b for b in result.ranking if b.bid_id == "A")
    assert beta.evaluated_cost == pytest.approx(96000) and beta.cost == 120000
    assert alpha.evaluated_cost == alpha.cost == 100000
    assert beta.scores["cost"] == pytest.approx(90000 / 96000)


def test_ties_share_a_rank_and_are_flagged(score):
    rows = [["A", "x", "no", "4", "5", "yes", "100"], ["B", "y", "no", "4", "5", "yes", "100"],
            ["C", "z", "no", "1", "5", "yes", "100"]]
    result = score(rows)
    assert [b.rank for b in result.ranking] == [1, 1, 3]
    assert {f.code for f in result.ranking[0].flags} >= {"tie", "identical_price"}
    assert any(w.code == "tie" for w in result.warnings)
    messages = {f.message.en for f in result.ranking[0].flags}
    assert messages == {"tied at rank 1 with B", "the same cost (100.00) as bid B, C"}


def test_single_and_no_qualified_bid(score):
    single = score(ROWS[:1])
    assert [f.code for f in single.ranking[0].flags] == ["single_bid"]
    assert single.winner is not None
    none = score([ROWS[3]])
    assert none.winner is None and none.warnings[0].code == "no_qualified_bid"


def test_abnormally_low_cost_is_flagged_with_its_explanation(score):
    rows = [["A", "x", "no", "3", "5", "yes", "50"], ["B", "y", "no", "3", "5", "yes", "100"],
            ["C", "z", "no", "3", "5", "yes", "110"], ["D", "w", "no", "3", "5", "yes", "120"]]
    low = next(b for b in score(rows).ranking if b.bid_id == "A")
    flag = next(f for f in low.flags if f.code == "abnormally_low")
    assert flag.message.en == ("cost 50.00 is below 60 % of the mean of the other bids (110.00): "
                               "ask the supplier to explain it before any award")
    assert not any(f.code == "abnormally_low" for f in score(rows, low_mean_ratio=0.4,
                                                             low_next_ratio=0.4).ranking[0].flags)


def test_linear_and_benchmark_formulas(score):
    linear = {b.bid_id: b.scores["cost"] for b in score(ROWS, price_formula="linear").ranking}
    assert linear["C"] == 1.0 and linear["B"] == 0.0 and linear["A"] == pytest.approx(2 / 3)
    bench = {b.bid_id: b.scores["cost"] for b in score(ROWS, price_formula="benchmark",
                                                       benchmark_price=100000).ranking}
    assert bench["A"] == 1.0 and bench["B"] == pytest.approx(100 / 120)


def test_benchmark_formula_without_a_price_is_a_clear_error(mini_rubric):
    with pytest.raises(ProcurementError, match="needs a benchmark price"):
        scoring_options(mini_rubric, price_formula="benchmark")


def test_tco_basis_reports_the_parts(write_csv, mini_data):
    mini_data["criteria"][3]["basis"] = "tco"
    rubric = rubric_from(mini_data)
    header = ["bid_id", "supplier", "quality", "openness", "eligible", "capex", "opex_per_year",
              "term_years", "exit_cost"]
    bids = read_bids(write_csv([header, ["A", "x", "3", "5", "yes", "1000", "100", "2", "50"],
                                ["B", "y", "3", "5", "yes", "500", "400", "2", "0"]]), rubric)
    result = evaluate(rubric, bids, scoring_options(rubric, sensitivity_samples=0,
                                                    discount_rate=0.05))
    a = next(b for b in result.ranking if b.bid_id == "A")
    assert a.tco is not None
    assert a.tco.opex_pv == pytest.approx(100 / 1.05 + 100 / 1.05**2)
    assert a.tco.exit_pv == pytest.approx(50 / 1.05**2)
    assert a.cost == pytest.approx(a.tco.total) == pytest.approx(1000 + a.tco.opex_pv + a.tco.exit_pv)


def test_removing_the_cheapest_bid_can_reverse_the_others(score):
    # A is cheapest and sets the pool minimum (60). Totals: B .4 + .4·60/200 = .52,
    # A .1 + .4 = .50, C .25 + .4·60/100 = .49. Without A the minimum is C's 100:
    # B .4 + .4·.5 = .60 and C .25 + .4 = .65, so C overtakes B.
    rows = [["A", "x", "no", "1", "0", "yes", "60"], ["B", "y", "no", "4", "0", "yes", "200"],
            ["C", "z", "no", "2.5", "0", "yes", "100"]]
    result = score(rows, sensitivity_samples=100)
    order = [b.bid_id for b in result.ranking]
    assert order == ["B", "A", "C"]
    assert result.sensitivity is not None
    assert [r.model_dump() for r in result.sensitivity.rank_reversals] == [
        {"removed": "A", "order_before": ["B", "C"], "order_after": ["C", "B"]}]
    assert any(w.code == "rank_reversal" for w in result.warnings)


def test_sensitivity_is_reproducible_and_seeded(score):
    first = score(ROWS, sensitivity_samples=2000, seed=42).sensitivity
    again = score(ROWS, sensitivity_samples=2000, seed=42).sensitivity
    other = score(ROWS, sensitivity_samples=2000, seed=43).sensitivity
    assert first == again
    assert first is not None and other is not None
    assert first.win_probability != other.win_probability
    assert sum(first.win_probability.values()) == pytest.approx(1.0)
    assert [t.criterion for t in first.tipping_points] == ["quality", "openness", "cost"]


def test_topsis_and_vikor_rank_the_same_normalised_matrix(score):
    for method in ("topsis", "vikor"):
        result = score(ROWS, method=method, sensitivity_samples=100)
        assert result.method == method
        ranks = sorted(b.rank for b in result.ranking if b.rank)
        assert len(ranks) == 3 and ranks[0] == 1
        assert result.sensitivity is not None and result.sensitivity.samples == 0
        assert any(w.code == "sampling_wsm_only" for w in result.warnings)


def test_two_identical_bids_tie_under_topsis(score):
    rows = [["A", "x", "no", "3", "5", "yes", "100"], ["B", "y", "no", "3", "5", "yes", "100"],
            ["C", "z", "no", "1", "9", "yes", "130"]]
    result = score(rows, method="topsis")
    assert [b.rank for b in result.ranking] == [1, 1, 3]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # read-only fixtures
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10), st.integers(50, 500)),
                min_size=1, max_size=6), st.tuples(st.integers(0, 4), st.integers(0, 10),
                                                   st.integers(1, 1000)))
def test_absolute_scale_scores_never_move_when_a_bid_is_added(tmp_path_factory, mini_rubric,
                                                             rows, extra):
    folder = tmp_path_factory.mktemp("bids")

    def card(table):
        path = folder / f"bids{len(table)}.csv"
        lines = [",".join(MINI_HEADER)] + [f"B{i},s,no,{q},{o},yes,{p}"
                                           for i, (q, o, p) in enumerate(table)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        bids = read_bids(path, mini_rubric)
        return score_bids(mini_rubric, bids, scoring_options(mini_rubric, sensitivity_samples=0))

    before, after = card(rows), card([*rows, extra])
    n = len(rows)
    for column in (0, 1):  # quality and openness: scale criteria
        assert np.array_equal(before.matrix[:, column], after.matrix[:n, column])
