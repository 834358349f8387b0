"""Human names of the codes the toolkit uses (flags, methods, formulas, kinds), for pages and
documents, in both languages through the catalog."""

from procurement.i18n import N_

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
KINDS = {"scale": N_("scored"), "cost": N_("cost"), "gate": N_("pass/fail")}
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
}
COI = {"pending": N_("not declared yet"), "none": N_("no conflict"),
       "conflict": N_("conflict declared")}
LEVELS = {"ok": N_("agreed"), "review": N_("review"), "disagreement": N_("disagreement")}
# What each audit action means, for people reading the log.
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
    "flag.resolve": N_("Flag resolution recorded"),
    "award.recommend": N_("Award recommended"),
    "award.approve": N_("Recommendation approved"),
    "award.return": N_("Recommendation returned"),
    "pipeline.save": N_("Pipeline entry saved"),
    "pipeline.delete": N_("Pipeline entry deleted"),
    "pipeline.import": N_("Pipeline entries imported"),
    "pipeline.publish": N_("Pipeline published"),
    "user.add": N_("User added"),
    "user.link_identity": N_("Sign-in identity linked"),
}
