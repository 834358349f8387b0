"""The procurement pipeline kept in the database, and what has been published from it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pipeline_entries",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
    )
    op.create_table(
        "published_items",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entry_key", sa.String(120), nullable=True),
        sa.Column("item", sa.JSON(), nullable=False),
    )
    op.create_index("ix_published_items_entry_key", "published_items", ["entry_key"])


def downgrade() -> None:
    op.drop_index("ix_published_items_entry_key", table_name="published_items")
    op.drop_table("published_items")
    op.drop_table("pipeline_entries")
