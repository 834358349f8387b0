"""The contract stage, continued: the expected benefits a contract is to realise with what
each had reached when measured, the payments made under the contract, its reviews, and what
leaving it would cost now.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # What leaving would cost now, by the supplier's latest exit plan, against the bid's.
    op.add_column("contracts", sa.Column("exit_cost_estimate", sa.Float(), nullable=True))
    op.create_table(
        "contract_benefits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contract_id", sa.Integer(), sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("contract_id", "number"),
    )
    op.create_index("ix_contract_benefits_contract_id", "contract_benefits", ["contract_id"])
    op.create_table(
        "benefit_measurements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("benefit_id", sa.Integer(), sa.ForeignKey("contract_benefits.id"),
                  nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("benefit_id", "measured_on"),
    )
    op.create_index("ix_benefit_measurements_benefit_id", "benefit_measurements",
                    ["benefit_id"])
    op.create_table(
        "contract_payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contract_id", sa.Integer(), sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_contract_payments_contract_id", "contract_payments", ["contract_id"])
    op.create_table(
        "contract_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contract_id", sa.Integer(), sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_contract_reviews_contract_id", "contract_reviews", ["contract_id"])


def downgrade() -> None:
    for table, column in (("contract_reviews", "contract_id"),
                          ("contract_payments", "contract_id"),
                          ("benefit_measurements", "benefit_id"),
                          ("contract_benefits", "contract_id")):
        op.drop_index(f"ix_{table}_{column}", table)
        op.drop_table(table)
    op.drop_column("contracts", "exit_cost_estimate")
