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
