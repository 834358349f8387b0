"""Panel consolidation and spread flags."""

import numpy as np
import pytest

from procurement.errors import InputError
from procurement.scoring.consensus import consolidate, spread_level
from procurement.scoring.inputs import PanelScores


def _panel(rows):
    bids, evaluators, criteria, scores, rationales = zip(*rows, strict=True)
    return PanelScores("panel.csv", list(bids), list(evaluators), list(criteria),
                       np.array(scores, dtype=float), list(rationales))


ROWS = [
    ("A", "e1", "quality", 4, "ok"), ("A", "e2", "quality", 1, "ok"), ("A", "e3", "quality", 3, ""),
    ("A", "e1", "openness", 5, "ok"), ("A", "e2", "openness", 6, "ok"),
    ("A", "e3", "openness", 7, "ok"),
    ("B", "e1", "quality", 2, "ok"), ("B", "e2", "quality", 2, "ok"),
    ("B", "e1", "openness", 10, "ok"), ("B", "e2", "openness", 10, "ok"),
    ("B", "e3", "openness", 10, "ok"),
]


def test_median_spread_and_flags(mini_rubric):
    result = consolidate(_panel(ROWS), mini_rubric, ["A", "B"])
    assert result.scores["quality"].tolist() == [3.0, 2.0]
    assert result.scores["openness"].tolist() == [6.0, 10.0]
    cells = {(c.bid_id, c.criterion): c for c in result.cells}
    a_quality = cells["A", "quality"]
    assert a_quality.spread == pytest.approx(3 / 4)
    assert a_quality.level == "disagreement"
    assert a_quality.empty_rationale == ["e3"]
    assert cells["A", "openness"].spread == pytest.approx(0.2)
    assert cells["A", "openness"].level == "ok"  # 20 % is not above 20 %
    assert cells["B", "quality"].missing == ["e3"]
    assert cells["B", "quality"].scores == {"e1": 2.0, "e2": 2.0, "e3": None}


def test_mean_and_moderated_consensus(mini_rubric):
    result = consolidate(_panel(ROWS), mini_rubric, ["A", "B"], aggregation="mean",
                         moderated={("A", "quality"): 3.5})
    assert result.scores["openness"][0] == pytest.approx(6.0)
    assert result.scores["quality"].tolist() == [3.5, 2.0]
    cell = next(c for c in result.cells if (c.bid_id, c.criterion) == ("A", "quality"))
    assert cell.consensus_source == "moderated"
    assert cell.scores["e2"] == 1.0  # originals are kept beside the consensus


def test_a_cell_nobody_scored_is_an_error(mini_rubric):
    with pytest.raises(InputError, match="no evaluator scored openness of bid B"):
        consolidate(_panel(ROWS[:8]), mini_rubric, ["A", "B"])


@pytest.mark.parametrize(("spread", "level"), [(0.0, "ok"), (0.2, "ok"), (0.21, "review"),
                                               (0.5, "review"), (0.51, "disagreement")])
def test_spread_bands(spread, level):
    assert spread_level(spread, 0.2, 0.5) == level
