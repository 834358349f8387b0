"""The codes of the toolkit, each vocabulary defined once.

Rubrics, scoring options, the database, the command line's choices, the pages and the
documents all use these: a code spelled anywhere else is a bug. Each is a ``StrEnum``, so a
value compares equal to its code and is stored, printed and serialised as it. Every code has
a name for people in both languages in :mod:`procurement.labels` (a test checks).
"""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """How the weighted scores make a ranking."""

    WSM = "wsm"
    TOPSIS = "topsis"
    VIKOR = "vikor"


class PriceFormula(StrEnum):
    """How an evaluated cost becomes a score."""

    LOWEST_RATIO = "lowest_ratio"
    LINEAR = "linear"
    BENCHMARK = "benchmark"


class Aggregation(StrEnum):
    """How the panel's scores for one cell combine when it is not moderated."""

    MEDIAN = "median"
    MEAN = "mean"


class CriterionKind(StrEnum):
    SCALE = "scale"
    COST = "cost"
    GATE = "gate"


class CostBasis(StrEnum):
    PRICE = "price"
    TCO = "tco"


class RubricProfile(StrEnum):
    """The legal profile a rubric declares, whose rules its weights must keep."""

    CN_GOODS = "cn-goods"
    CN_SERVICES = "cn-services"
    UK_MAT = "uk-mat"


class Jurisdiction(StrEnum):
    """Whose law a procurement follows (procurement.jurisdictions has one module each)."""

    CN = "cn"
    UK = "uk"
    EU = "eu"
    GENERIC = "generic"


class NoticeProfile(StrEnum):
    """What a published pipeline notice follows: plain OCDS, the UK1 pipeline notice, or
    China's 政府采购意向公开."""

    OCDS = "ocds"
    UK1 = "uk1"
    CN = "cn"


class Status(StrEnum):
    """Where a procurement is (procurement.domain.procurement has the transitions)."""

    DRAFT = "draft"
    OPEN = "open"
    QUALITY_EVALUATION = "quality_evaluation"
    PRICE_OPENING = "price_opening"
    MODERATION = "moderation"
    AWARD_RECOMMENDED = "award_recommended"
    STANDSTILL = "standstill"
    AWARDED = "awarded"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        return self in (Status.AWARDED, Status.CANCELLED)

    @property
    def prices_open(self) -> bool:
        """Price envelopes stay sealed until quality scoring is closed (two envelopes)."""
        return self in _PRICES_OPEN

    @property
    def scoring_over(self) -> bool:
        return self in _PRICES_OPEN

    @property
    def evaluating_or_after(self) -> bool:
        return self is Status.QUALITY_EVALUATION or self in _PRICES_OPEN


_PRICES_OPEN = frozenset({Status.PRICE_OPENING, Status.MODERATION, Status.AWARD_RECOMMENDED,
                          Status.STANDSTILL, Status.AWARDED})


class Role(StrEnum):
    LEAD = "lead"
    EVALUATOR = "evaluator"
    APPROVER = "approver"
    OBSERVER = "observer"
    CONTRACT_MANAGER = "contract_manager"  # records a contract's KPI measurements


class Coi(StrEnum):
    """An evaluator's conflict-of-interest declaration."""

    PENDING = "pending"
    NONE = "none"
    CONFLICT = "conflict"


class Outcome(StrEnum):
    """What became of an award recommendation."""

    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"


class BidStatus(StrEnum):
    RANKED = "ranked"
    DISQUALIFIED = "disqualified"


class SpreadLevel(StrEnum):
    """How far the evaluators' scores for one cell spread."""

    OK = "ok"
    REVIEW = "review"
    DISAGREEMENT = "disagreement"


class IntegrityCode(StrEnum):
    """The integrity red flags screened before the approver signs, in the order the
    screening reports them: the Open Contracting Partnership's Cardinal indicators (R…) and
    the bid-rigging screens (BR-…)."""

    R018 = "R018"
    R024 = "R024"
    R028 = "R028"
    R036 = "R036"
    R058 = "R058"
    BR_PROGRESSION = "BR-PROGRESSION"
    BR_RATIO = "BR-RATIO"
    BR_COVER = "BR-COVER"
    BR_FIGURES = "BR-FIGURES"


class FlagCode(StrEnum):
    """Flags on a bid, reasons for disqualifying it, and warnings about a whole result."""

    ABNORMALLY_LOW = "abnormally_low"
    IDENTICAL_PRICE = "identical_price"
    TIE = "tie"
    SINGLE_BID = "single_bid"
    REVIEW = "review"
    DISAGREEMENT = "disagreement"
    MISSING_SCORE = "missing_score"
    EMPTY_RATIONALE = "empty_rationale"
    GATE_FAILED = "gate_failed"
    BELOW_THRESHOLD = "below_threshold"
    PANEL_SPREAD = "panel_spread"
    RANK_REVERSAL = "rank_reversal"
    FRAGILE_WINNER = "fragile_winner"
    NO_QUALIFIED_BID = "no_qualified_bid"
    SAMPLING_WSM_ONLY = "sampling_wsm_only"
    REVERSAL_CHECK_SKIPPED = "reversal_check_skipped"

    @property
    def needs_resolution(self) -> bool:
        """A flag the lead records a resolution for before recommending an award."""
        return self in (FlagCode.ABNORMALLY_LOW, FlagCode.IDENTICAL_PRICE, FlagCode.TIE,
                        FlagCode.SINGLE_BID)


class DocumentKind(StrEnum):
    CLAUSE_PACK = "clause-pack"
    CONTRACT = "contract"
    EVALUATION_REPORT = "evaluation-report"
    ASSESSMENT_SUMMARY = "assessment-summary"
    PERFORMANCE_NOTICE = "performance-notice"
    ACCEPTANCE = "acceptance"


class Reporting(StrEnum):
    """How often a supplier reports its KPIs."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Rating(StrEnum):
    """A KPI's rating for a period, as a contract performance notice gives it (Procurement
    Regulations 2024 reg. 39; Procurement Act 2023 s.52)."""

    GOOD = "good"
    APPROACHING_TARGET = "approaching_target"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"


class Direction(StrEnum):
    """Which way a KPI improves."""

    HIGHER = "higher"
    LOWER = "lower"


class Milestone(StrEnum):
    """A contract's dates (OCDS milestone types: delivery, reporting, assessment; the
    codelist's ``type`` is given per milestone in :mod:`procurement.contracts.milestones`)."""

    START = "start"
    EXIT_PLAN_DUE = "exit_plan_due"
    BREAK = "break"
    ANNUAL_REVIEW = "annual_review"
    END = "end"


class ContractKind(StrEnum):
    """What a contract buys: the limits on modifying it differ (Directive 2014/24/EU
    art. 72(2); Procurement Act 2023 Sch. 8 para. 8)."""

    GOODS = "goods"
    SERVICES = "services"
    WORKS = "works"


def codes(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The codes of a vocabulary in order (for ``click.Choice`` and select boxes)."""
    return tuple(member.value for member in vocabulary)
