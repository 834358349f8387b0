"""A procurement's jurisdiction (whose law sets its standstill, identifiers and references)
and the calendar region it counts working days in.

Existing procurements keep the behaviour they were created with: jurisdiction ``generic``,
whose standstill is their ``standstill_days`` working days, weekends only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("procurements") as table:
        table.add_column(sa.Column("jurisdiction", sa.String(16), nullable=False,
                                   server_default="generic"))
        table.add_column(sa.Column("calendar_region", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("procurements") as table:
        table.drop_column("calendar_region")
        table.drop_column("jurisdiction")
