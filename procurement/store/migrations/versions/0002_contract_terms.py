"""Contract terms of a procurement (for its clause pack and contract) and the commitments
of a bid (the KPIs and open standards it offers).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("procurements") as batch:
        batch.add_column(sa.Column("contract_terms", sa.JSON(), nullable=False,
                                   server_default=sa.text("'{}'")))
    with op.batch_alter_table("bids") as batch:
        batch.add_column(sa.Column("commitments", sa.JSON(), nullable=False,
                                   server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table("bids") as batch:
        batch.drop_column("commitments")
    with op.batch_alter_table("procurements") as batch:
        batch.drop_column("contract_terms")
