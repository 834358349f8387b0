"""Independent scoring: own scores only, rationale required, versions checked."""

import pytest

from procurement.errors import InputError, ProcurementError
from procurement.services import bids, lifecycle, panel, results, scoring
from procurement.services.errors import ConflictError, PermissionDenied, StateError
from tests.integration import world


@pytest.fixture
def scoring_open(db):
    who = world.people(db)
    return who, world.procurement(db, who, "quality_evaluation")


def test_a_score_needs_a_rationale_a_scale_and_an_assigned_criterion(db, scoring_open):
    who, pid = scoring_open
    with pytest.raises(ProcurementError, match="a rationale is required"):
        scoring.submit_score(db, who["e1"], pid, "A", "quality", 3, "   ")
    with pytest.raises(ProcurementError, match="outside the scale 0–4"):
        scoring.submit_score(db, who["e1"], pid, "A", "quality", 5, "why")
    with pytest.raises(PermissionDenied, match="not one of your criteria"):
        scoring.submit_score(db, who["e1"], pid, "A", "eligible", 1, "why")
    with pytest.raises(ProcurementError, match="no bid Z"):
        scoring.submit_score(db, who["e1"], pid, "Z", "quality", 1, "why")


def test_stale_versions_are_refused(db, scoring_open):
    who, pid = scoring_open
    first = scoring.submit_score(db, who["e1"], pid, "A", "quality", 3, "good")
    assert first.version == 1
    second = scoring.submit_score(db, who["e1"], pid, "A", "quality", 4, "better",
                                  expected_version=1)
    assert second.version == 2
    with pytest.raises(ConflictError, match="version 2, you had 1"):
        scoring.submit_score(db, who["e1"], pid, "A", "quality", 1, "stale tab",
                             expected_version=1)
    with pytest.raises(ConflictError):
        scoring.submit_score(db, who["e1"], pid, "A", "quality", 1, "new tab")
    assert [s.score for s in scoring.my_scores(db, who["e1"], pid)] == [4.0]


def test_evaluators_see_only_their_own_scores_until_all_submit(db, scoring_open):
    who, pid = scoring_open
    for name in ("e1", "e2"):
        for (bid, criterion), score in world.SCORES[name].items():
            scoring.submit_score(db, who[name], pid, bid, criterion, score, "r")
    assert {s.evaluator for s in scoring.my_scores(db, who["e1"], pid)} == {"e1"}
    for name in ("e1", "e2", "lead", "boss"):
        with pytest.raises(PermissionDenied, match="once every evaluator has submitted"):
            scoring.panel_scores(db, who[name], pid)
    scoring.submit_scoresheet(db, who["e1"], pid)
    with pytest.raises(PermissionDenied):
        scoring.panel_scores(db, who["e1"], pid)
    with pytest.raises(StateError, match="scores can no longer change"):
        scoring.submit_score(db, who["e1"], pid, "A", "quality", 0, "too late")
    scoring.submit_scoresheet(db, who["e2"], pid)
    assert {s.evaluator for s in scoring.panel_scores(db, who["e1"], pid)} == {"e1", "e2"}
    assert len(scoring.panel_scores(db, who["lead"], pid)) == 12
    with pytest.raises(PermissionDenied):
        scoring.panel_scores(db, who["e3"], pid)


def test_an_incomplete_scoresheet_cannot_be_submitted(db, scoring_open):
    who, pid = scoring_open
    scoring.submit_score(db, who["e1"], pid, "A", "quality", 3, "r")
    with pytest.raises(StateError, match=r"5 score.* still missing"):
        scoring.submit_scoresheet(db, who["e1"], pid)


def test_a_late_conflict_removes_the_evaluator_and_their_scores(db):
    who = world.people(db)
    pid = world.procurement(db, who, "scored", evaluators=("e1", "e2"))
    panel.declare_interests(db, who["e2"], pid, conflict=True, reason="found out late")
    lifecycle.close_quality_evaluation(db, who["lead"], pid)
    result = results.evaluate_procurement(db, who["lead"], pid)
    cell = next(c for c in result.evaluation.panel or [] if (c.bid_id, c.criterion) == ("A", "quality"))
    assert cell.scores == {"e1": 4.0}


def test_the_lead_imports_paper_scores_all_or_nothing(db, scoring_open, tmp_path):
    who, pid = scoring_open
    path = tmp_path / "panel.csv"
    path.write_text("bid_id,evaluator,criterion,score,rationale\n"
                    "A,e1,quality,3,paper sheet\nA,e3,quality,2,not on panel\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3, column evaluator: e3 is not a cleared panel"):
        scoring.import_scores(db, who["lead"], pid, path)
    assert scoring.my_scores(db, who["e1"], pid) == []
    path.write_text("bid_id,evaluator,criterion,score,rationale\nA,e1,quality,3,paper sheet\n",
                    encoding="utf-8")
    assert scoring.import_scores(db, who["lead"], pid, path) == 1
    assert scoring.my_scores(db, who["e1"], pid)[0].rationale == "paper sheet"
    with pytest.raises(PermissionDenied):
        scoring.import_scores(db, who["e1"], pid, path)
    assert bids.list_bids(db, who["e1"], pid)
