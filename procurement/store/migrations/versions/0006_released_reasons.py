"""The reasons the lead releases for the letters to bidders (one per bid and criterion, in
English and Chinese), kept apart from the evaluators' rationales, which stay internal.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "released_reasons",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("procurement_id", sa.Integer(), sa.ForeignKey("procurements.id"),
                  nullable=False),
        sa.Column("bid_id", sa.Integer(), sa.ForeignKey("bids.id"), nullable=False),
        sa.Column("criterion", sa.String(40), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=True),
        sa.Column("reason_zh", sa.Text(), nullable=True),
        sa.Column("released_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("bid_id", "criterion"),
    )
    op.create_index("ix_released_reasons_procurement_id", "released_reasons",
                    ["procurement_id"])


def downgrade() -> None:
    op.drop_index("ix_released_reasons_procurement_id", "released_reasons")
    op.drop_table("released_reasons")
