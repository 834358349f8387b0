"""Procurements: create one with a frozen copy of its rubric and settings, read it, and
change its methodology while (and only while) it is a draft."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from procurement import jurisdictions
from procurement.domain.terms import ContractTerms
from procurement.domain.views import PanelMemberView, ProcurementDetail, ProcurementSummary
from procurement.errors import ProcurementError
from procurement.i18n import N_, Phrase, Term
from procurement.jurisdictions import orgid
from procurement.jurisdictions.generic import DEFAULT_STANDSTILL_DAYS
from procurement.rubric import Rubric, load_rubric, rubric_from_data
from procurement.rubric import profiles as rubric_profiles
from procurement.scoring.options import ScoringOptions
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, StateError
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import ProcurementRow
from procurement.vocabulary import Jurisdiction, Role, Status

_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$")
_LOT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def create_procurement(db: Database, actor: Actor, *, reference: str, title: str,
                       buyer_name: str, rubric: str | Rubric = "iso37106-smart",
                       description: str = "", buyer_id: str = "",
                       lots: list[dict[str, str]] | None = None,
                       standstill_days: int | None = None, jurisdiction: str | None = None,
                       region: str | None = None, **settings: Any) -> ProcurementDetail:
    """Create a draft procurement led by ``actor`` (a procurement lead). Its jurisdiction
    (by default the one its rubric's profile applies, else ``generic``) sets its standstill,
    the identifier schemes of its buyer and the law its documents cite."""
    access.require_role(actor, Role.LEAD)
    if not _REFERENCE.match(reference):
        raise ProcurementError(N_("a reference uses letters, digits, '.', '_', '/' or '-'"))
    if not title.strip() or not buyer_name.strip():
        raise ProcurementError(N_("a procurement needs a title and a buyer"))
    lots = checked_lots(lots or [])
    frozen = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    law = choose_jurisdiction(jurisdiction, frozen)
    region = law.region(region)
    standstill_days = checked_standstill_days(law, standstill_days)
    buyer_id = checked_buyer_id(law, buyer_id)
    options = _options(frozen, with_legal_defaults(law, settings))
    now = clock.now()
    with db.write() as session:
        if any(p.reference == reference for p in repo.procurements(session)):
            raise ConflictError(N_("a procurement with reference {reference} exists already"),
                                reference=reference)
        row = ProcurementRow(
            reference=reference, title=title.strip(), description=description.strip(),
            buyer_name=buyer_name.strip(), buyer_id=buyer_id.strip(), lots=lots,
            rubric=frozen.model_dump(mode="json"), options=options.model_dump(mode="json"),
            standstill_days=standstill_days, jurisdiction=law.code.value, calendar_region=region,
            status=Status.DRAFT, lead_id=actor.id,
            created_at=now, status_changed_at=now, version=1)
        session.add(row)
        session.flush()
        audit.append(session, actor.username, "procurement.create", f"procurement:{row.id}",
                     procurement_id=row.id, after=_methodology(row))
        return _detail(session, actor, row)


def update_methodology(db: Database, actor: Actor, procurement_id: int, *,
                       rubric: Rubric | None = None, weights: dict[str, float] | None = None,
                       thresholds: dict[str, float | None] | None = None,
                       standstill_days: int | None = None, jurisdiction: str | None = None,
                       region: str | None = None, **settings: Any) -> ProcurementDetail:
    """Change the rubric, weights, thresholds or settings of a draft procurement.

    Once a procurement is open its methodology is published and fixed: any attempt is
    refused, and the refusal itself is written to the audit log.
    """
    _refuse_once_open(db, actor, procurement_id, "procurement.methodology_change_refused",
                      _attempt(rubric, weights, thresholds, settings))
    with db.write() as session:
        row = access.load(session, procurement_id, lock=True)
        before = _methodology(row)
        data = rubric.model_dump(mode="json") if rubric else dict(row.rubric)
        data["criteria"] = [dict(c) for c in data["criteria"]]
        for criterion in data["criteria"]:
            if weights and criterion["id"] in weights:
                criterion["weight"] = weights[criterion["id"]]
            if thresholds and criterion["id"] in thresholds:
                criterion["threshold"] = thresholds[criterion["id"]]
        unknown = set(weights or {}) | set(thresholds or {})
        unknown -= {c["id"] for c in data["criteria"]}
        if unknown:
            raise ProcurementError(N_("no criterion {ids} in this rubric"),
                                   ids=", ".join(sorted(unknown)))
        frozen = validate_rubric(data, row.reference)
        law = choose_jurisdiction(jurisdiction or row.jurisdiction, frozen)
        kept = row.calendar_region if law.code == row.jurisdiction else None  # not another's
        row.calendar_region = law.region(region or kept)
        if standstill_days is not None or law.code != row.jurisdiction:
            row.standstill_days = checked_standstill_days(law, standstill_days)
        row.jurisdiction = law.code.value
        checked_buyer_id(law, row.buyer_id)
        options = _options(frozen, with_legal_defaults(law, {**row.options, **settings}))
        row.rubric, row.options = frozen.model_dump(mode="json"), options.model_dump(mode="json")
        row.version += 1
        audit.append(session, actor.username, "procurement.methodology", f"procurement:{row.id}",
                     procurement_id=row.id, before=before, after=_methodology(row))
        return _detail(session, actor, row)


def update_contract_terms(db: Database, actor: Actor, procurement_id: int,
                          **terms: Any) -> ProcurementDetail:
    """Set the contract terms the clause pack publishes (draft only, like the methodology)."""
    _refuse_once_open(db, actor, procurement_id, "procurement.terms_change_refused", terms)
    with db.write() as session:
        row = access.load(session, procurement_id, lock=True)
        before = dict(row.contract_terms or {})
        try:
            checked = ContractTerms.model_validate({**before, **terms})
        except ValidationError as exc:
            err = exc.errors()[0]
            raise ProcurementError(N_("invalid contract term {name}: {detail}"),
                                   name=".".join(str(p) for p in err["loc"]) or "terms",
                                   detail=err["msg"]) from exc
        row.contract_terms = checked.model_dump(mode="json")
        row.version += 1
        audit.append(session, actor.username, "procurement.contract_terms",
                     f"procurement:{row.id}", procurement_id=row.id, before=before,
                     after=row.contract_terms)
        return _detail(session, actor, row)


def choose_jurisdiction(code: str | None, rubric: Rubric) -> jurisdictions.Jurisdiction:
    """The jurisdiction asked for, or the one the rubric's profile applies; a profile of
    another jurisdiction's law is refused (a cn-goods rubric cannot govern a UK award)."""
    by_profile = jurisdictions.of_rubric_profile(rubric.profile) if rubric.profile else None
    if code is None:
        return by_profile or jurisdictions.get(Jurisdiction.GENERIC)
    chosen = jurisdictions.get(code)
    if by_profile is not None and by_profile is not chosen:
        raise ProcurementError(N_("rubric profile {profile} applies the rules of {other}; this "
                                  "procurement follows {jurisdiction}"),
                               profile=rubric.profile, other=Term(by_profile.name),
                               jurisdiction=Term(chosen.name))
    return chosen


def checked_standstill_days(law: jurisdictions.Jurisdiction, days: int | None) -> int:
    """The working days of a generic standstill (0 to 60, 8 by default); elsewhere the law
    sets the period, and a number is refused rather than silently ignored."""
    if law.code is not Jurisdiction.GENERIC:
        if days is not None:
            raise ProcurementError(N_("the standstill period of {jurisdiction} is set by law "
                                      "({rule}: {source}); it is not a setting"),
                                   jurisdiction=Term(law.name), rule=Term(law.standstill_rule.text),
                                   source=Term(law.standstill_rule.source))
        return DEFAULT_STANDSTILL_DAYS
    days = DEFAULT_STANDSTILL_DAYS if days is None else days
    if not 0 <= days <= 60:
        raise ProcurementError(N_("the standstill period must be 0 to 60 working days"))
    return days


def checked_buyer_id(law: jurisdictions.Jurisdiction, buyer_id: str) -> str:
    """An org-id identifier in one of the jurisdiction's buyer schemes (any registered scheme
    where it names none), or empty."""
    buyer_id = buyer_id.strip()
    if buyer_id:
        try:
            orgid.check(buyer_id, law.buyer_schemes)
        except orgid.IdentifierProblem as problem:
            raise ProcurementError(N_("buyer identifier {id}: {problem}"), id=buyer_id,
                                   problem=Phrase(problem.msgid, **problem.params)) from None
    return buyer_id


def with_legal_defaults(law: jurisdictions.Jurisdiction, settings: dict[str, Any]
                        ) -> dict[str, Any]:
    """The settings with the deduction the law gives small enterprises (China: 10–20 %, 10 %
    unless set); a deduction outside the law's range is refused, except none at all (a
    procurement reserved for SMEs deducts nothing)."""
    rule = law.defaults.sme_deduction
    if rule is None:
        return settings
    low, high, source = rule
    if settings.get("sme_deduction") is None:
        return {**settings, "sme_deduction": low}
    value = float(settings["sme_deduction"])
    if value and not low - 1e-9 <= value <= high + 1e-9:
        raise ProcurementError(N_("the SME price deduction must be {low}–{high} % ({rule}: "
                                  "{source})"), low=f"{low * 100:g}", high=f"{high * 100:g}",
                               rule=Term(source.text), source=Term(source.source))
    return settings


def checked_lots(lots: list[dict[str, str]]) -> list[dict[str, str]]:
    """Lots as bids and published notices name them: an id without spaces (bids files name
    it in their ``lot`` column), a title, no id twice."""
    checked: list[dict[str, str]] = []
    for number, lot in enumerate(lots, start=1):
        lot_id, title = str(lot.get("id") or "").strip(), str(lot.get("title") or "").strip()
        if not _LOT_ID.match(lot_id):
            raise ProcurementError(N_("lot {number}: an id uses letters, digits, '.', '_' or '-' "
                                      "(no spaces), e.g. L2"), number=number)
        if not title:
            raise ProcurementError(N_("lot {id} needs a title"), id=lot_id)
        if any(c["id"] == lot_id for c in checked):
            raise ProcurementError(N_("lot {id} is listed twice"), id=lot_id)
        checked.append({"id": lot_id, "title": title})
    return checked


def _refuse_once_open(db: Database, actor: Actor, procurement_id: int, action: str,
                      attempted: Any) -> None:
    """The published tender is fixed once open: refuse the change and record the attempt."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.require_lead(actor, row)
        status = row.status
    if status == Status.DRAFT:
        return
    with db.write() as session:
        audit.append(session, actor.username, action, f"procurement:{procurement_id}",
                     procurement_id=procurement_id, after={"status": status,
                                                           "attempted": attempted})
    raise StateError(N_("the methodology of a procurement cannot change once it is open"))


def get_procurement(db: Database, actor: Actor, procurement_id: int) -> ProcurementDetail:
    """Everyone signed in may read a procurement's published methodology and status."""
    with db.read() as session:
        return _detail(session, actor, access.load(session, procurement_id))


def list_procurements(db: Database, actor: Actor | None = None) -> list[ProcurementSummary]:
    """Procurements the actor takes part in (all of them for approvers, observers and the
    command line, which runs as the database's owner)."""
    with db.read() as session:
        counts = repo.bid_counts(session)
        rows = list(repo.procurements(session))
        if actor is not None and actor.role in ("lead", "evaluator"):
            mine = {r.id for r in rows if r.lead_id == actor.id}
            mine |= {r.id for r in rows if repo.member(session, r.id, actor.id) is not None}
            rows = [r for r in rows if r.id in mine]
        leads = repo.usernames(session, {r.lead_id for r in rows})
        names = repo.display_names(session, {r.lead_id for r in rows})
        return [ProcurementSummary(id=r.id, reference=r.reference, title=r.title,
                                   buyer_name=r.buyer_name, status=r.status,
                                   bid_count=counts.get(r.id, 0), lead=leads[r.lead_id],
                                   lead_name=names[r.lead_id], created_at=r.created_at)
                for r in rows]


def validate_rubric(data: dict[str, Any], where: str) -> Rubric:
    return rubric_from_data(data, where)


def _options(rubric: Rubric, settings: dict[str, Any]) -> ScoringOptions:
    from procurement.api import scoring_options

    options = scoring_options(rubric, **settings)
    for msgid, params in rubric_profiles.check_price_formula(rubric, options.price_formula):
        raise ProcurementError(msgid, **params)
    return options


def _methodology(row: ProcurementRow) -> dict[str, Any]:
    rubric = procurements.to_domain(row).rubric
    return {"rubric": rubric.id, "version": rubric.version,
            "weights": {c.id: c.weight for c in rubric.criteria},
            "thresholds": {c.id: c.threshold for c in rubric.criteria
                           if c.threshold is not None},
            "options": row.options, "standstill_days": row.standstill_days,
            "jurisdiction": row.jurisdiction, "calendar_region": row.calendar_region}


def _attempt(rubric: Rubric | None, weights: Any, thresholds: Any, settings: Any) -> dict[str, Any]:
    return {"rubric": rubric.id if rubric else None, "weights": weights, "thresholds": thresholds,
            "settings": settings}


def _detail(session: Session, actor: Actor, row: ProcurementRow) -> ProcurementDetail:
    panel = repo.panel(session, row.id)
    names = {m.user_id: repo.user(session, m.user_id) for m in panel}
    counts = repo.score_counts(session, row.id)
    bid_count = repo.bid_counts(session).get(row.id, 0)
    procurement = procurements.to_domain(row)
    scale = [c.id for c in procurement.rubric.scale_criteria]
    lead = repo.user(session, row.lead_id)
    reasons_shown = access.may_read(session, actor, row, "declaration")
    members = []
    for m in panel:
        user = names[m.user_id]
        assert user is not None
        criteria = m.criteria or scale
        private = reasons_shown or actor.id == m.user_id
        members.append(PanelMemberView(
            username=user.username, display_name=user.display_name, criteria=criteria,
            coi=m.coi, coi_reason=m.coi_reason if private else None, declared_at=m.declared_at,
            submitted_at=m.submitted_at, scored=counts.get(m.user_id, 0),
            to_score=len(criteria) * bid_count))
    return ProcurementDetail(
        id=row.id, reference=row.reference, title=row.title, description=row.description,
        buyer_name=row.buyer_name, buyer_id=row.buyer_id, lots=row.lots, status=row.status,
        lead=lead.username if lead else "?", lead_name=lead.display_name if lead else "?",
        rubric=procurement.rubric, options=procurement.options,
        standstill_days=row.standstill_days, contract_terms=procurement.terms,
        standstill_end=row.standstill_end, jurisdiction=procurement.jurisdiction,
        calendar_region=procurement.region,
        cancel_reason=row.cancel_reason, created_at=row.created_at, panel=members,
        bid_count=bid_count, version=row.version)
