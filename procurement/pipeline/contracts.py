"""A running contract of an awarded procurement, as the values its OCDS ``contract`` and
``implementation`` releases are made from (issue 15, "Outputs"); the releases themselves are
made in :mod:`.contract_releases`.

Each contract has two keys in the publish state, so that each stage is released only when it
changes: ``contract:{reference}:{lot}`` for the signed terms (value, term, status, the
schedule of milestones, the agreed KPIs as metrics, the amendments), and
``implementation:{reference}:{lot}`` for what happened under them (payments, each period's
measurement with its rating, the milestones met). Each key's hash is of the part of the
release it stands for, as published: the same contract publishes nothing new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

CONTRACT, IMPLEMENTATION = "contract", "implementation"
STAGES = (CONTRACT, IMPLEMENTATION)


@dataclass(frozen=True)
class AgreedKpi:
    """A KPI the contract states: its measure, unit, target and which way is better."""

    number: int
    measure: str
    target: float
    higher_is_better: bool
    unit: str = ""
    method: str = ""
    frequency: str = "monthly"  # vocabulary.Reporting


@dataclass(frozen=True)
class Observed:
    """One period's measurement of a KPI (the period: the month starting ``period``)."""

    kpi: int
    period: date
    value: float
    rating: str  # vocabulary.Rating
    credit_percent: float = 0.0


@dataclass(frozen=True)
class Amendment:
    """A modification of the contract: its value change and the limits of the law it passes
    (each finding already in words)."""

    number: int
    decided_on: date
    rationale: str
    value_change: float
    findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatedMilestone:
    kind: str  # vocabulary.Milestone
    due: date
    met: date | None = None
    number: int = 0  # the annual review's year


@dataclass(frozen=True)
class Payment:
    id: int
    paid_on: date
    amount: float
    description: str = ""


@dataclass(frozen=True)
class ContractNotice:
    """A contract of an awarded procurement, published under the procurement's ocid."""

    reference: str  # the procurement's
    lot: str  # the contract's lot ("" for a procurement without lots)
    award_id: str  # the id of its award in the award release (awards.award_id)
    title: str
    buyer: str
    supplier: str
    value: float
    start: date
    end: date
    currency: str | None = None
    buyer_id: str | None = None
    supplier_id: str | None = None
    signed: date | None = None
    language: str = "en"
    kpis: tuple[AgreedKpi, ...] = ()
    observations: tuple[Observed, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    milestones: tuple[DatedMilestone, ...] = ()
    payments: tuple[Payment, ...] = ()


def state_key(stage: str, notice: ContractNotice) -> str:
    """``contract:HC-2025-009:1``: the stage, the procurement, the lot."""
    return f"{stage}:{notice.reference}:{notice.lot}"


def is_contract_key(key: str) -> bool:
    return key.startswith((f"{CONTRACT}:", f"{IMPLEMENTATION}:"))


def reference_of(key: str) -> str:
    """The procurement a contract key belongs to (a reference may itself hold colons)."""
    return key.split(":", 1)[1].rsplit(":", 1)[0]


def latest_by_procurement(last: Mapping[str, tuple[str, int, str]]) -> dict[str, str]:
    """The date of each awarded procurement's latest release, award or contract, from the
    state's (hash, sequence, date) of each key."""
    latest: dict[str, str] = {}
    for key, (_hash, _sequence, date_) in last.items():
        if key.startswith("award:"):
            reference = key[len("award:"):]
        elif is_contract_key(key):
            reference = reference_of(key)
        else:
            continue
        latest[reference] = max(latest.get(reference, ""), date_)
    return latest


def digest(part: Any, ocid_prefix: str) -> str:
    """The hash of a published part (hex, as the state keeps it)."""
    body = orjson.dumps([part, ocid_prefix], option=orjson.OPT_SORT_KEYS)
    return hashlib.blake2b(body, digest_size=16).hexdigest()
