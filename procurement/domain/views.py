"""What the services return: plain, frozen records that pages and commands can show."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from procurement.domain.terms import ContractTerms
from procurement.rubric.model import Rubric
from procurement.scoring.options import ScoringOptions
from procurement.vocabulary import Coi, Jurisdiction, Outcome, Role, Status


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class UserView(View):
    username: str
    display_name: str
    role: Role
    email: str | None


class ProcurementSummary(View):
    id: int
    reference: str
    title: str
    buyer_name: str
    status: Status
    bid_count: int
    lead: str
    lead_name: str = ""
    created_at: datetime


class PanelMemberView(View):
    username: str
    display_name: str
    criteria: list[str]
    coi: Coi
    coi_reason: str | None  # shown to the lead and the evaluator only
    declared_at: datetime | None
    submitted_at: datetime | None
    scored: int
    to_score: int


class ProcurementDetail(View):
    id: int
    reference: str
    title: str
    description: str
    buyer_name: str
    buyer_id: str
    lots: list[dict[str, Any]]
    status: Status
    lead: str
    lead_name: str = ""
    rubric: Rubric
    options: ScoringOptions
    standstill_days: int
    contract_terms: ContractTerms = ContractTerms()
    standstill_end: date | None
    jurisdiction: Jurisdiction = Field(Jurisdiction.GENERIC, description=(
        "Whose law the procurement follows: its standstill, identifier schemes and legal "
        "references (cn, uk, eu, generic)"))
    calendar_region: str | None = Field(None, description=(
        "Whose holidays the working days skip, where the jurisdiction has several "
        "(uk: england-wales, scotland, northern-ireland, all-uk; eu: a member state)"))
    cancel_reason: str | None
    created_at: datetime
    panel: list[PanelMemberView]
    bid_count: int
    version: int


class BidView(View):
    bid_ref: str
    supplier_name: str
    supplier_identifier: str
    sme: bool
    lot: str | None
    gates: dict[str, bool]
    answers: dict[str, str]
    commitments: dict[str, Any] = {}


class EnvelopeView(View):
    bid_ref: str
    price: float | None
    capex: float | None
    opex_per_year: float | None
    term_years: float | None
    exit_cost: float | None


class ScoreView(View):
    bid_ref: str
    criterion: str
    evaluator: str  # user name
    evaluator_name: str = ""
    score: float
    rationale: str
    version: int
    updated_at: datetime


class ConsensusView(View):
    bid_ref: str
    criterion: str
    score: float
    reason: str
    set_by: str
    set_at: datetime
    version: int


class ReleasedReasonView(View):
    """A reason released for the letter to a bidder, per language (None: not written)."""

    bid_ref: str
    criterion: str
    en: str | None
    zh: str | None
    released_by: str
    released_at: datetime
    version: int


class ResolutionView(View):
    bid_ref: str
    code: str
    resolution: str
    decided_by: str  # user name
    decided_at: datetime
    version: int = 1
    decided_by_name: str = ""


class DecisionView(View):
    recommended_by: str  # a user name; *_name fields are the people's names
    recommended_by_name: str
    recommended_at: datetime
    winners: dict[str, str]
    approved_by: str | None
    approved_by_name: str | None = None
    approved_at: datetime | None
    outcome: Outcome
    note: str | None  # the lead's reasons for the recommendation
    returned_by: str | None = None
    returned_by_name: str | None = None
    returned_at: datetime | None = None
    return_reason: str | None = None
    evaluation: dict[str, Any]


class AuditEntryView(View):
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    before: str | None
    after: str | None
    withheld: bool  # the reader may not see the content of the record this entry is about
    hash: str


class Task(View):
    procurement_id: int
    reference: str
    title: str
    kind: str  # a key of labels.TASKS: declare_interests, score, moderate, approve, award,
    # record_measurements, exit_plan_overdue, …


class DecisionEntry(View):
    """A recommendation in a procurement's decision history (without its frozen evaluation,
    which ``procure result`` and the evaluation report show)."""

    recommended_by: str
    recommended_by_name: str
    recommended_at: datetime
    winners: dict[str, str]
    note: str | None
    outcome: Outcome
    approved_by: str | None = None
    approved_at: datetime | None = None
    returned_by: str | None = None
    returned_at: datetime | None = None
    return_reason: str | None = None


class ProcurementRecord(ProcurementDetail):
    """What ``procure show --json`` prints: the procurement, and every decision in order."""

    decisions: list[DecisionEntry] = []


class KpiView(View):
    """A contract KPI: its terms now, the bid's commitment it started from, and its version
    (a refinement is made only by a caller who read it)."""

    number: int
    terms: dict[str, Any]  # contracts.kpis.ContractKpi as JSON
    committed: dict[str, Any]
    version: int


class MeasurementView(View):
    kpi: int  # the KPI's number
    period: date
    value: float
    evidence: str
    rating: str  # vocabulary.Rating
    credit_percent: float
    recorded_by: str


class ModificationView(View):
    value_change: float
    rationale: str
    decided_on: date
    findings: list[dict[str, Any]]
    recorded_by: str


class MilestoneView(View):
    kind: str  # vocabulary.Milestone
    due: date
    met: date | None
    number: int  # the annual review's year, 0 for the others


class PaymentView(View):
    id: int
    paid_on: date
    amount: float
    description: str
    recorded_by: str


class BenefitMeasurementView(View):
    measured_on: date
    value: float
    evidence: str
    planned: float  # what the plan expected that day
    realised: float  # the share of the planned change reached, 0 at baseline, 1 at target
    recorded_by: str


class BenefitView(View):
    number: int
    terms: dict[str, Any]  # contracts.benefits.Benefit as JSON
    measurements: list[BenefitMeasurementView]
    version: int


class ContractView(View):
    id: int
    procurement_id: int
    reference: str
    lot: str
    bid_ref: str
    supplier: str
    kind: str
    currency: str | None
    value: float
    period_charge: float
    credit_cap_percent: float
    exit_cost: float | None
    start_date: date
    end_date: date
    exit_plan_due: date
    exit_plan_received: date | None
    data_return_tested: date | None
    data_return_result: str | None
    exit_cost_estimate: float | None = None  # what leaving costs by the latest exit plan
    kpis: list[KpiView]
    modifications: list[ModificationView]
    milestones: list[MilestoneView] = []
    payments: list[PaymentView] = []
    version: int
