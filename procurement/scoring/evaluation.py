"""Turn a columnar :class:`Scorecard` into the :class:`Evaluation` result model."""

from __future__ import annotations

import math

from procurement.scoring.engine import Scorecard
from procurement.scoring.result import Evaluation, RankedBid, Tco


def to_evaluation(card: Scorecard) -> Evaluation:
    """Build the result model, bids in report order (ranked first, disqualified last)."""
    bids = card.bids
    scale_ids = [c.id for c in card.rubric.scale_criteria]
    # Columns → Python lists once, not per bid: this is the hot loop for large tables.
    matrix = card.matrix.tolist()
    raw = {c: card.raw[c].tolist() for c in scale_ids}
    totals = card.totals.tolist()
    ranks = card.ranks.tolist()
    qualified = card.qualified.tolist()
    sme = bids.sme.tolist()
    cost = card.cost.tolist() if card.cost is not None else None
    evaluated = card.evaluated_cost.tolist() if card.evaluated_cost is not None else None
    tco_rows = _tco_rows(card)
    ranking = []
    for i in card.order.tolist():
        # model_construct: every value here was validated on the way in or computed by us.
        ranking.append(RankedBid.model_construct(
            bid_id=bids.bid_ids[i], supplier=bids.suppliers[i], sme=sme[i],
            rank=ranks[i] if qualified[i] else None,
            total=totals[i] if qualified[i] and not math.isnan(totals[i]) else None,
            status="ranked" if qualified[i] else "disqualified",
            scores=dict(zip(card.criteria, matrix[i], strict=True)),
            raw_scores={c: raw[c][i] for c in scale_ids},
            cost=None if cost is None else cost[i],
            evaluated_cost=None if evaluated is None else evaluated[i],
            tco=None if tco_rows is None else tco_rows[i],
            flags=card.flags.get(i, []), reasons=card.reasons.get(i, []),
        ))
    return Evaluation(
        rubric=card.rubric.id, rubric_version=card.rubric.version, method=card.options.method,
        options=card.options, weights=dict(zip(card.criteria, card.weights.tolist(), strict=True)),
        ranking=ranking, sensitivity=card.sensitivity, panel=card.panel, warnings=card.warnings,
    )


def _tco_rows(card: Scorecard) -> list[Tco] | None:
    if card.tco is None:
        return None
    term = card.bids.cost.term_years
    assert term is not None
    parts = zip(card.tco.capex.tolist(), card.tco.opex_pv.tolist(), card.tco.exit_pv.tolist(),
                term.tolist(), strict=True)
    rate = card.options.discount_rate
    return [Tco.model_construct(capex=c, opex_pv=o, exit_pv=e, total=c + o + e,
                                term_years=int(t), discount_rate=rate)
            for c, o, e, t in parts]
