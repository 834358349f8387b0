"""The database tables (SQLAlchemy 2 declarative). Migrations in ``migrations/`` create them.

This module holds the declarative base every table is registered in, and the rows of an
evaluation: its people and their sessions, the procurement, its panel, bids, scores,
moderation, the decision and the audit log. The contract stage's rows are in
``contract_rows``, the published pipeline's in ``pipeline_rows``.

Rows are plain records; every rule about who may read or change them lives in
``procurement.services``. JSON columns hold frozen copies (the rubric, the scoring options,
a recommended evaluation) so that the record shows exactly what was decided with.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back as an aware UTC datetime on every database
    (SQLite keeps no time zone, PostgreSQL converts to the session's)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must carry a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(
            UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON,
                                                     datetime: UtcDateTime}


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # lead, evaluator, approver, observer
    password_hash: Mapped[str | None] = mapped_column(String(200))
    # Room for OIDC sign-in: the identity provider's issuer and subject claim.
    oidc_issuer: Mapped[str | None] = mapped_column(String(500))
    oidc_subject: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject"),)


class ProcurementRow(Base):
    __tablename__ = "procurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    buyer_name: Mapped[str] = mapped_column(String(500))
    buyer_id: Mapped[str] = mapped_column(String(200), default="")
    lots: Mapped[list[Any]] = mapped_column(default=list)  # [{"id", "title"}]
    rubric: Mapped[dict[str, Any]] = mapped_column()  # frozen copy of the rubric
    options: Mapped[dict[str, Any]] = mapped_column()  # frozen ScoringOptions
    standstill_days: Mapped[int] = mapped_column(Integer, default=8)
    jurisdiction: Mapped[str] = mapped_column(String(16), default="generic",
                                              server_default="generic")
    calendar_region: Mapped[str | None] = mapped_column(String(40))
    contract_terms: Mapped[dict[str, Any]] = mapped_column(default=dict)  # see documents.terms
    status: Mapped[str] = mapped_column(String(30), default="draft")
    lead_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column()
    status_changed_at: Mapped[datetime] = mapped_column()
    standstill_end: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class PanelMemberRow(Base):
    __tablename__ = "panel_members"

    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    criteria: Mapped[list[Any] | None] = mapped_column(JSON)  # None: every scale criterion
    coi: Mapped[str] = mapped_column(String(20), default="pending")  # pending, none, conflict
    coi_reason: Mapped[str | None] = mapped_column(Text)
    declared_at: Mapped[datetime | None] = mapped_column()
    submitted_at: Mapped[datetime | None] = mapped_column()


class BidRow(Base):
    __tablename__ = "bids"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    bid_ref: Mapped[str] = mapped_column(String(120))
    supplier_name: Mapped[str] = mapped_column(String(500))
    supplier_identifier: Mapped[str] = mapped_column(String(200), default="")
    sme: Mapped[bool] = mapped_column(Boolean, default=False)
    lot: Mapped[str | None] = mapped_column(String(80))
    gates: Mapped[dict[str, Any]] = mapped_column(default=dict)  # gate id → passed
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion id → response
    # What the bid commits to, for the contract: {"kpis": [...], "open_standards": [...]}.
    commitments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_at: Mapped[datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("procurement_id", "bid_ref"),)


class PriceEnvelopeRow(Base):
    """The sealed second envelope: read only through the services' envelope rule."""

    __tablename__ = "price_envelopes"

    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"), primary_key=True)
    price: Mapped[float | None] = mapped_column(Float)
    capex: Mapped[float | None] = mapped_column(Float)
    opex_per_year: Mapped[float | None] = mapped_column(Float)
    term_years: Mapped[float | None] = mapped_column(Float)
    exit_cost: Mapped[float | None] = mapped_column(Float)


class ScoreRow(Base):
    __tablename__ = "scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"))
    evaluator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    criterion: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(Float)
    rationale: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("bid_id", "evaluator_id", "criterion"),)


class ConsensusRow(Base):
    """A moderated score for one bid and criterion; the evaluators' scores stay beside it."""

    __tablename__ = "consensus_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"))
    criterion: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    set_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("bid_id", "criterion"),)


class ReleasedReasonRow(Base):
    """The reason for one bid's score on one criterion that the lead released for the letter
    to the bidder, in each language it was written in (the evaluators' notes stay internal)."""

    __tablename__ = "released_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"))
    criterion: Mapped[str] = mapped_column(String(40))
    reason_en: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason_zh: Mapped[str | None] = mapped_column(Text, nullable=True)
    released_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    released_at: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("bid_id", "criterion"),)


class FlagResolutionRow(Base):
    """How the team dealt with a red flag (an abnormally low cost explained, a tie broken)."""

    __tablename__ = "flag_resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"))
    code: Mapped[str] = mapped_column(String(40))
    resolution: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("bid_id", "code"),)


class DecisionRow(Base):
    """A recommendation and its approval, with the evaluation frozen as it was decided."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    evaluation: Mapped[dict[str, Any]] = mapped_column()  # lot → Evaluation as JSON
    winners: Mapped[dict[str, Any]] = mapped_column()  # lot → bid_ref
    recommended_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recommended_at: Mapped[datetime] = mapped_column()
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column()
    outcome: Mapped[str] = mapped_column(String(20), default="pending")  # pending, approved, returned
    note: Mapped[str | None] = mapped_column(Text)  # the lead's reasons for the recommendation
    # An approver's return to moderation: kept beside the note, which it never replaces.
    returned_by: Mapped[int | None] = mapped_column(Integer)
    returned_at: Mapped[datetime | None] = mapped_column()
    return_reason: Mapped[str | None] = mapped_column(Text)


class IntegrityNoteRow(Base):
    """The approver's note on one integrity flag of one recommendation (four eyes: recorded
    by an approver, never the lead), replaced in place, with its version."""

    __tablename__ = "integrity_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    code: Mapped[str] = mapped_column(String(40))  # R024, BR-COVER…
    subject: Mapped[str] = mapped_column(String(200))  # a bid reference, or lot:LOT
    note: Mapped[str] = mapped_column(Text)
    noted_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    noted_at: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("decision_id", "code", "subject"),)


class AuditRow(Base):
    """The append-only log. Each entry's hash covers its content and the previous hash."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, hashed as stored
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(80))
    entity: Mapped[str] = mapped_column(String(120))
    procurement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[str | None] = mapped_column(Text)  # canonical JSON
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # 1: the hash covers before/after as texts; 2: their SHA-256 digests (see store.audit).
    scheme: Mapped[int] = mapped_column(Integer, default=1)


class AuditHeadRow(Base):
    """One row: the last sequence number and hash, so that a deleted tail is detected."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class SessionRow(Base):
    """A signed-in browser: the session cookie names it; sign-out revokes it."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    # The digest of the one-time ticket the browser exchanges for its cookie.
    ticket_hash: Mapped[str | None] = mapped_column(String(64))


class SettingRow(Base):
    """Settings every app instance on this database shares (the session-signing secret)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DesignReviewRow(Base):
    """A design review recorded in the city's portfolio (``procurement.design.maturity``):
    the design as reviewed and the level of each Table 3 row, so the maturity over time is
    computed from what was reviewed, not from today's rules."""

    __tablename__ = "design_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_key: Mapped[str] = mapped_column(String(200), index=True)  # reference, else title
    title: Mapped[str] = mapped_column(String(200))
    buyer: Mapped[str | None] = mapped_column(String(200))
    procurement_id: Mapped[int | None] = mapped_column(ForeignKey("procurements.id"))
    design: Mapped[dict[str, Any]] = mapped_column()  # the fields it states
    levels: Mapped[dict[str, Any]] = mapped_column()  # "1".."16" → traditional|transition|smart
    reviewed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime] = mapped_column()
