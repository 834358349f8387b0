"""A running contract as OCDS 1.1.5 ``contract`` and ``implementation`` releases, under the
procurement's own ocid, after its award release (issue 15, "Outputs").

The contract release carries the signed terms: the value, the term, the status (terminated
once the term has ended), the contract's milestones, its modifications as ``amendments``
(the value change and the law's limits it passes in the description), and its KPIs as the
metrics extension's ``agreedMetrics``, one target observation each. An implementation release
carries what happened under it: each payment as a transaction from the buyer (``payer``) to
the supplier (``payee``), each period's measurement as an observation of
``implementation.metrics`` with its rating in its notes, and the milestones as they stand.
Every release states the whole of its part, so that the record compiled from an ocid's
releases (merged by ``id``) is the contract as it is now.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from procurement.contracts.milestones import OCDS_TYPE
from procurement.pipeline.awards import procurement_ocid
from procurement.pipeline.contract_metrics import agreed_metrics, money, observed_metrics
from procurement.pipeline.contracts import (
    CONTRACT,
    IMPLEMENTATION,
    ContractNotice,
    DatedMilestone,
    Payment,
)
from procurement.pipeline.releases import Release, buyer_party, end, party_id, start
from procurement.vocabulary import Milestone

_MILESTONE_TITLE = {"start": "Contract start", "exit_plan_due": "Exit plan due",
                    "break": "First break date", "annual_review": "Annual review {number}",
                    "end": "Contract end"}


def contract_id(notice: ContractNotice) -> str:
    return f"{notice.award_id}-contract"


def contract_part(notice: ContractNotice, today: date) -> dict[str, Any]:
    """The contract as its ``contract`` release states it (``contracts[0]``)."""
    contract: dict[str, Any] = {
        "id": contract_id(notice), "awardID": notice.award_id, "title": notice.title,
        "status": "terminated" if today > notice.end else "active"}
    if notice.currency:  # the value now: the awarded value with every modification's change
        now = notice.value + sum(a.value_change for a in notice.amendments)
        contract["value"] = {"amount": money(now), "currency": notice.currency}
    contract["period"] = {"startDate": start(notice.start), "endDate": end(notice.end)}
    if notice.signed:
        contract["dateSigned"] = start(notice.signed)
    if notice.milestones:
        contract["milestones"] = [_milestone(m) for m in notice.milestones]
    if notice.amendments:
        contract["amendments"] = _amendments(notice)
    if notice.kpis:
        contract["agreedMetrics"] = agreed_metrics(notice)
    return contract


def contract_hashed(part: dict[str, Any]) -> dict[str, Any]:
    """What decides whether the contract changed: its part without the milestones' progress
    (which the implementation releases publish)."""
    milestones = [{k: v for k, v in m.items() if k not in ("status", "dateMet")}
                  for m in part.get("milestones", [])]
    return {**part, "milestones": milestones}


def implementation_part(notice: ContractNotice) -> dict[str, Any] | None:
    """What happened under the contract (``contracts[0]`` of an implementation release), or
    ``None`` while nothing has: no payment, no measurement and no milestone met."""
    implementation: dict[str, Any] = {}
    if notice.payments:
        buyer, supplier = _party_ids(notice)
        implementation["transactions"] = [_transaction(p, notice, buyer, supplier)
                                          for p in notice.payments]
    if notice.observations:
        implementation["metrics"] = observed_metrics(notice)
    if not implementation and not any(m.met for m in notice.milestones):
        return None
    part: dict[str, Any] = {"id": contract_id(notice), "awardID": notice.award_id,
                            "title": notice.title}
    if notice.milestones:
        part["milestones"] = [_milestone(m) for m in notice.milestones]
    if implementation:
        part["implementation"] = implementation
    return part


def _transaction(payment: Payment, notice: ContractNotice, buyer: str, supplier: str
                 ) -> dict[str, Any]:
    transaction: dict[str, Any] = {"id": str(payment.id), "date": start(payment.paid_on)}
    if notice.currency:
        transaction["value"] = {"amount": money(payment.amount), "currency": notice.currency}
    transaction["payer"] = {"id": buyer, "name": notice.buyer}
    transaction["payee"] = {"id": supplier, "name": notice.supplier}
    return transaction


def release(notice: ContractNotice, stage: str, part: dict[str, Any], tag: str,
            ocid_prefix: str, sequence: int, published: str) -> Release:
    """The ``sequence``-th release of ``stage`` (contract or implementation) of ``notice``."""
    ocid_ = procurement_ocid(ocid_prefix, notice.reference)
    lot = f"-{notice.lot}" if notice.lot else ""
    buyer, supplier = _party_ids(notice)
    # The same roles in every contract release, paid yet or not: a compiled record keeps a
    # party's latest roles, and the contract's buyer pays its supplier.
    supplier_party = buyer_party(notice.supplier, notice.supplier_id,
                                 roles=("supplier", "tenderer", "payee"))
    supplier_party["id"] = supplier
    return {
        "ocid": ocid_, "id": f"{ocid_}-{stage}{lot}-{sequence:02d}", "date": published,
        "tag": [tag], "initiationType": "tender", "language": notice.language,
        "parties": [buyer_party(notice.buyer, notice.buyer_id,
                                roles=("buyer", "procuringEntity", "payer")),
                    supplier_party],
        "buyer": {"id": buyer, "name": notice.buyer}, "contracts": [part]}


def contract_tag(sequence: int, part: dict[str, Any], previous: dict[str, Any] | None) -> str:
    """``contract`` first; then ``contractAmendment`` when a modification was added,
    ``contractTermination`` when the term has ended, else ``contractUpdate``."""
    if sequence == 1 or previous is None:
        return CONTRACT if sequence == 1 else "contractUpdate"
    if len(part.get("amendments", [])) > len(previous.get("amendments", [])):
        return "contractAmendment"
    if part.get("status") == "terminated" != previous.get("status"):
        return "contractTermination"
    return "contractUpdate"


def implementation_tag(sequence: int) -> str:
    return IMPLEMENTATION if sequence == 1 else "implementationUpdate"


def _party_ids(notice: ContractNotice) -> tuple[str, str]:
    """The buyer's and supplier's party ids, exactly as the award release has them."""
    return (party_id(notice.buyer, notice.buyer_id),
            party_id(notice.supplier, notice.supplier_id, "supplier"))


def _milestone(milestone: DatedMilestone) -> dict[str, Any]:
    suffix = f"-{milestone.number}" if milestone.number else ""
    out: dict[str, Any] = {
        "id": f"{milestone.kind}{suffix}",
        "title": _MILESTONE_TITLE[milestone.kind].format(number=milestone.number),
        "type": OCDS_TYPE[Milestone(milestone.kind)], "dueDate": end(milestone.due),
        "status": "met" if milestone.met else "scheduled"}
    if milestone.met:
        out["dateMet"] = start(milestone.met)
    return out


def _amendments(notice: ContractNotice) -> list[dict[str, Any]]:
    """Each modification: its change and the value after it, then each limit of the law it
    passes (nothing more when it passes none)."""
    unit = f" {notice.currency}" if notice.currency else ""
    value, out = notice.value, []
    for amendment in notice.amendments:
        value += amendment.value_change
        sign = "+" if amendment.value_change >= 0 else ""
        words = [f"Value change: {sign}{money(amendment.value_change):,}{unit}, "
                 f"to {money(value):,}{unit}."]
        words += [f"{finding[:1].upper()}{finding[1:]}." for finding in amendment.findings]
        entry: dict[str, Any] = {"id": str(amendment.number),
                                 "date": start(amendment.decided_on),
                                 "description": " ".join(words)}
        if amendment.rationale:
            entry["rationale"] = amendment.rationale
        out.append(entry)
    return out
