"""Build users and procurements at any stage through the services, for the workflow tests."""

from __future__ import annotations

from typing import Any

from procurement.rubric import load_rubric
from procurement.services import bids, lifecycle, panel, procurements, scoring, users
from procurement.services.actors import Actor
from procurement.store.db import Database
from tests.conftest import MINI_RUBRIC

PASSWORD = "correct horse battery"
PEOPLE = {"lead": "lead", "lead2": "lead", "e1": "evaluator", "e2": "evaluator",
          "e3": "evaluator", "boss": "approver", "obs": "observer"}
BIDS = [
    {"bid_id": "A", "supplier": "Alpha 阿尔法", "sme": "no", "eligible": "yes", "price": "100"},
    {"bid_id": "B", "supplier": "Beta & Sons <Ltd>", "sme": "yes", "eligible": "yes",
     "price": "120"},
    {"bid_id": "C", "supplier": "Gamma", "sme": "no", "eligible": "yes", "price": "90"},
]
# Scores by evaluator: (bid, criterion) → score. e1 and e2 disagree on A/quality (4 vs 1).
SCORES = {
    "e1": {("A", "quality"): 4, ("A", "openness"): 8, ("B", "quality"): 3, ("B", "openness"): 5,
           ("C", "quality"): 2, ("C", "openness"): 9},
    "e2": {("A", "quality"): 1, ("A", "openness"): 7, ("B", "quality"): 3, ("B", "openness"): 6,
           ("C", "quality"): 2, ("C", "openness"): 9},
}
STAGES = ("draft", "open", "quality_evaluation", "scored", "price_opening", "moderation")


def people(db: Database) -> dict[str, Actor]:
    for name, role in PEOPLE.items():
        users.add_user(db, name, name.upper(), role, password=PASSWORD)
    return {name: users.get_actor(db, name) for name in PEOPLE}


def procurement(db: Database, who: dict[str, Actor], stage: str = "draft",
                evaluators: tuple[str, ...] = ("e1", "e2"), reference: str = "T-1",
                **created_with: Any) -> int:
    """A procurement on the mini rubric, brought to ``stage`` (one of STAGES)."""
    lead = who["lead"]
    created = procurements.create_procurement(db, lead, reference=reference, title="Test 测试",
                                              buyer_name="City 城市", rubric=load_rubric(MINI_RUBRIC),
                                              **created_with)
    pid = created.id
    for name in evaluators:
        panel.assign_evaluator(db, lead, pid, name)
    if STAGES.index(stage) >= STAGES.index("open"):
        lifecycle.open_for_bids(db, lead, pid)
        bids.add_bids(db, lead, pid, BIDS)
    if STAGES.index(stage) >= STAGES.index("quality_evaluation"):
        lifecycle.start_quality_evaluation(db, lead, pid)
        for name in evaluators:
            panel.declare_interests(db, who[name], pid, conflict=False)
    if STAGES.index(stage) >= STAGES.index("scored"):
        for name in evaluators:
            for (bid, criterion), score in SCORES[name].items():
                scoring.submit_score(db, who[name], pid, bid, criterion, score, f"{name} on {bid}")
            scoring.submit_scoresheet(db, who[name], pid)
    if STAGES.index(stage) >= STAGES.index("price_opening"):
        lifecycle.close_quality_evaluation(db, lead, pid)
    if STAGES.index(stage) >= STAGES.index("moderation"):
        lifecycle.start_moderation(db, lead, pid)
    return pid
