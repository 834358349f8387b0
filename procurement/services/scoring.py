"""Independent scoring: each cleared evaluator scores each bid on each of their criteria
with a rationale, sees only their own scores until the whole panel has submitted, and
submits a complete scoresheet. Every write is checked against the version it was read at."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from procurement.domain.procurement import Action
from procurement.domain.views import ScoreView
from procurement.errors import InputError, Problem, ProcurementError
from procurement.i18n import N_
from procurement.services import access, clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, PermissionDenied, StateError
from procurement.store import audit, procurements
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import PanelMemberRow, ProcurementRow, ScoreRow, UserRow
from procurement.tables.panel import read_panel


def submit_score(db: Database, actor: Actor, procurement_id: int, bid_ref: str, criterion: str,
                 score: float, rationale: str, *, expected_version: int | None = None
                 ) -> ScoreView:
    """Save one score. ``expected_version`` is the version the evaluator last saw (None for
    a cell they have not scored): if the stored score moved on since, nothing is written
    and :class:`ConflictError` says so."""
    with db.write() as session:
        row = access.load(session, procurement_id)
        access.require(row, Action.SCORE)
        seat = access.cleared_member(session, actor, row)
        if seat.submitted_at is not None:
            raise StateError(N_("your scoresheet is submitted; scores can no longer change"))
        bid = access.bid(session, row, bid_ref)
        _check_score(row, seat, criterion, score, rationale)
        cell = repo.score_cell(session, bid.id, actor.id, criterion)
        now = clock.now()
        if cell is None:
            if expected_version is not None:
                raise ConflictError(N_("this score was deleted since you read it; reload"))
            cell = ScoreRow(procurement_id=row.id, bid_id=bid.id, evaluator_id=actor.id,
                            criterion=criterion, score=score, rationale=rationale.strip(),
                            version=1, updated_at=now)
            session.add(cell)
            before = None
        else:
            if expected_version != cell.version:
                raise ConflictError(
                    N_("your score for {criterion} of bid {bid_id} was changed elsewhere "
                       "(version {stored}, you had {seen}); reload before saving"),
                    criterion=criterion, bid_id=bid_ref, stored=cell.version,
                    seen=expected_version if expected_version is not None else "–")
            before = {"score": cell.score, "rationale": cell.rationale, "version": cell.version}
            cell.score, cell.rationale = score, rationale.strip()
            cell.version += 1
            cell.updated_at = now
        session.flush()
        after = {"score": cell.score, "rationale": cell.rationale, "version": cell.version}
        audit.append(session, actor.username, "score.save",
                     f"score:{row.id}:{bid_ref}:{actor.username}:{criterion}",
                     procurement_id=row.id, before=before, after=after)
        return _view(bid_ref, actor, cell)


def submit_scoresheet(db: Database, actor: Actor, procurement_id: int) -> None:
    """Hand in a complete scoresheet: every bid scored on every assigned criterion."""
    with db.write() as session:
        row = access.load(session, procurement_id)
        access.require(row, Action.SCORE)
        seat = access.cleared_member(session, actor, row)
        if seat.submitted_at is not None:
            raise StateError(N_("your scoresheet is submitted already"))
        missing = len(_assigned(row, seat)) * len(repo.bids(session, row.id)) - len(
            repo.score_table(session, row.id, actor.id))
        if missing > 0:
            raise StateError(N_("{count} score(s) are still missing from your scoresheet"),
                             count=missing)
        seat.submitted_at = clock.now()
        audit.append(session, actor.username, "scoresheet.submit",
                     f"panel:{row.id}:{actor.username}", procurement_id=row.id,
                     after={"submitted_at": seat.submitted_at})


def my_scores(db: Database, actor: Actor, procurement_id: int) -> list[ScoreView]:
    with db.read() as session:
        row = access.load(session, procurement_id)
        access.cleared_member(session, actor, row)
        return [_light(r) for r in repo.score_table(session, row.id, actor.id)]


def panel_scores(db: Database, actor: Actor, procurement_id: int) -> list[ScoreView]:
    """Every evaluator's scores, once the whole panel has submitted (see access)."""
    with db.read() as session:
        row = access.load(session, procurement_id)
        if not access.may_read(session, actor, row, "scores"):
            raise PermissionDenied(N_("the panel's scores are visible once every evaluator "
                                      "has submitted"))
        return [_light(r) for r in _counted_scores(session, row)]


def import_scores(db: Database, actor: Actor, procurement_id: int, path: str | Path) -> int:
    """The lead enters a panel's scores from a CSV/XLSX table (e.g. scored on paper), all or
    none; they count as each named evaluator's own, and each must be cleared on the panel."""
    with db.write() as session:
        row = access.lead_in(session, actor, procurement_id, Action.SCORE, lock=True)
        bids = {b.bid_ref: b for b in repo.bids(session, row.id)}
        panel = read_panel(path, procurements.to_domain(row).rubric, list(bids))
        seats: dict[str, tuple[UserRow, PanelMemberRow]] = {}
        problems = []
        for i, name in enumerate(panel.evaluators):
            user = repo.user_by_name(session, name)
            seat = repo.member(session, row.id, user.id) if user else None
            if user is None or seat is None or seat.coi != "none" or seat.submitted_at:
                problems.append(Problem(panel.source, N_(
                    "{evaluator} is not a cleared panel member still scoring"),
                    row=panel.row(i), column="evaluator", params={"evaluator": name}))
            elif not panel.rationales[i]:
                problems.append(Problem(panel.source, N_("a rationale is required"),
                                        row=panel.row(i), column="rationale"))
            else:
                seats[name] = (user, seat)
        if problems:
            raise InputError(problems)
        now = clock.now()
        for i in range(len(panel)):
            user, _ = seats[panel.evaluators[i]]
            bid = bids[panel.bid_ids[i]]
            cell = repo.score_cell(session, bid.id, user.id, panel.criteria[i])
            before = None if cell is None else {"score": cell.score, "version": cell.version}
            if cell is None:
                cell = ScoreRow(procurement_id=row.id, bid_id=bid.id, evaluator_id=user.id,
                                criterion=panel.criteria[i], score=0.0, rationale="",
                                version=0, updated_at=now)
                session.add(cell)
            cell.score, cell.rationale = float(panel.scores[i]), panel.rationales[i]
            cell.version += 1
            cell.updated_at = now
            audit.append(session, actor.username, "score.import",
                         f"score:{row.id}:{bid.bid_ref}:{user.username}:{cell.criterion}",
                         procurement_id=row.id, before=before,
                         after={"score": cell.score, "rationale": cell.rationale})
        return len(panel)


def _check_score(row: ProcurementRow, seat: PanelMemberRow, criterion: str, score: float,
                 rationale: str) -> None:
    if criterion not in _assigned(row, seat):
        raise PermissionDenied(N_("{criterion} is not one of your criteria"), criterion=criterion)
    scale = procurements.to_domain(row).rubric.criterion(criterion).scale
    assert scale is not None
    if not (math.isfinite(score) and scale.min <= score <= scale.max):
        raise ProcurementError(N_("{value} is outside the scale {low}–{high}"), value=f"{score:g}",
                               low=f"{scale.min:g}", high=f"{scale.max:g}")
    if not rationale.strip():
        raise ProcurementError(N_("a rationale is required"))


def _assigned(row: ProcurementRow, seat: PanelMemberRow) -> list[str]:
    scale = [c.id for c in procurements.to_domain(row).rubric.scale_criteria]
    return list(seat.criteria) if seat.criteria else scale


def _counted_scores(session: Session, row: ProcurementRow) -> list[Any]:
    """Scores of evaluators who declared no conflict (a later conflict voids their scores)."""
    cleared = {m.user_id for m in repo.panel(session, row.id) if m.coi == "none"}
    return [r for r in repo.score_table(session, row.id) if r.evaluator_id in cleared]


def _view(bid_ref: str, evaluator: Actor, cell: ScoreRow) -> ScoreView:
    return ScoreView(bid_ref=bid_ref, criterion=cell.criterion, evaluator=evaluator.username,
                     evaluator_name=evaluator.display_name, score=cell.score,
                     rationale=cell.rationale, version=cell.version, updated_at=cell.updated_at)


def _light(r: Any) -> ScoreView:
    return ScoreView(bid_ref=r.bid_ref, criterion=r.criterion, evaluator=r.evaluator,
                     evaluator_name=r.evaluator_name, score=r.score, rationale=r.rationale, version=r.version,
                     updated_at=r.updated_at)
