"""The result of an evaluation: one model that the CLI prints, the UI charts, the documents
fill and the audit log freezes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from procurement import formats
from procurement.i18n import LANGS, N_, Lang, tr
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
        return formats.series((str(_param(v, lang)) for v in value), lang)
    return value


class Note(ResultModel):
    """A flag, a disqualification reason or a warning, with its message in both languages."""

    code: str = Field(description=N_("what kind of note (see the methodology)"))
    criterion: str | None = Field(None, description=N_("the criterion it concerns, if one"))
    message: Text = Field(description=N_("the explanation, in English and Chinese"))

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

    capex: float = Field(description=N_("capital cost, paid at the start"))
    opex_pv: float = Field(description=N_("operating cost over the term, present value"))
    exit_pv: float = Field(description=N_("exit cost at the end of the term, present value"))
    total: float = Field(description=N_("capital + operating + exit, present values"))
    term_years: int = Field(description=N_("the term, in years"))
    discount_rate: float = Field(description=N_("the yearly discount rate used"))


class RankedBid(ResultModel):
    """One bid's place in the ranking."""

    bid_id: str = Field(description=N_("the bid, as the bids table names it"))
    supplier: str = Field(description=N_("the supplier's name"))
    sme: bool = Field(description=N_("whether the supplier is an SME"))
    rank: int | None = Field(description=N_("competition rank (1, 2, 2, 4…); none when "
                                            "disqualified"))
    total: float | None = Field(description=N_("points out of 100; none when disqualified"))
    status: BidStatus = Field(description=N_("ranked or disqualified"))
    scores: dict[str, float] = Field(description=N_("criterion → normalised score, 0 to 1"))
    raw_scores: dict[str, float] = Field(description=N_("scale criterion → score on its scale"))
    cost: float | None = Field(None, description=N_("the price, or the TCO, before any SME "
                                                    "deduction"))
    evaluated_cost: float | None = Field(None, description=N_("the cost the price formula "
                                                              "scores, after the SME deduction"))
    tco: Tco | None = Field(None, description=N_("the total cost of ownership, when the cost "
                                                 "is on that basis"))
    flags: list[Note] = Field([], description=N_("red flags on this bid"))
    reasons: list[Note] = Field([], description=N_("why it was disqualified"))


class PercentileRanks(ResultModel):
    p5: float = Field(description=N_("rank in the best 5 % of weight draws"))
    p50: float = Field(description=N_("median rank over the weight draws"))
    p95: float = Field(description=N_("rank in the worst 5 % of weight draws"))


class TippingPoint(ResultModel):
    """The weight at which another bid would overtake the winner, all else rescaled."""

    criterion: str = Field(description=N_("the criterion whose weight moves"))
    weight: float = Field(description=N_("its published weight (share of 1)"))
    tipping_weight: float | None = Field(description=N_("the weight at which the winner "
                                                        "changes; none if no weight does"))
    new_winner: str | None = Field(description=N_("the bid that would then win"))


class RankReversal(ResultModel):
    """Removing a losing bid changed the order of the others."""

    removed: str = Field(description=N_("the losing bid taken out"))
    order_before: list[str] = Field(description=N_("the others' order with it"))
    order_after: list[str] = Field(description=N_("their order without it"))


class Sensitivity(ResultModel):
    """How robust the ranking is to other plausible weights."""

    samples: int = Field(description=N_("weight draws (Dirichlet, centred on the published "
                                        "weights)"))
    seed: int = Field(description=N_("random seed of the draws"))
    concentration: float = Field(description=N_("how tightly the draws stay near the weights"))
    win_probability: dict[str, float] = Field(description=N_("bid → share of draws it wins"))
    percentile_ranks: dict[str, PercentileRanks] = Field(description=N_("bid → its rank "
                                                                         "percentiles"))
    tipping_points: list[TippingPoint] = Field(description=N_("per criterion, the weight that "
                                                              "changes the winner"))
    rank_reversals: list[RankReversal] = Field(description=N_("losing bids whose removal "
                                                              "reorders the others"))


class PanelCell(ResultModel):
    """The panel's scores for one bid and criterion, and how far the evaluators disagree."""

    bid_id: str = Field(description=N_("the bid"))
    criterion: str = Field(description=N_("the scale criterion"))
    scores: dict[str, float | None] = Field(description=N_("evaluator → score (none: not "
                                                           "scored)"))
    consensus: float = Field(description=N_("the panel's score used in the result"))
    consensus_source: Literal["median", "mean", "moderated"] = Field(
        description=N_("median, mean or moderated"))
    spread: float = Field(description=N_("highest minus lowest score, as a share of the scale"))
    level: SpreadLevel = Field(description=N_("ok, review or disagreement"))
    missing: list[str] = Field([], description=N_("assigned evaluators who did not score"))
    empty_rationale: list[str] = Field([], description=N_("evaluators who gave no rationale"))


class Evaluation(ResultModel):
    """Everything needed to read, chart, defend or re-run one evaluation."""

    rubric: str = Field(description=N_("the rubric's id"))
    rubric_version: str = Field(description=N_("the rubric's version"))
    method: Method = Field(description=N_("wsm, topsis or vikor"))
    options: ScoringOptions = Field(description=N_("every setting the evaluation used"))
    weights: dict[str, float] = Field(description=N_("criterion → weight, the weights summing "
                                                     "to 1"))
    ranking: list[RankedBid] = Field(description=N_("every bid in rank order, the disqualified "
                                                    "last"))
    sensitivity: Sensitivity | None = Field(None, description=N_("how robust the ranking is "
                                                                 "(none when switched off)"))
    panel: list[PanelCell] | None = Field(None, description=N_("per bid and criterion, every "
                                                               "evaluator's score and the "
                                                               "spread (with a panel)"))
    warnings: list[Note] = Field([], description=N_("warnings about the whole result"))

    @property
    def winner(self) -> RankedBid | None:
        first = self.ranking[0] if self.ranking else None
        return first if first is not None and first.rank == 1 else None
