"""Compute a procurement's result from the database with the scoring engine: the panel's
scores (consensus where moderated, median elsewhere), the gates and the price envelopes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from procurement.i18n import N_
from procurement.rubric import Rubric
from procurement.scoring.engine import score_bids
from procurement.scoring.inputs import TCO_COLUMNS, BidSet, CostInputs, PanelScores
from procurement.scoring.result import Evaluation
from procurement.scoring.scorecard import Scorecard
from procurement.services import access
from procurement.services.actors import Actor
from procurement.services.errors import PermissionDenied
from procurement.store import procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import BidRow, PriceEnvelopeRow, ProcurementRow

ALL_LOTS = "all"


@dataclass(frozen=True)
class ProcurementResult:
    lot: str
    card: Scorecard
    evaluation: Evaluation


def evaluate_procurement(db: Database, actor: Actor, procurement_id: int,
                         lot: str | None = None) -> ProcurementResult:
    """The current result, for the lead and approvers once the price envelopes are open."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        if actor.id != row.lead_id and actor.role != "approver":
            raise PermissionDenied(N_("only the lead and approvers see the evaluation result"))
        access.may_open_envelopes(actor, row)
        return evaluate_in(session, row, lot)


def lots_of(row: ProcurementRow) -> list[str]:
    return [str(lot["id"]) for lot in row.lots] or [ALL_LOTS]


def evaluate_in(session: Session, row: ProcurementRow, lot: str | None = None) -> ProcurementResult:
    """Evaluate one lot (or the whole procurement) inside the caller's transaction."""
    lot = lot or lots_of(row)[0]
    procurement = procurements.to_domain(row)
    rubric, options = procurement.rubric, procurement.options
    bids = [b for b in repo.bids(session, row.id) if lot == ALL_LOTS or b.lot == lot]
    refs = {b.id: b.bid_ref for b in bids}
    wanted = set(refs.values())
    panel_rows = repo.panel(session, row.id)
    cleared = {m.user_id for m in panel_rows if m.coi == "none"}
    scores = [r for r in repo.panel_scores(session, row.id)
              if r.evaluator_id in cleared and r.bid_ref in wanted]
    panel = PanelScores(
        row.reference, [r.bid_ref for r in scores], [r.evaluator for r in scores],
        [r.criterion for r in scores], np.array([r.score for r in scores], dtype=np.float64),
        [r.rationale for r in scores])
    names = repo.usernames(session, cleared)
    scale = [c.id for c in rubric.scale_criteria]
    assigned: dict[str, set[str]] = {c: set() for c in scale}
    for m in panel_rows:
        if m.user_id in cleared:
            for criterion in m.criteria or scale:
                assigned[criterion].add(names[m.user_id])
    moderated = {(refs[c.bid_id], c.criterion): c.score for c in repo.consensus(session, row.id)
                 if c.bid_id in refs}
    card = score_bids(rubric, _bid_set(row, rubric, bids, repo.envelopes(session, row.id)), options,
                      panel=panel, moderated=moderated, assigned=assigned)
    return ProcurementResult(lot, card, card.evaluation())


def _bid_set(row: ProcurementRow, rubric: Rubric, bids: list[BidRow],
             envelopes: Mapping[int, PriceEnvelopeRow]) -> BidSet:
    gates = [c.id for c in rubric.gates]

    def column(name: str) -> np.ndarray:
        return np.array([_number(getattr(envelopes.get(b.id), name, None)) for b in bids])

    return BidSet(
        source=row.reference, bid_ids=[b.bid_ref for b in bids],
        suppliers=[b.supplier_name for b in bids], sme=np.array([b.sme for b in bids], dtype=bool),
        scores={}, gates={g: np.array([bool(b.gates.get(g)) for b in bids], dtype=bool)
                          for g in gates},
        cost=CostInputs(price=column("price"), **{n: column(n) for n in TCO_COLUMNS}))


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else float("nan")
