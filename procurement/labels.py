"""Human names of the toolkit's codes (procurement.vocabulary), for pages, documents
and the command line, in both languages through the catalog. Every code of every vocabulary
has one (tests/unit/test_vocabulary.py)."""

from procurement.i18n import N_
from procurement.vocabulary import (
    Aggregation,
    BidStatus,
    Coi,
    ContractKind,
    CostBasis,
    CriterionKind,
    Direction,
    DocumentKind,
    FlagCode,
    IntegrityCode,
    Jurisdiction,
    Method,
    Milestone,
    NoticeProfile,
    Outcome,
    PriceFormula,
    Rating,
    Reporting,
    Role,
    RubricProfile,
    SpreadLevel,
    Status,
)

FLAGS = {
    "abnormally_low": N_("Abnormally low cost"),
    "identical_price": N_("Identical price"),
    "tie": N_("Tie"),
    "single_bid": N_("Single qualified bid"),
    "review": N_("Scores need review"),
    "disagreement": N_("Evaluators disagree"),
    "missing_score": N_("Missing scores"),
    "empty_rationale": N_("Scores without rationale"),
    "gate_failed": N_("Failed a pass/fail criterion"),
    "below_threshold": N_("Below a minimum score"),
    # warnings about the whole result
    "panel_spread": N_("Panel disagreement"),
    "rank_reversal": N_("Rank reversal"),
    "fragile_winner": N_("Fragile winner"),
    "no_qualified_bid": N_("No qualified bid"),
    "sampling_wsm_only": N_("Sensitivity limited"),
    "reversal_check_skipped": N_("Rank reversal not checked"),
}
# Material icons beside each flag, so that a flag never relies on colour alone.
FLAG_ICONS = {
    "abnormally_low": ":material/trending_down:",
    "identical_price": ":material/content_copy:",
    "tie": ":material/drag_handle:",
    "single_bid": ":material/looks_one:",
    "review": ":material/rate_review:",
    "disagreement": ":material/warning:",
    "missing_score": ":material/help:",
    "empty_rationale": ":material/notes:",
    "gate_failed": ":material/block:",
    "below_threshold": ":material/vertical_align_bottom:",
    "panel_spread": ":material/groups:",
    "rank_reversal": ":material/swap_vert:",
    "fragile_winner": ":material/balance:",
    "no_qualified_bid": ":material/block:",
    "sampling_wsm_only": ":material/info:",
    "reversal_check_skipped": ":material/info:",
}
METHODS = {
    "wsm": N_("Weighted sum (WSM)"),
    "topsis": N_("TOPSIS (closeness to the ideal bid)"),
    "vikor": N_("VIKOR (compromise ranking)"),
}
PRICE_FORMULAS = {
    "lowest_ratio": N_("Lowest cost ÷ this cost (低价优先法)"),
    "linear": N_("Linear between the lowest and highest cost"),
    "benchmark": N_("Published benchmark ÷ this cost"),
}
KINDS = {CriterionKind.SCALE: N_("scored"), CriterionKind.COST: N_("cost"),
         CriterionKind.GATE: N_("pass/fail")}
TASKS = {
    "open_tender": N_("Prepare and open the tender"),
    "receive_bids": N_("Receive the bids"),
    "close_quality": N_("Close quality evaluation"),
    "open_prices": N_("Open the price envelopes and moderate"),
    "moderate": N_("Moderate and recommend the award"),
    "approve": N_("Approve the recommended award"),
    "award": N_("Award the contract"),
    "declare_interests": N_("Declare your conflicts of interest"),
    "score": N_("Score the bids"),
    "record_measurements": N_("Record last month's KPI measurements"),
    "review_due": N_("Hold the contract's annual review"),
    "exit_cost_above_bid": N_("Ask for a revised exit plan: leaving costs more than the bid's "
                              "exit cost"),
    "exit_plan_overdue": N_("Chase the overdue exit plan"),
}
COI = {Coi.PENDING: N_("not declared yet"), Coi.NONE: N_("no conflict"),
       Coi.CONFLICT: N_("conflict declared")}
LEVELS = {SpreadLevel.OK: N_("agreed"), SpreadLevel.REVIEW: N_("review"),
          SpreadLevel.DISAGREEMENT: N_("disagreement")}
STATUSES = {
    Status.DRAFT: N_("draft"),
    Status.OPEN: N_("open for bids"),
    Status.QUALITY_EVALUATION: N_("quality evaluation"),
    Status.PRICE_OPENING: N_("price opening"),
    Status.MODERATION: N_("moderation"),
    Status.AWARD_RECOMMENDED: N_("award recommended"),
    Status.STANDSTILL: N_("standstill"),
    Status.AWARDED: N_("awarded"),
    Status.CANCELLED: N_("cancelled"),
}
ROLES = {Role.LEAD: N_("procurement lead"), Role.EVALUATOR: N_("evaluator"),
         Role.APPROVER: N_("approver"), Role.OBSERVER: N_("observer"),
         Role.CONTRACT_MANAGER: N_("contract manager")}
AGGREGATIONS = {Aggregation.MEDIAN: N_("median of the evaluators' scores"),
                Aggregation.MEAN: N_("mean of the evaluators' scores")}
COST_BASES = {CostBasis.PRICE: N_("price"), CostBasis.TCO: N_("total cost of ownership")}
RUBRIC_PROFILES = {RubricProfile.CN_GOODS: N_("China, goods (综合评分法)"),
                   RubricProfile.CN_SERVICES: N_("China, services (综合评分法)"),
                   RubricProfile.UK_MAT: N_("UK, most advantageous tender")}
JURISDICTIONS = {Jurisdiction.CN: N_("China (Government Procurement Law)"),
                 Jurisdiction.UK: N_("United Kingdom (Procurement Act 2023)"),
                 Jurisdiction.EU: N_("European Union (Directive 2014/24/EU)"),
                 Jurisdiction.GENERIC: N_("No particular jurisdiction")}
NOTICE_PROFILES = {NoticeProfile.OCDS: N_("OCDS 1.1.5"),
                   NoticeProfile.UK1: N_("UK1 pipeline notice (Procurement Act 2023 s.93)"),
                   NoticeProfile.CN: N_("China: procurement intentions (采购意向公开)")}
OUTCOMES = {Outcome.PENDING: N_("awaiting approval"), Outcome.APPROVED: N_("approved"),
            Outcome.RETURNED: N_("returned to moderation")}
BID_STATUSES = {BidStatus.RANKED: N_("ranked"), BidStatus.DISQUALIFIED: N_("disqualified")}
DOCUMENT_KINDS = {DocumentKind.CLAUSE_PACK: N_("Clause pack"),
                  DocumentKind.CONTRACT: N_("Contract draft"),
                  DocumentKind.EVALUATION_REPORT: N_("Evaluation report"),
                  DocumentKind.ASSESSMENT_SUMMARY: N_("Assessment summaries"),
                  DocumentKind.PERFORMANCE_NOTICE: N_("Contract performance notice"),
                  DocumentKind.ACCEPTANCE: N_("Acceptance report")}
REPORTING = {Reporting.MONTHLY: N_("monthly"), Reporting.QUARTERLY: N_("quarterly")}
RATINGS = {Rating.GOOD: N_("Good"), Rating.APPROACHING_TARGET: N_("Approaching target"),
           Rating.REQUIRES_IMPROVEMENT: N_("Requires improvement"),
           Rating.INADEQUATE: N_("Inadequate")}
DIRECTIONS = {Direction.HIGHER: N_("higher is better"), Direction.LOWER: N_("lower is better")}
MILESTONES = {Milestone.START: N_("Contract start"),
              Milestone.EXIT_PLAN_DUE: N_("Exit plan due"),
              Milestone.BREAK: N_("First break date"),
              Milestone.ANNUAL_REVIEW: N_("Annual review"), Milestone.END: N_("Contract end")}
CONTRACT_KINDS = {ContractKind.GOODS: N_("goods"), ContractKind.SERVICES: N_("services"),
                  ContractKind.WORKS: N_("works")}
# Cardinal's own titles for its indicators; ours for the bid-rigging screens.
INTEGRITY_INDICATORS = {
    IntegrityCode.R018: N_("Single bid received"),
    IntegrityCode.R024: N_("Price close to the winning bid"),
    IntegrityCode.R028: N_("Identical bid prices"),
    IntegrityCode.R036: N_("Lowest bid disqualified"),
    IntegrityCode.R058: N_("Heavily discounted bid"),
    IntegrityCode.BR_PROGRESSION: N_("Prices in progression"),
    IntegrityCode.BR_RATIO: N_("Constant price ratio across lots"),
    IntegrityCode.BR_COVER: N_("Cover bid"),
    IntegrityCode.BR_FIGURES: N_("Same unusual figures"),
}
# Each vocabulary and the names of its codes, for the test that none is missing.
VOCABULARIES = {FlagCode: "FLAGS", Method: "METHODS", PriceFormula: "PRICE_FORMULAS",
                CriterionKind: "KINDS", Coi: "COI", SpreadLevel: "LEVELS", Status: "STATUSES",
                Role: "ROLES", Aggregation: "AGGREGATIONS", CostBasis: "COST_BASES",
                RubricProfile: "RUBRIC_PROFILES", NoticeProfile: "NOTICE_PROFILES",
                Jurisdiction: "JURISDICTIONS",
                Outcome: "OUTCOMES", BidStatus: "BID_STATUSES", DocumentKind: "DOCUMENT_KINDS",
                Reporting: "REPORTING", Rating: "RATINGS", Direction: "DIRECTIONS",
                ContractKind: "CONTRACT_KINDS", Milestone: "MILESTONES",
                IntegrityCode: "INTEGRITY_INDICATORS"}
# What each audit action means, for people reading the log.
# The levels of the CPV hierarchy a joint procurement opportunity matched on.
CPV_LEVELS = {"division": N_("CPV division"), "group": N_("CPV group"),
              "class": N_("CPV class")}

AUDIT_ACTIONS = {
    "procurement.create": N_("Procurement created"),
    "procurement.methodology": N_("Methodology changed"),
    "procurement.methodology_change_refused": N_("Methodology change refused (tender open)"),
    "procurement.contract_terms": N_("Contract terms changed"),
    "procurement.terms_change_refused": N_("Contract terms change refused (tender open)"),
    "procurement.draft": N_("Back to draft"),
    "procurement.open": N_("Tender opened for bids"),
    "procurement.quality_evaluation": N_("Quality evaluation started"),
    "procurement.price_opening": N_("Quality evaluation closed"),
    "procurement.moderation": N_("Moderation started"),
    "procurement.award_recommended": N_("Status: award recommended"),
    "procurement.standstill": N_("Standstill started"),
    "procurement.awarded": N_("Contract awarded"),
    "procurement.cancelled": N_("Procurement cancelled"),
    "procurement.cancel_reason": N_("Reason for cancelling recorded"),
    "panel.assign": N_("Evaluator added to the panel"),
    "panel.remove": N_("Evaluator removed from the panel"),
    "panel.declare": N_("Interests declared"),
    "bid.receive": N_("Bid received"),
    "bid.update": N_("Bid corrected"),
    "bid.withdraw": N_("Bid withdrawn"),
    "score.save": N_("Score saved"),
    "score.import": N_("Score imported"),
    "scoresheet.submit": N_("Scoresheet submitted"),
    "consensus.set": N_("Consensus score set"),
    "reason.release": N_("Reason released for the letters to bidders"),
    "dossier.build": N_("Award dossier made"),
    "contract.open": N_("Contract opened at the award"),
    "contract.kpi_refine": N_("Contract KPI refined"),
    "contract.modify": N_("Contract modified"),
    "contract.exit": N_("Exit readiness recorded"),
    "kpi.record": N_("KPI measurement recorded"),
    "kpi.import": N_("KPI measurements imported"),
    "contract.kind": N_("Contract kind set"),
    "contract.payment": N_("Payment recorded"),
    "contract.review": N_("Contract review recorded"),
    "contract.performance_notice": N_("Contract performance notice generated"),
    "contract.acceptance": N_("Acceptance report generated"),
    "benefit.add": N_("Expected benefit added"),
    "benefit.change": N_("Expected benefit changed"),
    "benefit.measure": N_("Benefit measurement recorded"),
    "flag.resolve": N_("Flag resolution recorded"),
    "award.recommend": N_("Award recommended"),
    "award.approve": N_("Recommendation approved"),
    "integrity.note": N_("Integrity flag noted"),
    "award.return": N_("Recommendation returned"),
    "pipeline.save": N_("Pipeline entry saved"),
    "pipeline.delete": N_("Pipeline entry deleted"),
    "pipeline.import": N_("Pipeline entries imported"),
    "pipeline.publish": N_("Pipeline published"),
    "joint.accept": N_("Joint procurement opportunity accepted"),
    "joint.dismiss": N_("Joint procurement opportunity dismissed"),
    "user.add": N_("User added"),
    "user.link_identity": N_("Sign-in identity linked"),
}
