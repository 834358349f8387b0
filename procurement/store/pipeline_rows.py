"""The published pipeline's tables: its planned procurements, its publish state, and the
lead's decisions on joint procurement opportunities among them. Registered in the one
declarative base of ``rows``; migrations create them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from procurement.store.rows import Base


class PipelineEntryRow(Base):
    """A planned procurement of the published pipeline: the fields of a pipeline entry
    (``procurement.pipeline.entry``), validated before they are stored."""

    __tablename__ = "pipeline_entries"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column()
    position: Mapped[int] = mapped_column(Integer)  # the order the pipeline lists them in
    updated_at: Mapped[datetime] = mapped_column()
    updated_by: Mapped[str] = mapped_column(String(80))


class PublishedItemRow(Base):
    """The publish state of a database-kept pipeline: every release ever published and
    every version of the policy, append-only (``procurement.pipeline.state``)."""

    __tablename__ = "published_items"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # the entry a release was published for (None for the header and policy versions), so
    # that "was this entry ever published?" is one indexed lookup
    entry_key: Mapped[str | None] = mapped_column(String(120), index=True)
    item: Mapped[dict[str, Any]] = mapped_column()


class JointOpportunityRow(Base):
    """A lead's decision on a joint procurement opportunity (``procurement.pipeline.joint``):
    accepted, with the joint entry it became, or dismissed with a reason. The id is the
    opportunity's (a hash of its sorted entry ids), so a dismissed one stays dismissed."""

    __tablename__ = "joint_opportunities"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entries: Mapped[list[Any]] = mapped_column()  # the pipeline ids, sorted
    decision: Mapped[str] = mapped_column(String(20))  # accepted, dismissed
    reason: Mapped[str] = mapped_column(Text, default="")
    joint_entry: Mapped[str | None] = mapped_column(String(80))  # the entry accepting made
    decided_by: Mapped[str] = mapped_column(String(80))
    decided_at: Mapped[datetime] = mapped_column()
