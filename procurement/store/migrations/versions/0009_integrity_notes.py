"""Integrity screening before the approver signs: the approver's note on each integrity flag
of a recommendation.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "integrity_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("procurement_id", sa.Integer(), sa.ForeignKey("procurements.id"),
                  nullable=False),
        sa.Column("decision_id", sa.Integer(), sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("noted_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("noted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("decision_id", "code", "subject"),
    )
    op.create_index("ix_integrity_notes_procurement_id", "integrity_notes", ["procurement_id"])


def downgrade() -> None:
    op.drop_index("ix_integrity_notes_procurement_id", table_name="integrity_notes")
    op.drop_table("integrity_notes")
