"""Who may do what, and in which status: the rules every service checks before acting."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from procurement.domain.procurement import ALLOWED, Action, refused
from procurement.i18n import N_
from procurement.services.actors import Actor
from procurement.services.errors import NotFound, PermissionDenied
from procurement.store import procurements
from procurement.store import repository as repo
from procurement.store.rows import BidRow, PanelMemberRow, ProcurementRow
from procurement.vocabulary import Coi, Role, Status

# Price envelopes stay sealed until quality scoring is closed (the two-envelope procedure).
PRICES_OPEN = tuple(s for s in Status if s.prices_open)


def load(session: Session, procurement_id: int, *, lock: bool = False) -> ProcurementRow:
    row = repo.procurement(session, procurement_id, lock=lock)
    if row is None:
        raise NotFound(N_("no procurement {id}"), id=procurement_id)
    return row


def lead_of(session: Session, actor: Actor, procurement_id: int, *, lock: bool = False
            ) -> ProcurementRow:
    """The procurement, if ``actor`` leads it."""
    row = load(session, procurement_id, lock=lock)
    require_lead(actor, row)
    return row


def lead_in(session: Session, actor: Actor, procurement_id: int, action: Action, *,
            lock: bool = False) -> ProcurementRow:
    """The procurement, if ``actor`` leads it and its status allows ``action``."""
    row = lead_of(session, actor, procurement_id, lock=lock)
    require(row, action)
    return row


def require(row: ProcurementRow, action: Action) -> None:
    """Refuse ``action`` unless the procurement's status allows it (the domain's table)."""
    if Status(row.status) not in ALLOWED[action]:
        raise refused(procurements.to_domain(row))


def bid(session: Session, procurement: ProcurementRow, bid_ref: str) -> BidRow:
    found = repo.bid_by_ref(session, procurement.id, bid_ref)
    if found is None:
        raise NotFound(N_("no bid {bid_id} in this procurement"), bid_id=bid_ref)
    return found


def require_lead(actor: Actor, procurement: ProcurementRow) -> None:
    if actor.id != procurement.lead_id:
        raise PermissionDenied(N_("only the lead of procurement {reference} may do this"),
                               reference=procurement.reference)


def require_role(actor: Actor, *roles: Role) -> None:
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
    if seat.coi == Coi.PENDING:
        raise PermissionDenied(N_("declare your conflicts of interest before you see any bid"))
    if seat.coi == Coi.CONFLICT:
        raise PermissionDenied(N_("you declared a conflict of interest and left the panel of "
                                  "{reference}"), reference=procurement.reference)
    return seat


def may_see_bids(session: Session, actor: Actor, procurement: ProcurementRow) -> None:
    """The lead and approvers see bids (never prices here); evaluators once cleared."""
    if actor.id == procurement.lead_id or actor.role == Role.APPROVER:
        return
    if actor.role == Role.EVALUATOR:
        cleared_member(session, actor, procurement)
        return
    raise PermissionDenied(N_("your role ({role}) may not see the bids"), role=actor.role)


def may_open_envelopes(actor: Actor, procurement: ProcurementRow) -> None:
    if actor.id != procurement.lead_id and actor.role != Role.APPROVER:
        raise PermissionDenied(N_("only the lead and approvers may read price envelopes"))
    if not Status(procurement.status).prices_open:
        raise PermissionDenied(N_("price envelopes stay sealed until quality scoring is closed"))


def may_open_envelopes_for_record(actor: Actor, procurement: ProcurementRow) -> None:
    """A record with prices (report, contract) exists only once the envelopes are open."""
    if not Status(procurement.status).prices_open:
        raise PermissionDenied(N_("price envelopes stay sealed until quality scoring is closed"))


def may_read_evaluation(actor: Actor, procurement: ProcurementRow) -> None:
    """Scores, rationales and rankings: the lead and approvers; observers once awarded."""
    if actor.operator or actor.id == procurement.lead_id or actor.role == Role.APPROVER:
        return
    if actor.role == Role.OBSERVER and procurement.status == Status.AWARDED:
        return
    raise PermissionDenied(N_("the evaluation record is for the lead and approvers until the "
                              "contract is awarded"))


def active_panel(session: Session, procurement: ProcurementRow) -> list[PanelMemberRow]:
    """Panel members still evaluating (declared no conflict, or not yet declared)."""
    return [m for m in repo.panel(session, procurement.id) if m.coi != Coi.CONFLICT]


def all_submitted(session: Session, procurement: ProcurementRow) -> bool:
    panel = [m for m in repo.panel(session, procurement.id) if m.coi == Coi.NONE]
    pending = [m for m in repo.panel(session, procurement.id) if m.coi == Coi.PENDING]
    return bool(panel) and not pending and all(m.submitted_at for m in panel)


def may_see_all_scores(session: Session, actor: Actor, procurement: ProcurementRow) -> bool:
    """Everyone's scores are visible to the lead, approvers and cleared evaluators once every
    evaluator has submitted; until then each evaluator sees only their own."""
    if not all_submitted(session, procurement) and not Status(procurement.status).scoring_over:
        return False
    if actor.id == procurement.lead_id or actor.role == Role.APPROVER:
        return True
    seat = repo.member(session, procurement.id, actor.id)
    return seat is not None and seat.coi == Coi.NONE


# --- records, and who may read them -------------------------------------------------------
# One rule per kind of record, used by the service that returns the record and by the audit
# log, whose entries describe those records: an entry shows its content only to whoever may
# read the record it is about.
Record = Literal["procurement", "declaration", "bids", "scores", "consensus", "resolutions",
                 "evaluation", "decision"]


def may_read(session: Session, actor: Actor, procurement: ProcurementRow, record: Record) -> bool:
    """Whether ``actor`` may read ``record`` of ``procurement`` now."""
    if actor.operator or record == "procurement":
        return True
    lead = actor.id == procurement.lead_id
    approver = actor.role == Role.APPROVER
    status = Status(procurement.status)
    auditor = actor.role == Role.OBSERVER and status == Status.AWARDED
    if record == "declaration":  # why an evaluator declared a conflict (they see their own)
        return lead or approver or auditor
    if record == "bids":
        if lead or auditor:
            return True
        if not status.evaluating_or_after:
            return False
        if approver:
            return True
        seat = repo.member(session, procurement.id, actor.id)
        return actor.role == Role.EVALUATOR and seat is not None and seat.coi == Coi.NONE
    if record in ("scores", "consensus"):
        return auditor or may_see_all_scores(session, actor, procurement)
    if record in ("resolutions", "evaluation"):
        return lead or approver or auditor
    # decision: the recommendation and its return, for the lead and approvers; everyone once
    # the contract is awarded
    return lead or approver or status == Status.AWARDED


# What each audit action records. An action not listed is treated as the evaluation record,
# so that a new action is withheld until someone decides otherwise.
AUDIT_RECORDS: dict[str, Record] = {
    **{f"procurement.{status}": "procurement" for status in Status},
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
    "dossier.build": "decision",
    "reason.release": "resolutions",
    # The contract stage is published (contract performance notices): for everyone.
    "contract.open": "procurement",
    "contract.kpi_refine": "procurement",
    "contract.modify": "procurement",
    "contract.exit": "procurement",
    "kpi.record": "procurement",
    "kpi.import": "procurement",
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
