"""One evaluation in columns (the engine's output), and the result model made from it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from procurement.rubric.model import Rubric
from procurement.scoring.inputs import BidSet
from procurement.scoring.options import ScoringOptions
from procurement.scoring.result import Evaluation, Note, PanelCell, RankedBid, Sensitivity, Tco
from procurement.scoring.tco import TcoParts
from procurement.vocabulary import BidStatus

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Scorecard:
    """One evaluation in columns: entry i of every array is bid i of the bids."""

    rubric: Rubric
    options: ScoringOptions
    bids: BidSet
    criteria: list[str]  # the weighted criteria: columns of ``matrix`` and ``weights``
    weights: FloatArray
    raw: dict[str, FloatArray]
    matrix: FloatArray
    cost: FloatArray | None
    evaluated_cost: FloatArray | None
    tco: TcoParts | None
    qualified: NDArray[np.bool_]
    totals: FloatArray  # NaN for disqualified bids
    ranks: NDArray[np.int64]  # 0 for disqualified bids
    flags: dict[int, list[Note]] = field(default_factory=dict)
    reasons: dict[int, list[Note]] = field(default_factory=dict)
    warnings: list[Note] = field(default_factory=list)
    panel: list[PanelCell] | None = None
    sensitivity: Sensitivity | None = None

    @cached_property  # a frozen dataclass: computed once, kept in the instance's __dict__
    def order(self) -> NDArray[np.int64]:
        """Bid positions in report order: by rank, then the disqualified in file order."""
        ranked = np.flatnonzero(self.qualified)
        ranked = ranked[np.argsort(self.ranks[ranked], kind="stable")]
        return np.concatenate([ranked, np.flatnonzero(~self.qualified)]).astype(np.int64)

    def evaluation(self, *, ranking: bool = True) -> Evaluation:
        """The result model, bids in report order (ranked first, disqualified last); with
        ``ranking=False`` everything but the ranking (see :mod:`.result_json`)."""
        if not ranking:
            return self._evaluation([])
        bids = self.bids
        scale_ids = [c.id for c in self.rubric.scale_criteria]
        # Columns → Python lists once, not per bid: this is the hot loop for large tables.
        matrix = self.matrix.tolist()
        raw = {c: self.raw[c].tolist() for c in scale_ids}
        totals = self.totals.tolist()
        ranks = self.ranks.tolist()
        qualified = self.qualified.tolist()
        sme = bids.sme.tolist()
        cost = self.cost.tolist() if self.cost is not None else None
        evaluated = self.evaluated_cost.tolist() if self.evaluated_cost is not None else None
        tco_rows = self._tco_rows()
        ranked: list[RankedBid] = []
        for i in self.order.tolist():
            # model_construct: every value here was validated on the way in or computed by us.
            ranked.append(RankedBid.model_construct(
                bid_id=bids.bid_ids[i], supplier=bids.suppliers[i], sme=sme[i],
                rank=ranks[i] if qualified[i] else None,
                total=totals[i] if qualified[i] and not math.isnan(totals[i]) else None,
                status=BidStatus.RANKED if qualified[i] else BidStatus.DISQUALIFIED,
                scores=dict(zip(self.criteria, matrix[i], strict=True)),
                raw_scores={c: raw[c][i] for c in scale_ids},
                cost=None if cost is None else cost[i],
                evaluated_cost=None if evaluated is None else evaluated[i],
                tco=None if tco_rows is None else tco_rows[i],
                flags=self.flags.get(i, []), reasons=self.reasons.get(i, []),
            ))
        return self._evaluation(ranked)

    def _evaluation(self, ranking: list[RankedBid]) -> Evaluation:
        return Evaluation(
            rubric=self.rubric.id, rubric_version=self.rubric.version, method=self.options.method,
            options=self.options,
            weights=dict(zip(self.criteria, self.weights.tolist(), strict=True)), ranking=ranking,
            sensitivity=self.sensitivity, panel=self.panel, warnings=self.warnings,
        )

    def _tco_rows(self) -> list[Tco] | None:
        if self.tco is None:
            return None
        term = self.bids.cost.term_years
        assert term is not None
        parts = zip(self.tco.capex.tolist(), self.tco.opex_pv.tolist(),
                    self.tco.exit_pv.tolist(), term.tolist(), strict=True)
        rate = self.options.discount_rate
        return [Tco.model_construct(capex=c, opex_pv=o, exit_pv=e, total=c + o + e,
                                    term_years=int(t), discount_rate=rate)
                for c, o, e, t in parts]
