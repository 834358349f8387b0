"""The red flags of an evaluation, bid by bid, and the warnings about the whole result,
found by the rules of :mod:`procurement.scoring.flag_rules` (the engine attaches them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from procurement.i18n import N_
from procurement.scoring import flag_rules as red_flags
from procurement.scoring.result import Labelled, Note
from procurement.scoring.scorecard import Scorecard


@dataclass
class Flags:
    """What :func:`flag_bids` found: notes by bid position, and warnings."""

    flags: dict[int, list[Note]] = field(default_factory=dict)
    warnings: list[Note] = field(default_factory=list)

    def flag(self, bid: int, note: Note) -> None:
        self.flags.setdefault(bid, []).append(note)


def flag_bids(card: Scorecard) -> Flags:
    """Flag abnormally low and identical costs, ties, a single bid and panel disagreement."""
    found = Flags()
    _cost_flags(card, found)
    _tie_flags(card, found)
    _panel_flags(card, found)
    qualified = np.flatnonzero(card.qualified)
    if len(qualified) == 0:
        found.warnings.append(Note.make(
            "no_qualified_bid", N_("no bid qualifies: every bid failed a gate or a threshold")))
    elif len(qualified) == 1:
        note = Note.make("single_bid", N_("only one bid qualifies: check that the competition "
                                          "was effective before an award"))
        found.flag(int(qualified[0]), note)
        found.warnings.append(note)
    return found


def _money(value: float) -> str:
    return f"{value:,.2f}"


def _cost_flags(card: Scorecard, found: Flags) -> None:
    if card.cost is None:
        return
    options = card.options
    ids = card.bids.bid_ids
    qualified = np.flatnonzero(card.qualified)
    # Abnormally low is judged on what the bidder asks to be paid: the cost before any SME
    # deduction, among the bids still in the competition.
    cost = card.cost[qualified]
    low = red_flags.abnormally_low(cost, mean_ratio=options.low_mean_ratio,
                                   next_ratio=options.low_next_ratio)
    flagged = np.flatnonzero(low.below_mean | low.below_next)
    for position in flagged:
        i = int(qualified[position])
        if low.below_mean[position]:
            found.flag(i, Note.make(
                "abnormally_low",
                N_("cost {cost} is below {ratio} of the mean of the other bids ({mean}): "
                   "ask the supplier to explain it before any award"),
                cost=_money(cost[position]), ratio=f"{options.low_mean_ratio * 100:g} %",
                mean=_money(low.mean_of_others[position])))
        else:
            found.flag(i, Note.make(
                "abnormally_low",
                N_("cost {cost} is below {ratio} of the next lowest cost ({next}): "
                   "ask the supplier to explain it before any award"),
                cost=_money(cost[position]), ratio=f"{options.low_next_ratio * 100:g} %",
                next=_money(low.next_cost[position])))
    if len(flagged):
        found.warnings.append(Note.make(
            "abnormally_low", N_("{count} bid(s) have an abnormally low cost and need an "
                                 "explanation before any award"), count=len(flagged)))

    groups = red_flags.identical_groups(card.cost)
    for group in groups:
        for i in group:
            found.flag(int(i), Note.make(
                "identical_price", N_("the same cost ({cost}) as bid {others}"),
                cost=_money(card.cost[i]), others=", ".join(ids[j] for j in group if j != i)))
    if groups:
        found.warnings.append(Note.make(
            "identical_price", N_("{count} bids share identical costs: check for collusion "
                                  "(OCP red flag R028)"), count=sum(len(g) for g in groups)))


def _tie_flags(card: Scorecard, found: Flags) -> None:
    ids = card.bids.bid_ids
    qualified = np.flatnonzero(card.qualified)
    ranks = card.ranks[qualified]
    values, counts = np.unique(ranks, return_counts=True)
    for rank in values[counts > 1]:
        tied = [int(i) for i in qualified[ranks == rank]]
        for i in tied:
            others = ", ".join(ids[j] for j in tied if j != i)
            found.flag(i, Note.make("tie", N_("tied at rank {rank} with {others}"),
                                   rank=int(rank), others=others))
        found.warnings.append(Note.make(
            "tie", N_("bids {bids} are tied at rank {rank}: the published tie-break decides"),
            bids=", ".join(ids[i] for i in tied), rank=int(rank)))


def _panel_flags(card: Scorecard, out: Flags) -> None:
    """One note per bid and kind (not per cell): the panel cells carry each cell's detail."""
    if card.panel is None:
        return
    position = {bid: i for i, bid in enumerate(card.bids.bid_ids)}
    names = {c.id: c.name for c in card.rubric.criteria}
    by_bid: dict[int, dict[str, list[Any]]] = {}
    ids: dict[tuple[int, str], set[str]] = {}
    counts = {"review": 0, "disagreement": 0}
    for cell in card.panel:
        i = position[cell.bid_id]
        found = by_bid.setdefault(i, {})
        name = names[cell.criterion]
        kinds: list[str] = []
        if cell.level != "ok" and cell.consensus_source != "moderated":
            counts[cell.level] += 1
            found.setdefault(cell.level, []).append(name)
            kinds.append(cell.level)
        if cell.missing:
            found.setdefault("missing_score", []).append(Labelled(name, cell.missing))
            kinds.append("missing_score")
        if cell.empty_rationale:
            found.setdefault("empty_rationale", []).append(Labelled(name, cell.empty_rationale))
            kinds.append("empty_rationale")
        for kind in kinds:
            ids.setdefault((i, kind), set()).add(cell.criterion)
    options = card.options

    def single(i: int, kind: str) -> str | None:
        # A note about one criterion names it, so that a page can link to the cell.
        concerned = ids.get((i, kind), set())
        return next(iter(concerned)) if len(concerned) == 1 else None

    for i, found in sorted(by_bid.items()):
        if "disagreement" in found:
            out.flag(i, Note.make("disagreement", criterion=single(i, "disagreement"), msgid=N_(
                "evaluators disagree on {names}: their scores span more than {share} of the scale"),
                names=found["disagreement"], share=f"{options.spread_disagreement * 100:g} %"))
        if "review" in found:
            out.flag(i, Note.make("review", criterion=single(i, "review"), msgid=N_(
                "evaluators' scores on {names} span more than {share} of the scale: review them"),
                names=found["review"], share=f"{options.spread_review * 100:g} %"))
        if "missing_score" in found:
            out.flag(i, Note.make("missing_score", criterion=single(i, "missing_score"),
                                   msgid=N_("scores are missing: {cells}"),
                                   cells=found["missing_score"]))
        if "empty_rationale" in found:
            out.flag(i, Note.make("empty_rationale", criterion=single(i, "empty_rationale"),
                                   msgid=N_("scores without a rationale: {cells}"),
                                   cells=found["empty_rationale"]))
    if counts["disagreement"] or counts["review"]:
        out.warnings.append(Note.make(
            "panel_spread", N_("the panel disagrees on {disagreement} score(s) and {review} more "
                               "need review: moderate them before the result is final"),
            disagreement=counts["disagreement"], review=counts["review"]))
