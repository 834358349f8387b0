"""The contract terms a procurement publishes with its tender (ISO 37106 6.6.3 b): the
parameters its clauses are filled with. Fixed, like the methodology, once the tender opens."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from procurement.i18n import N_, Lang, tr

REPORTING = {"monthly": N_("monthly"), "quarterly": N_("quarterly")}


class Kpi(BaseModel):
    """An outcome measure with its baseline and target."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    measure: str = Field(min_length=1)
    baseline: str = ""
    target: str = Field(min_length=1)


def parse_kpis(text: str) -> list[Kpi]:
    """KPIs written in one cell: ``measure: baseline -> target`` (or ``measure: target``),
    separated by ``;`` or new lines. Raises ``ValueError`` naming the entry it cannot read."""
    kpis = []
    for entry in (e.strip() for e in re.split(r"[;\n]", text)):
        if not entry:
            continue
        measure, colon, values = entry.rpartition(":")
        if not colon or not measure.strip() or not values.strip():
            raise ValueError(entry)
        baseline, arrow, target = values.replace("→", "->").partition("->")
        if not arrow:
            baseline, target = "", values
        if not target.strip():
            raise ValueError(entry)
        kpis.append(Kpi(measure=measure.strip(), baseline=baseline.strip(),
                        target=target.strip()))
    return kpis


def parse_list(text: str) -> list[str]:
    """Items written in one cell, separated by ``;`` or new lines."""
    return [item.strip() for item in re.split(r"[;\n]", text) if item.strip()]


class ContractTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    initial_term_years: int = Field(default=3, ge=1, le=10)
    max_term_years: int = Field(default=5, ge=1, le=15)
    break_after_months: int = Field(default=12, ge=0, le=120)
    exit_plan_months: int = Field(default=3, ge=1, le=24)
    data_return_days: int = Field(default=30, ge=1, le=365)
    switching_notice_months: int = Field(default=2, ge=0, le=2)  # Data Act art. 25: at most 2
    transition_days: int = Field(default=30, ge=30, le=210)  # art. 25: 30 days, up to 7 months
    payment_days: int = Field(default=30, ge=1, le=60)
    sme_payment_days: int = Field(default=30, ge=1, le=60)
    sme_subcontract_target_percent: int = Field(default=25, ge=0, le=100)
    kpi_reporting: Literal["monthly", "quarterly"] = "monthly"
    service_credit_cap_percent: float = Field(default=10.0, ge=0, le=100)
    gain_share_percent: float = Field(default=50.0, ge=0, le=100)
    open_standards: list[str] = Field(default_factory=list)
    data_formats: list[str] = Field(default_factory=lambda: ["CSV", "JSON", "GeoJSON"])
    kpis: list[Kpi] = Field(default_factory=list)  # the outcomes the city specifies
    involves_ai: bool = False
    sme_clauses: bool = True
    ai_log_retention_months: int = Field(default=12, ge=1, le=120)
    # ISO 4217 code of the bid prices; the award is published with it (OCDS needs one).
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")

    @model_validator(mode="after")
    def _term_fits(self) -> ContractTerms:
        if self.max_term_years < self.initial_term_years:
            raise ValueError("the maximum term cannot be shorter than the initial term")
        return self

    def parameters(self, buyer: str, lang: Lang, today: date) -> dict[str, str]:
        """The values clause texts are filled with, in ``lang``."""
        joined = "、" if lang == "zh" else ", "
        standards = joined.join(self.open_standards) if self.open_standards else tr(
            N_("the open standards named in the specification"), lang)
        return {
            "buyer": buyer,
            "initial_term_years": str(self.initial_term_years),
            "max_term_years": str(self.max_term_years),
            "break_after_months": str(self.break_after_months),
            "exit_plan_months": str(self.exit_plan_months),
            "data_return_days": str(self.data_return_days),
            "switching_notice_months": str(self.switching_notice_months),
            "transition_days": str(self.transition_days),
            "payment_days": str(self.payment_days),
            "sme_payment_days": str(self.sme_payment_days),
            "sme_subcontract_target_percent": f"{self.sme_subcontract_target_percent:g}",
            "kpi_reporting": tr(REPORTING[self.kpi_reporting], lang),
            "service_credit_cap_percent": f"{self.service_credit_cap_percent:g}",
            "gain_share_percent": f"{self.gain_share_percent:g}",
            "open_standards": standards,
            "data_formats": joined.join(self.data_formats),
            "ai_log_retention_months": str(self.ai_log_retention_months),
        }
