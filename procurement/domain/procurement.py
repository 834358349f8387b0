"""A procurement and its status machine: one table of the steps that move it, each with the
statuses it starts from, the status it leads to and the guard that must hold; one table of
what may be done to it in each status. Pure: the services gather the facts a guard looks at,
call :func:`advance`, and save and audit what it returns.

    draft → open → quality evaluation → price opening → moderation → award recommended
          → standstill → awarded;  a return goes back to moderation; any status but a final
          one → cancelled
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from procurement import jurisdictions
from procurement.domain.terms import ContractTerms
from procurement.errors import StateError
from procurement.i18n import N_, Term
from procurement.labels import STATUSES
from procurement.rubric.model import Rubric
from procurement.scoring.options import ScoringOptions
from procurement.vocabulary import Jurisdiction, Status

ALL_LOTS = "all"  # the one "lot" of a procurement without lots


@dataclass(frozen=True)
class Procurement:
    id: int
    reference: str
    title: str
    description: str
    buyer_name: str
    buyer_id: str
    lots: tuple[tuple[str, str], ...]  # (id, title)
    rubric: Rubric
    options: ScoringOptions
    terms: ContractTerms
    standstill_days: int
    status: Status
    lead_id: int
    created_at: datetime
    status_changed_at: datetime
    standstill_end: date | None = None
    cancel_reason: str | None = None
    version: int = 1
    jurisdiction: Jurisdiction = Jurisdiction.GENERIC
    region: str | None = None  # whose holidays, where the jurisdiction has several

    @property
    def lot_ids(self) -> list[str]:
        """The lots bids are evaluated in (one, ``all``, when the procurement has none)."""
        return [lot_id for lot_id, _ in self.lots] or [ALL_LOTS]

    def require(self, action: Action) -> None:
        """Refuse ``action`` unless the status allows it."""
        if self.status not in ALLOWED[action]:
            raise refused(self)


class Step(StrEnum):
    """What moves a procurement from one status to another."""

    OPEN_TENDER = "open_tender"
    START_QUALITY = "start_quality_evaluation"
    CLOSE_QUALITY = "close_quality_evaluation"
    OPEN_PRICES = "open_prices"
    RECOMMEND = "recommend"
    APPROVE = "approve"
    RETURN = "return"
    AWARD = "award"
    CANCEL = "cancel"


class Action(StrEnum):
    """What may be done to a procurement without moving it, in the statuses of ALLOWED."""

    CHANGE_METHODOLOGY = "change_methodology"
    CHANGE_PANEL = "change_panel"
    RECEIVE_BIDS = "receive_bids"
    DECLARE_INTERESTS = "declare_interests"
    SCORE = "score"
    RESOLVE_FLAG = "resolve_flag"
    MODERATE = "moderate"
    RELEASE_REASONS = "release_reasons"


ALLOWED: dict[Action, frozenset[Status]] = {
    Action.CHANGE_METHODOLOGY: frozenset({Status.DRAFT}),
    Action.CHANGE_PANEL: frozenset({Status.DRAFT, Status.OPEN}),
    Action.RECEIVE_BIDS: frozenset({Status.OPEN}),
    Action.DECLARE_INTERESTS: frozenset({Status.OPEN, Status.QUALITY_EVALUATION}),
    Action.SCORE: frozenset({Status.QUALITY_EVALUATION}),
    Action.RESOLVE_FLAG: frozenset({Status.PRICE_OPENING, Status.MODERATION}),
    Action.MODERATE: frozenset({Status.MODERATION}),
    # The reasons the letters to bidders give: from moderation until the award (the letters
    # go out with the award decision, before the standstill ends).
    Action.RELEASE_REASONS: frozenset({Status.PRICE_OPENING, Status.MODERATION,
                                       Status.AWARD_RECOMMENDED, Status.STANDSTILL}),
}


@dataclass(frozen=True)
class Facts:
    """What the guards look at, gathered by the service from the record."""

    evaluators: int = 0  # on the panel
    bids: int = 0
    undeclared: int = 0  # evaluators who have not declared their interests
    cleared: int = 0  # evaluators who declared no conflict
    unsubmitted: int = 0  # cleared evaluators whose scoresheet is not in
    incomplete_envelopes: tuple[str, ...] = ()  # bids whose price envelope lacks a figure
    not_ready: tuple[tuple[str, dict[str, object]], ...] = ()  # why no award can be recommended
    reason: str = ""  # of a return or a cancellation
    today: date | None = None


Guard = Callable[[Procurement, Facts], tuple[str, dict[str, object]] | None]


def _panel_assigned(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    if facts.evaluators:
        return None
    return N_("assign at least one evaluator before opening the tender"), {}


def _bids_received(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    return None if facts.bids else (N_("there are no bids to evaluate"), {})


def _panel_done(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    if facts.undeclared:
        return N_("{count} evaluator(s) have not declared their interests"), {
            "count": facts.undeclared}
    if not facts.cleared:
        return N_("no evaluator without a conflict of interest is left"), {}
    if facts.unsubmitted:
        return N_("{count} evaluator(s) have not submitted their scores"), {
            "count": facts.unsubmitted}
    return None


def _envelopes_complete(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    if not facts.incomplete_envelopes:
        return None
    return N_("bids {bids} have no complete price envelope"), {
        "bids": ", ".join(facts.incomplete_envelopes)}


def _ready(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    return facts.not_ready[0] if facts.not_ready else None


def _standstill_over(procurement: Procurement, facts: Facts
                     ) -> tuple[str, dict[str, object]] | None:
    end = procurement.standstill_end
    if end is not None and facts.today is not None and facts.today > end:
        return None
    rule = jurisdictions.get(procurement.jurisdiction).standstill_rule
    return N_("the standstill period runs until {date} ({rule}: {source}); the contract may be "
              "awarded from {next}"), {
        "date": end.isoformat() if end else "?", "rule": Term(rule.text),
        "source": Term(rule.source),
        "next": (end + timedelta(days=1)).isoformat() if end else "?"}


def _return_reason(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    return None if facts.reason.strip() else (N_("state why the recommendation goes back"), {})


def _cancel_reason(_: Procurement, facts: Facts) -> tuple[str, dict[str, object]] | None:
    return None if facts.reason.strip() else (N_("a cancellation needs a reason"), {})


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    guards: tuple[Guard, ...] = field(default=())


_NOT_FINAL = frozenset(s for s in Status if not s.final)
TRANSITIONS: dict[Step, Transition] = {
    Step.OPEN_TENDER: Transition(frozenset({Status.DRAFT}), Status.OPEN, (_panel_assigned,)),
    Step.START_QUALITY: Transition(frozenset({Status.OPEN}), Status.QUALITY_EVALUATION,
                                   (_bids_received,)),
    Step.CLOSE_QUALITY: Transition(frozenset({Status.QUALITY_EVALUATION}), Status.PRICE_OPENING,
                                   (_panel_done,)),
    Step.OPEN_PRICES: Transition(frozenset({Status.PRICE_OPENING}), Status.MODERATION,
                                 (_envelopes_complete,)),
    Step.RECOMMEND: Transition(frozenset({Status.MODERATION}), Status.AWARD_RECOMMENDED,
                               (_ready,)),
    Step.APPROVE: Transition(frozenset({Status.AWARD_RECOMMENDED}), Status.STANDSTILL),
    Step.RETURN: Transition(frozenset({Status.AWARD_RECOMMENDED}), Status.MODERATION,
                            (_return_reason,)),
    Step.AWARD: Transition(frozenset({Status.STANDSTILL}), Status.AWARDED, (_standstill_over,)),
    Step.CANCEL: Transition(_NOT_FINAL, Status.CANCELLED, (_cancel_reason,)),
}


def refused(procurement: Procurement) -> StateError:
    return StateError(N_("not possible while procurement {reference} is in status {status}"),
                      reference=procurement.reference,
                      status=Term(STATUSES[procurement.status]))


def allowed(procurement: Procurement, step: Step) -> bool:
    """Whether the status lets ``step`` be tried (its guard may still refuse it)."""
    return procurement.status in TRANSITIONS[step].sources


def standstill(procurement: Procurement, notice_day: date) -> jurisdictions.Timeline:
    """The periods that run after the award notice published on ``notice_day``."""
    return jurisdictions.get(procurement.jurisdiction).standstill(
        notice_day, region=procurement.region, days=procurement.standstill_days)


def advance(procurement: Procurement, step: Step, facts: Facts, now: datetime) -> Procurement:
    """The procurement after ``step``, or :class:`StateError` naming what stops it."""
    transition = TRANSITIONS[step]
    if procurement.status not in transition.sources:
        raise refused(procurement)
    for guard in transition.guards:
        problem = guard(procurement, facts)
        if problem is not None:
            msgid, params = problem
            raise StateError(msgid, **params)
    changes: dict[str, object] = {"status": transition.target, "status_changed_at": now,
                                  "version": procurement.version + 1}
    if step is Step.APPROVE:
        assert facts.today is not None
        # The award notice is published on the day of approval; the jurisdiction's law and
        # calendar say how long the contract then waits.
        changes["standstill_end"] = standstill(procurement, facts.today).standstill_end
    if step is Step.CANCEL:
        changes["cancel_reason"] = facts.reason.strip()
    return replace(procurement, **changes)  # type: ignore[arg-type]
