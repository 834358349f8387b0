"""The joint pipeline entry an accepted opportunity becomes: led by the buyer of its
earliest entry, with every other buyer as a joint buyer and the combined estimated value."""

from __future__ import annotations

from procurement.pipeline import cpv
from procurement.pipeline.entry import JointBuyer, PipelineEntry
from procurement.pipeline.joint import LEVELS, Opportunity, buyer_key


def default_id(opportunity: Opportunity) -> str:
    return f"joint-{opportunity.id[:10]}"


def joint_entry(opportunity: Opportunity, entries: dict[str, PipelineEntry],
                entry_id: str | None = None) -> PipelineEntry:
    """A new entry for the whole opportunity (``entries`` holds at least its members)."""
    members = [entries[i] for i in opportunity.entries]
    lead = members[0]
    others: dict[str, JointBuyer] = {}
    for entry in members[1:]:
        if buyer_key(entry) != buyer_key(lead):
            others.setdefault(buyer_key(entry), JointBuyer(name=entry.buyer,
                                                           buyer_id=entry.buyer_id))
    value = currency = None
    if len(opportunity.combined_value) == 1:  # values in several currencies are not summed
        ((currency, value),) = opportunity.combined_value.items()
    dates = [e.expected_tender_date for e in members if e.expected_tender_date]
    return PipelineEntry.model_validate({
        "id": entry_id or default_id(opportunity), "title": lead.title,
        "description": "\n".join(f"{e.buyer}: {e.title} ({e.id})" for e in members),
        "buyer": lead.buyer, "buyer_id": lead.buyer_id, "contact_email": lead.contact_email,
        "estimated_value": value, "currency": currency,
        "procurement_method": lead.procurement_method, "category": lead.category,
        "cpv": shared_code(members), "expected_tender_date": min(dates) if dates else None,
        "language": lead.language, "joint_buyers": tuple(others.values())})


def shared_code(members: list[PipelineEntry]) -> str | None:
    """The code every member has, else the code of the finest level they share (a class
    such as 34920000, or a group), else the lead's."""
    codes = [e.cpv for e in members if e.cpv]
    if not codes:
        return None
    if len(set(codes)) == 1:
        return codes[0]
    for digits in sorted(LEVELS.values(), reverse=True):
        prefixes = {c[:digits] for c in codes}
        if len(prefixes) == 1 and (found := cpv.code(prefixes.pop().ljust(8, "0"))):
            return found
    return codes[0]
