"""Whether leaving a contract still costs what the award assumed. The evaluation scored the
winning bid on its total cost of ownership *including exit* (ISO 37106 6.6.3 b: exit costs
considered from the start), and the contract's price schedule caps the exit and transition
charges at the bid's exit cost; an exit plan that now costs more breaks both."""

from __future__ import annotations


def exit_cost_excess(bid_exit_cost: float | None, estimate: float | None) -> float | None:
    """How much the latest exit cost estimate exceeds the bid's (the contract's cap on exit
    charges); ``None`` when it does not, or when either is unknown."""
    if bid_exit_cost is None or estimate is None or estimate <= bid_exit_cost:
        return None
    return estimate - bid_exit_cost
