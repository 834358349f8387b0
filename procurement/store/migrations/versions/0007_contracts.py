"""The contract stage: the contract an award makes (per lot), its KPIs with the commitment
each started from, their measurements per period, and the modifications to its value.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("procurement_id", sa.Integer(), sa.ForeignKey("procurements.id"),
                  nullable=False),
        sa.Column("lot", sa.String(40), nullable=False),
        sa.Column("bid_id", sa.Integer(), sa.ForeignKey("bids.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("period_charge", sa.Float(), nullable=False),
        sa.Column("credit_cap_percent", sa.Float(), nullable=False),
        sa.Column("exit_cost", sa.Float(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("exit_plan_due", sa.Date(), nullable=False),
        sa.Column("exit_plan_received", sa.Date(), nullable=True),
        sa.Column("data_return_tested", sa.Date(), nullable=True),
        sa.Column("data_return_result", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("procurement_id", "lot"),
    )
    op.create_index("ix_contracts_procurement_id", "contracts", ["procurement_id"])
    op.create_table(
        "contract_kpis",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contract_id", sa.Integer(), sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("committed", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("contract_id", "number"),
    )
    op.create_index("ix_contract_kpis_contract_id", "contract_kpis", ["contract_id"])
    op.create_table(
        "kpi_measurements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kpi_id", sa.Integer(), sa.ForeignKey("contract_kpis.id"), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kpi_id", "period"),
    )
    op.create_index("ix_kpi_measurements_kpi_id", "kpi_measurements", ["kpi_id"])
    op.create_table(
        "contract_modifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contract_id", sa.Integer(), sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("value_change", sa.Float(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_contract_modifications_contract_id", "contract_modifications",
                    ["contract_id"])


def downgrade() -> None:
    for table, column in (("contract_modifications", "contract_id"),
                          ("kpi_measurements", "kpi_id"), ("contract_kpis", "contract_id"),
                          ("contracts", "procurement_id")):
        op.drop_index(f"ix_{table}_{column}", table)
        op.drop_table(table)
