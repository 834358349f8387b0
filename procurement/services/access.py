"""Who may do what, and in which status: the rules every service checks before acting."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from procurement.i18n import N_, Term
from procurement.services.actors import Actor
from procurement.services.errors import NotFound, PermissionDenied, StateError
from procurement.store import repository as repo
from procurement.store.tables import BidRow, PanelMemberRow, ProcurementRow

STATUSES = ("draft", "open", "quality_evaluation", "price_opening", "moderation",
            "award_recommended", "standstill", "awarded", "cancelled")
STATUS_NAMES = {
    "draft": N_("draft"),
    "open": N_("open for bids"),
    "quality_evaluation": N_("quality evaluation"),
    "price_opening": N_("price opening"),
    "moderation": N_("moderation"),
    "award_recommended": N_("award recommended"),
    "standstill": N_("standstill"),
    "awarded": N_("awarded"),
    "cancelled": N_("cancelled"),
}
FINAL = ("awarded", "cancelled")
# Price envelopes stay sealed until quality scoring is closed (the two-envelope procedure).
PRICES_OPEN = ("price_opening", "moderation", "award_recommended", "standstill", "awarded")
SCORING_OVER = PRICES_OPEN


def load(session: Session, procurement_id: int, *, lock: bool = False) -> ProcurementRow:
    row = repo.procurement(session, procurement_id, lock=lock)
    if row is None:
        raise NotFound(N_("no procurement {id}"), id=procurement_id)
    return row


def lead_in(session: Session, actor: Actor, procurement_id: int, *statuses: str,
            lock: bool = False) -> ProcurementRow:
    """The procurement, if ``actor`` leads it and it is in one of ``statuses``."""
    row = load(session, procurement_id, lock=lock)
    require_lead(actor, row)
    require_status(row, *statuses)
    return row


def bid(session: Session, procurement: ProcurementRow, bid_ref: str) -> BidRow:
    found = repo.bid_by_ref(session, procurement.id, bid_ref)
    if found is None:
        raise NotFound(N_("no bid {bid_id} in this procurement"), bid_id=bid_ref)
    return found


def require_lead(actor: Actor, procurement: ProcurementRow) -> None:
    if actor.id != procurement.lead_id:
        raise PermissionDenied(N_("only the lead of procurement {reference} may do this"),
                               reference=procurement.reference)


def require_status(procurement: ProcurementRow, *statuses: str) -> None:
    if procurement.status not in statuses:
        raise StateError(N_("not possible while procurement {reference} is in status {status}"),
                         reference=procurement.reference,
                         status=Term(STATUS_NAMES[procurement.status]))


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied(N_("your role ({role}) may not do this"), role=actor.role)


def panel_seat(session: Session, actor: Actor, procurement: ProcurementRow) -> PanelMemberRow:
    """The actor's panel seat, whatever they declared."""
    found = repo.member(session, procurement.id, actor.id)
    if found is None:
        raise PermissionDenied(N_("you are not on the evaluation panel of {reference}"),
                               reference=procurement.reference)
    return found


def cleared_member(session: Session, actor: Actor, procurement: ProcurementRow) -> PanelMemberRow:
    """The actor's panel seat, if they declared no conflict of interest; bids stay hidden
    from an evaluator until they have declared."""
    seat = panel_seat(session, actor, procurement)
    if seat.coi == "pending":
        raise PermissionDenied(N_("declare your conflicts of interest before you see any bid"))
    if seat.coi == "conflict":
        raise PermissionDenied(N_("you declared a conflict of interest and left the panel of "
                                  "{reference}"), reference=procurement.reference)
    return seat


def may_see_bids(session: Session, actor: Actor, procurement: ProcurementRow) -> None:
    """The lead and approvers see bids (never prices here); evaluators once cleared."""
    if actor.id == procurement.lead_id or actor.role == "approver":
        return
    if actor.role == "evaluator":
        cleared_member(session, actor, procurement)
        return
    raise PermissionDenied(N_("your role ({role}) may not see the bids"), role=actor.role)


def may_open_envelopes(actor: Actor, procurement: ProcurementRow) -> None:
    if actor.id != procurement.lead_id and actor.role != "approver":
        raise PermissionDenied(N_("only the lead and approvers may read price envelopes"))
    if procurement.status not in PRICES_OPEN:
        raise PermissionDenied(N_("price envelopes stay sealed until quality scoring is closed"))


def may_open_envelopes_for_record(actor: Actor, procurement: ProcurementRow) -> None:
    """A record with prices (report, contract) exists only once the envelopes are open."""
    if procurement.status not in PRICES_OPEN:
        raise PermissionDenied(N_("price envelopes stay sealed until quality scoring is closed"))


def may_read_evaluation(actor: Actor, procurement: ProcurementRow) -> None:
    """Scores, rationales and rankings: the lead and approvers; observers once awarded."""
    if actor.operator or actor.id == procurement.lead_id or actor.role == "approver":
        return
    if actor.role == "observer" and procurement.status == "awarded":
        return
    raise PermissionDenied(N_("the evaluation record is for the lead and approvers until the "
                              "contract is awarded"))


def active_panel(session: Session, procurement: ProcurementRow) -> list[PanelMemberRow]:
    """Panel members still evaluating (declared no conflict, or not yet declared)."""
    return [m for m in repo.panel(session, procurement.id) if m.coi != "conflict"]


def all_submitted(session: Session, procurement: ProcurementRow) -> bool:
    panel = [m for m in repo.panel(session, procurement.id) if m.coi == "none"]
    pending = [m for m in repo.panel(session, procurement.id) if m.coi == "pending"]
    return bool(panel) and not pending and all(m.submitted_at for m in panel)


def may_see_all_scores(session: Session, actor: Actor, procurement: ProcurementRow) -> bool:
    """Everyone's scores are visible to the lead, approvers and cleared evaluators once every
    evaluator has submitted; until then each evaluator sees only their own."""
    if not all_submitted(session, procurement) and procurement.status not in SCORING_OVER:
        return False
    if actor.id == procurement.lead_id or actor.role == "approver":
        return True
    seat = repo.member(session, procurement.id, actor.id)
    return seat is not None and seat.coi == "none"


# --- records, and who may read them -------------------------------------------------------
# One rule per kind of record, used by the service that returns the record and by the audit
# log, whose entries describe those records: an entry shows its content only to whoever may
# read the record it is about.
Record = Literal["procurement", "declaration", "bids", "scores", "consensus", "resolutions",
                 "evaluation", "decision"]
_EVALUATION_AND_AFTER = ("quality_evaluation", *PRICES_OPEN)


def may_read(session: Session, actor: Actor, procurement: ProcurementRow, record: Record) -> bool:
    """Whether ``actor`` may read ``record`` of ``procurement`` now."""
    if actor.operator or record == "procurement":
        return True
    lead = actor.id == procurement.lead_id
    awarded = procurement.status == "awarded"
    if record == "declaration":  # why an evaluator declared a conflict (they see their own)
        return lead or actor.role == "approver" or (actor.role == "observer" and awarded)
    if record == "bids":
        if lead or (actor.role == "observer" and awarded):
            return True
        if procurement.status not in _EVALUATION_AND_AFTER:
            return False
        if actor.role == "approver":
            return True
        seat = repo.member(session, procurement.id, actor.id)
        return actor.role == "evaluator" and seat is not None and seat.coi == "none"
    if record in ("scores", "consensus"):
        return (actor.role == "observer" and awarded) or may_see_all_scores(session, actor,
                                                                            procurement)
    if record in ("resolutions", "evaluation"):
        return lead or actor.role == "approver" or (actor.role == "observer" and awarded)
    # decision: the recommendation and its return, for the lead and approvers; everyone once
    # the contract is awarded
    return lead or actor.role == "approver" or awarded


# What each audit action records. An action not listed is treated as the evaluation record,
# so that a new action is withheld until someone decides otherwise.
AUDIT_RECORDS: dict[str, Record] = {
    **{f"procurement.{status}": "procurement" for status in STATUSES},
    "procurement.create": "procurement",
    "procurement.methodology": "procurement",
    "procurement.methodology_change_refused": "procurement",
    "procurement.contract_terms": "procurement",
    "procurement.terms_change_refused": "procurement",
    "procurement.cancel_reason": "procurement",
    "panel.assign": "procurement",
    "panel.remove": "procurement",
    "scoresheet.submit": "procurement",
    "award.approve": "procurement",
    "panel.declare": "declaration",
    "bid.receive": "bids",
    "bid.update": "bids",
    "bid.withdraw": "bids",
    "score.save": "scores",
    "score.import": "scores",
    "consensus.set": "consensus",
    "flag.resolve": "resolutions",
    "award.recommend": "evaluation",
    "award.return": "decision",
}


def audit_record(action: str) -> Record:
    return AUDIT_RECORDS.get(action, "evaluation")
