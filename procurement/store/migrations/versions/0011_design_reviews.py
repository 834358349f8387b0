"""Design reviews recorded in the city's portfolio: the design as reviewed and each Table 3
row's level, for the portfolio's maturity over time (ISO 37106 6.6.3 b).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "design_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("design_key", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("buyer", sa.String(200), nullable=True),
        sa.Column("procurement_id", sa.Integer(), sa.ForeignKey("procurements.id"),
                  nullable=True),
        sa.Column("design", sa.JSON(), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("reviewed_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_design_reviews_design_key", "design_reviews", ["design_key"])


def downgrade() -> None:
    op.drop_index("ix_design_reviews_design_key", table_name="design_reviews")
    op.drop_table("design_reviews")
