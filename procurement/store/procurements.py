"""A procurement's row and its domain object, mapped in one place."""

from __future__ import annotations

from procurement.domain.procurement import Procurement
from procurement.domain.terms import ContractTerms
from procurement.rubric.model import Rubric
from procurement.scoring.options import ScoringOptions
from procurement.store.rows import ProcurementRow
from procurement.vocabulary import Jurisdiction, Status


def to_domain(row: ProcurementRow) -> Procurement:
    return Procurement(
        id=row.id, reference=row.reference, title=row.title, description=row.description,
        buyer_name=row.buyer_name, buyer_id=row.buyer_id,
        lots=tuple((str(lot["id"]), str(lot.get("title") or "")) for lot in row.lots),
        rubric=Rubric.model_validate(row.rubric), options=ScoringOptions.model_validate(row.options),
        terms=ContractTerms.model_validate(row.contract_terms or {}),
        standstill_days=row.standstill_days, status=Status(row.status), lead_id=row.lead_id,
        jurisdiction=Jurisdiction(row.jurisdiction), region=row.calendar_region,
        created_at=row.created_at, status_changed_at=row.status_changed_at,
        standstill_end=row.standstill_end, cancel_reason=row.cancel_reason, version=row.version)


def save(row: ProcurementRow, procurement: Procurement) -> None:
    """Write what a service changed back to the row (its identity never changes)."""
    row.status = procurement.status.value
    row.status_changed_at = procurement.status_changed_at
    row.standstill_end = procurement.standstill_end
    row.cancel_reason = procurement.cancel_reason
    row.version = procurement.version
    row.rubric = procurement.rubric.model_dump(mode="json")
    row.options = procurement.options.model_dump(mode="json")
    row.contract_terms = procurement.terms.model_dump(mode="json")
    row.standstill_days = procurement.standstill_days
    row.jurisdiction = procurement.jurisdiction.value
    row.calendar_region = procurement.region
