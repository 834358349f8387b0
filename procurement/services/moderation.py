"""Moderation: the lead sets a consensus score per cell with a reason (the evaluators'
original scores stay beside it, as Cotiss keeps original + change) and records how each red
flag was resolved."""

from __future__ import annotations

import math

from procurement.domain.procurement import Action
from procurement.domain.views import ConsensusView, ResolutionView
from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, NotFound, PermissionDenied
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import ConsensusRow, FlagResolutionRow
from procurement.vocabulary import FlagCode

# The flags that take a recorded resolution before an award is recommended.
RESOLVABLE = tuple(code for code in FlagCode if code.needs_resolution)


def set_consensus(db: Database, actor: Actor, procurement_id: int, bid_ref: str,
                  criterion: str, score: float, reason: str, *,
                  expected_version: int | None = None) -> ConsensusView:
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.MODERATE)
        bid = access.bid(session, row, bid_ref)
        rubric = procurements.to_domain(row).rubric
        spec = next((c for c in rubric.scale_criteria if c.id == criterion), None)
        if spec is None or spec.scale is None:
            raise NotFound(N_("{criterion} is not a scored criterion of rubric {rubric}"),
                           criterion=criterion, rubric=rubric.id)
        scale = spec.scale
        if not (math.isfinite(score) and scale.min <= score <= scale.max):
            raise ProcurementError(N_("{value} is outside the scale {low}–{high}"),
                                   value=f"{score:g}", low=f"{scale.min:g}",
                                   high=f"{scale.max:g}")
        if not reason.strip():
            raise ProcurementError(N_("a consensus score needs a reason"))
        cell = repo.consensus_cell(session, bid.id, criterion)
        if (cell.version if cell else None) != expected_version:
            raise ConflictError(N_("the consensus score was changed since you read it; reload"))
        originals = {r.evaluator: r.score for r in repo.score_table(session, row.id)
                     if r.bid_ref == bid_ref and r.criterion == criterion}
        before = None if cell is None else {"score": cell.score, "reason": cell.reason}
        now = clock.now()
        if cell is None:
            cell = ConsensusRow(procurement_id=row.id, bid_id=bid.id, criterion=criterion,
                                score=score, reason=reason.strip(), set_by=actor.id, set_at=now,
                                version=1)
            session.add(cell)
        else:
            cell.score, cell.reason, cell.set_by, cell.set_at = score, reason.strip(), actor.id, now
            cell.version += 1
        session.flush()
        audit.append(session, actor.username, "consensus.set",
                     f"consensus:{row.id}:{bid_ref}:{criterion}", procurement_id=row.id,
                     before=before, after={"score": score, "reason": cell.reason,
                                           "original_scores": originals})
        return ConsensusView(bid_ref=bid_ref, criterion=criterion, score=cell.score,
                             reason=cell.reason, set_by=actor.username, set_at=cell.set_at,
                             version=cell.version)


def resolve_flag(db: Database, actor: Actor, procurement_id: int, bid_ref: str, code: str,
                 resolution: str, *, expected_version: int | None = None) -> ResolutionView:
    """Record how a red flag was dealt with, e.g. the supplier's explanation of an
    abnormally low cost and whether it was accepted (Directive 2014/24/EU art. 69).

    A recorded resolution is replaced only by a caller who read it: ``expected_version`` is
    the version they saw (None for a flag they saw unresolved). The one replaced stays in
    the audit log."""
    if code not in RESOLVABLE:
        raise ProcurementError(N_("flags that take a resolution are: {codes}"),
                               codes=", ".join(RESOLVABLE))
    if not resolution.strip():
        raise ProcurementError(N_("describe how the flag was resolved"))
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.RESOLVE_FLAG)
        bid = access.bid(session, row, bid_ref)
        existing = next((r for r in repo.resolutions(session, row.id)
                         if r.bid_id == bid.id and r.code == code), None)
        if (existing.version if existing else None) != expected_version:
            raise ConflictError(N_("the resolution of this flag was recorded or changed since "
                                   "you read it; reload and read it before replacing it"))
        now = clock.now()
        before = None if existing is None else {"resolution": existing.resolution}
        if existing is None:
            existing = FlagResolutionRow(procurement_id=row.id, bid_id=bid.id, code=code,
                                         resolution=resolution.strip(), decided_by=actor.id,
                                         decided_at=now, version=1)
            session.add(existing)
        else:
            existing.resolution, existing.decided_by, existing.decided_at = (
                resolution.strip(), actor.id, now)
            existing.version += 1
        audit.append(session, actor.username, "flag.resolve", f"flag:{row.id}:{bid_ref}:{code}",
                     procurement_id=row.id, before=before, after={"resolution": resolution.strip()})
        return ResolutionView(bid_ref=bid_ref, code=code, resolution=existing.resolution,
                              decided_by=actor.username, decided_at=now,
                              version=existing.version, decided_by_name=actor.display_name)


def consensus_scores(db: Database, actor: Actor, procurement_id: int) -> list[ConsensusView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "consensus"):
            raise PermissionDenied(N_("no consensus scores are visible yet"))
        refs = {b.id: b.bid_ref for b in repo.bids(session, row.id)}
        rows = repo.consensus(session, row.id)
        names = repo.usernames(session, {c.set_by for c in rows})
        return [ConsensusView(bid_ref=refs[c.bid_id], criterion=c.criterion, score=c.score,
                              reason=c.reason, set_by=names[c.set_by], set_at=c.set_at,
                              version=c.version) for c in rows]


def flag_resolutions(db: Database, actor: Actor, procurement_id: int) -> list[ResolutionView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "resolutions"):
            raise PermissionDenied(N_("no flag resolutions are visible to you"))
        refs = {b.id: b.bid_ref for b in repo.bids(session, row.id)}
        rows = repo.resolutions(session, row.id)
        names = repo.usernames(session, {r.decided_by for r in rows})
        full = repo.display_names(session, {r.decided_by for r in rows})
        return [ResolutionView(bid_ref=refs[r.bid_id], code=r.code, resolution=r.resolution,
                               decided_by=names[r.decided_by], decided_at=r.decided_at,
                               version=r.version or 1, decided_by_name=full[r.decided_by])
                for r in rows]
