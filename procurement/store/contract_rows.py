"""The contract stage's tables: the contract an award made, its KPIs and their
measurements, its modifications, expected benefits and their measurements, payments and
reviews. Registered in the one declarative base of ``rows``; migrations create them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from procurement.store.rows import Base


class ContractRow(Base):
    """The contract an award made (one per lot): its value and charges, its dates, and how
    ready the city is to leave it (the exit plan received, the data-return test)."""

    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    procurement_id: Mapped[int] = mapped_column(ForeignKey("procurements.id"), index=True)
    lot: Mapped[str] = mapped_column(String(40))
    bid_id: Mapped[int] = mapped_column(ForeignKey("bids.id"))
    kind: Mapped[str] = mapped_column(String(20))  # goods, services, works
    value: Mapped[float] = mapped_column(Float)  # what the contract pays over its term
    period_charge: Mapped[float] = mapped_column(Float)  # a month's charge, for credits
    credit_cap_percent: Mapped[float] = mapped_column(Float)
    exit_cost: Mapped[float | None] = mapped_column(Float)  # the bid's, for exit readiness
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    exit_plan_due: Mapped[date] = mapped_column(Date)
    exit_plan_received: Mapped[date | None] = mapped_column(Date)
    data_return_tested: Mapped[date | None] = mapped_column(Date)
    data_return_result: Mapped[str | None] = mapped_column(Text)
    exit_cost_estimate: Mapped[float | None] = mapped_column(Float)  # by the latest exit plan
    created_at: Mapped[datetime] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("procurement_id", "lot"),)


class ContractKpiRow(Base):
    """One KPI of a contract: the terms it is rated by now, and the bid's commitment it
    started from (kept beside it when the lead refines it)."""

    __tablename__ = "contract_kpis"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … in the contract's order
    terms: Mapped[dict[str, Any]] = mapped_column()  # contracts.kpis.ContractKpi as JSON
    committed: Mapped[dict[str, Any]] = mapped_column()  # the bid's commitment, as it was
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("contract_id", "number"),)


class MeasurementRow(Base):
    """A KPI's measurement for one period (the first day of its month), with its evidence."""

    __tablename__ = "kpi_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("contract_kpis.id"), index=True)
    period: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("kpi_id", "period"),)


class ModificationRow(Base):
    """A change to a contract's value, with its rationale and what the law's limits said."""

    __tablename__ = "contract_modifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    value_change: Mapped[float] = mapped_column(Float)
    rationale: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    findings: Mapped[list[Any]] = mapped_column()  # [{"msgid", "params", "rule", "source"}]
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column()


class BenefitRow(Base):
    """An expected benefit of the procurement, realised through this contract (ISO 37106
    clause 7): what should change, owned by whom, from which baseline to which target by
    when."""

    __tablename__ = "contract_benefits"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    terms: Mapped[dict[str, Any]] = mapped_column()  # contracts.benefits.Benefit as JSON
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("contract_id", "number"),)


class BenefitMeasurementRow(Base):
    """What a benefit had reached on a day, with its evidence."""

    __tablename__ = "benefit_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    benefit_id: Mapped[int] = mapped_column(ForeignKey("contract_benefits.id"), index=True)
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column()

    __table_args__ = (UniqueConstraint("benefit_id", "measured_on"),)


class PaymentRow(Base):
    """A payment made under the contract (an OCDS transaction): when, how much, for what."""

    __tablename__ = "contract_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[float] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text, default="")  # e.g. the invoice it pays
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column()


class ReviewRow(Base):
    """A contract review held (the annual review of the contract terms), with what it found."""

    __tablename__ = "contract_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column()
