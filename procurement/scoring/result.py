"""The result of an evaluation: one model that the CLI prints, the UI charts, the documents
fill and the audit log freezes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from procurement.i18n import LANGS, Lang, tr
from procurement.rubric.model import Text
from procurement.scoring.options import ScoringOptions
from procurement.vocabulary import BidStatus, Method, SpreadLevel


class ResultModel(BaseModel):
    # Built on first validation, not at import: the CLI's fast paths never validate these.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(frozen=True)
class Labelled:
    """A criterion name with the evaluators it concerns, for a message parameter."""

    name: Text
    who: list[str]

    def get(self, lang: Lang) -> str:
        return f"{self.name.get(lang)} ({', '.join(self.who)})"


def _param(value: Any, lang: Lang) -> Any:
    """A message parameter in ``lang``: bilingual texts picked, lists joined."""
    if isinstance(value, Text | Labelled):
        return value.get(lang)
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(str(_param(v, lang)) for v in value)
    return value


class Note(ResultModel):
    """A flag, a disqualification reason or a warning, with its message in both languages."""

    code: str
    criterion: str | None = None
    message: Text

    @classmethod
    def make(cls, code: str, msgid: str, criterion: str | None = None, **params: Any) -> Note:
        texts = {lang: tr(msgid, lang, **{k: _param(v, lang) for k, v in params.items()})
                 for lang in LANGS}
        # model_construct: a few hundred thousand notes for a big table; inputs are ours.
        return cls.model_construct(code=code, criterion=criterion,
                                   message=Text.model_construct(en=texts["en"], zh=texts["zh"]))

    def text(self, lang: Lang) -> str:
        return self.message.get(lang)


class Tco(ResultModel):
    """A bid's total cost of ownership and its discounted parts."""

    capex: float
    opex_pv: float
    exit_pv: float
    total: float
    term_years: int
    discount_rate: float


class RankedBid(ResultModel):
    bid_id: str
    supplier: str
    sme: bool
    rank: int | None
    total: float | None
    status: BidStatus
    scores: dict[str, float]
    raw_scores: dict[str, float]
    cost: float | None = None
    evaluated_cost: float | None = None
    tco: Tco | None = None
    flags: list[Note] = []
    reasons: list[Note] = []


class PercentileRanks(ResultModel):
    p5: float
    p50: float
    p95: float


class TippingPoint(ResultModel):
    """The weight at which another bid would overtake the winner, all else rescaled."""

    criterion: str
    weight: float
    tipping_weight: float | None
    new_winner: str | None


class RankReversal(ResultModel):
    """Removing a losing bid changed the order of the others."""

    removed: str
    order_before: list[str]
    order_after: list[str]


class Sensitivity(ResultModel):
    samples: int
    seed: int
    concentration: float
    win_probability: dict[str, float]
    percentile_ranks: dict[str, PercentileRanks]
    tipping_points: list[TippingPoint]
    rank_reversals: list[RankReversal]


class PanelCell(ResultModel):
    """The panel's scores for one bid and criterion, and how far the evaluators disagree."""

    bid_id: str
    criterion: str
    scores: dict[str, float | None]
    consensus: float
    consensus_source: Literal["median", "mean", "moderated"]
    spread: float
    level: SpreadLevel
    missing: list[str] = []
    empty_rationale: list[str] = []


class Evaluation(ResultModel):
    """Everything needed to read, chart, defend or re-run one evaluation."""

    rubric: str
    rubric_version: str
    method: Method
    options: ScoringOptions
    weights: dict[str, float]
    ranking: list[RankedBid]
    sensitivity: Sensitivity | None = None
    panel: list[PanelCell] | None = None
    warnings: list[Note] = []

    @property
    def winner(self) -> RankedBid | None:
        first = self.ranking[0] if self.ranking else None
        return first if first is not None and first.rank == 1 else None
