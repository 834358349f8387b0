"""What the service hands the screening: the bids from the evaluation frozen with the
recommendation, or (the lead's preview) from the evaluation as it stands, and whether the
award criterion is price only (Cardinal R036)."""

from types import SimpleNamespace

from procurement.integrity import screen
from procurement.rubric import load_rubric
from procurement.scoring.options import ScoringOptions
from procurement.scoring.result import Evaluation, RankedBid
from procurement.services.integrity import bids_before, bids_of, is_price_only
from procurement.vocabulary import BidStatus, Method
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


def _evaluation(ranking: list[RankedBid]) -> Evaluation:
    """An evaluation of these bids (the rest of it the screening does not read)."""
    return Evaluation.model_construct(rubric="mini", rubric_version="1", method=Method.WSM,
                                      options=ScoringOptions(), weights={}, ranking=ranking)


def _ranked(bid_id: str, rank: int | None, cost: float) -> RankedBid:
    return RankedBid.model_construct(
        bid_id=bid_id, supplier=f"Supplier {bid_id}", sme=bid_id == "B", rank=rank,
        total=None if rank is None else 80.0,
        status=BidStatus.RANKED if rank else BidStatus.DISQUALIFIED,
        scores={}, raw_scores={}, cost=cost, evaluated_cost=cost, tco=None, flags=[],
        reasons=[])


def test_the_preview_reads_the_evaluation_as_the_recommendation_will_freeze_it():
    ranking = [_ranked("A", 1, 100.0), _ranked("B", 2, 104.0), _ranked("D", None, 80.0)]
    evaluation = _evaluation(ranking)
    frozen = SimpleNamespace(winners={"all": "A"}, evaluation={"all": {"ranking": [
        b.model_dump(mode="json") for b in ranking]}})
    assert bids_before({"all": evaluation}) == bids_of(frozen)  # type: ignore[arg-type]


def test_a_tied_first_place_has_the_winner_named_or_none():
    tied = _evaluation([_ranked("A", 1, 100.0), _ranked("B", 1, 100.0)])

    def winner(named: dict[str, str] | None) -> list[str]:
        return [b.bid_ref for b in bids_before({"all": tied}, named) if b.winner]

    assert winner(None) == [] and winner({"all": "B"}) == ["B"]
    assert winner({"all": "C"}) == []  # not ranked first: recommend refuses it anyway
