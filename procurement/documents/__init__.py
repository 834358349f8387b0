"""Word documents from a procurement: the clause pack, the contract draft, the evaluation
report and an assessment summary for every bidder. Clauses and templates are data
(templates/); rendering is sandboxed (render.py)."""
