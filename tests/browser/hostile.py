"""A demo city where everything users and bidders typed is hostile Markdown: titles, a
description, supplier names and answers, rationales, a consensus reason, a flag resolution,
a recommendation note and a return reason, a cancellation reason, an evaluator's name and a
pipeline entry. Each payload points at a local "tracker" that counts what browsers fetch."""

from __future__ import annotations

from procurement.rubric import load_rubric
from procurement.services import (
    award,
    bids,
    demo,
    lifecycle,
    moderation,
    panel,
    pipeline_store,
    procurements,
    scoring,
    users,
)
from procurement.store.db import Database

MARK = "PWNED"
REFERENCE = "X-2026-666"


def payload(tracker: str, where: str) -> str:
    """Every kind of Markdown a page could make of user text, tagged with ``where``."""
    return (f"{where} ![{MARK} image]({tracker}/pixel-{where}.png) "
            f"[{MARK} link]({tracker}/click-{where}) **{MARK} bold** "
            f"<img src=\"{tracker}/raw-{where}.png\"> {tracker}/bare-{where} :red[{MARK}]\n"
            f"# {MARK} heading\n> {MARK} quote\n- {MARK} item")


def one_line(tracker: str, where: str) -> str:
    return (f"{where} ![{MARK} image]({tracker}/pixel-{where}.png) [{MARK} link]"
            f"({tracker}/click-{where}) **{MARK} bold** # {MARK}")


def build(db: Database, tracker: str) -> None:
    demo.build_demo(db)
    lead = users.get_actor(db, "li.na")
    users.add_user(db, "mallory", one_line(tracker, "name"), "evaluator",
                   password="harbourside-2026")
    who = {u: users.get_actor(db, u) for u in ("li.wei", "mallory", "zhou.min")}
    created = procurements.create_procurement(
        db, lead, reference=REFERENCE, title=one_line(tracker, "title"),
        buyer_name=one_line(tracker, "buyer"), description=payload(tracker, "description"),
        rubric="iso37106-smart")
    pid = created.id
    for name in ("li.wei", "mallory"):
        panel.assign_evaluator(db, lead, pid, name)
    procurements.update_contract_terms(db, lead, pid, currency="CNY")
    lifecycle.open_for_bids(db, lead, pid)
    common = {"accepts_data_terms": "yes", "open_standards_compliant": "yes",
              "opex_per_year": "100000", "term_years": "5", "exit_cost": "20000"}
    bids.add_bids(db, lead, pid, [
        {"bid_id": "H-1", "supplier": one_line(tracker, "supplier1"), "sme": "yes",
         "capex": "900000", "answer_outcome_focus": payload(tracker, "answer"), **common},
        {"bid_id": "H-2", "supplier": one_line(tracker, "supplier2"), "sme": "no",
         "capex": "1000000", **common},
        {"bid_id": "H-3", "supplier": one_line(tracker, "supplier3"), "sme": "no",
         "capex": "100000", **common}])
    lifecycle.start_quality_evaluation(db, lead, pid)
    rubric = load_rubric("iso37106-smart")
    for name in ("li.wei", "mallory"):
        panel.declare_interests(db, who[name], pid, conflict=False)
        for bid in ("H-1", "H-2", "H-3"):
            for criterion in rubric.scale_criteria:
                high = name == "li.wei" and criterion.id == "outcome_focus" and bid == "H-1"
                scoring.submit_score(db, who[name], pid, bid, criterion.id,
                                     4.0 if high else 3.0, payload(tracker, f"rationale-{name}"))
        scoring.submit_scoresheet(db, who[name], pid)
    lifecycle.close_quality_evaluation(db, lead, pid)
    lifecycle.start_moderation(db, lead, pid)
    moderation.set_consensus(db, lead, pid, "H-1", "outcome_focus", 3.0,
                             payload(tracker, "consensus"))
    moderation.resolve_flag(db, lead, pid, "H-3", "abnormally_low",
                            payload(tracker, "resolution"))
    award.recommend(db, lead, pid, note=payload(tracker, "note"))
    award.return_recommendation(db, who["zhou.min"], pid, payload(tracker, "return"))

    cancelled = procurements.create_procurement(
        db, lead, reference="X-2026-667", title="Cancelled one", buyer_name="City",
        rubric="iso37106-smart")
    award.cancel(db, lead, cancelled.id, payload(tracker, "cancel"))
    pipeline_store.save_entry(db, lead, {
        "id": "X-PIPE-1", "title": one_line(tracker, "pipeline"), "buyer": "City",
        "description": payload(tracker, "pipeline-description"), "estimated_value": 1000,
        "currency": "CNY"})

