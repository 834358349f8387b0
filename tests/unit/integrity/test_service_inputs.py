"""What the service hands the screening: the bids from the evaluation frozen with the
recommendation, and whether the award criterion is price only (Cardinal R036)."""

from types import SimpleNamespace

from procurement.integrity import screen
from procurement.rubric import load_rubric
from procurement.services.integrity import bids_of, is_price_only
from tests.conftest import MINI_RUBRIC


def test_price_only_when_the_cost_is_the_one_weighted_criterion():
    rubric = load_rubric(MINI_RUBRIC)
    assert not is_price_only(rubric)  # quality 40, openness 20, price 40
    zeroed = rubric.model_copy(update={"criteria": [
        c.model_copy(update={"weight": 0}) if c.kind == "scale" else c
        for c in rubric.criteria]})
    assert is_price_only(zeroed)


def test_bids_from_the_frozen_evaluation_raise_r036():
    # D (80) is the lowest and disqualified; A (100) wins among the valid bids.
    decision = SimpleNamespace(winners={"all": "A"}, evaluation={"all": {"ranking": [
        {"bid_id": "A", "supplier": "Alpha", "sme": False, "cost": 100.0, "status": "ranked"},
        {"bid_id": "B", "supplier": "Beta", "sme": True, "cost": 130.0, "status": "ranked"},
        {"bid_id": "D", "supplier": "Delta", "sme": False, "cost": 80.0,
         "status": "disqualified"}]}})
    bids = bids_of(decision)  # type: ignore[arg-type]
    assert [(b.bid_ref, b.valid, b.winner, b.sme) for b in bids] == [
        ("A", True, True, False), ("B", True, False, True), ("D", False, False, False)]
    assert [(f.code, f.subject) for f in screen(bids, price_only=True)] == [("R036", "D")]
    assert screen(bids, price_only=False) == []  # (130 − 100) / 100 = 0.30: neither R024 nor R058
