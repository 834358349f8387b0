"""A pipeline entry as an OCDS 1.1.5 planning release.

The release's ``tender.status`` is ``planning``/``planned`` (or ``withdrawn``), the buyer (and
a joint entry's other buyers) in ``parties``, ``planning.budget`` and a
``plannedProcurementNotice`` document (OCDS 1.1.5 releaseTag and documentType codelists;
standard docs/examples/planning.json). The entry's hash decides whether it changed since it
was last published.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from procurement.pipeline import cpv
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.releases import (
    NoticeOptions,
    Release,
    amount,
    buyer_party,
    end,
    ocid,
    release_id,
    start,
)


def entry_hash(entry: PipelineEntry, options: NoticeOptions) -> str:
    """What decides whether an entry changed since it was last published: its fields (in the
    model's fixed order) and the options that shape its notice."""
    # An entry that is not joint hashes as it did before joint buyers existed.
    fields = entry.model_dump_json(exclude={"joint_buyers"} if entry.joint_buyers is None
                                   else None)
    digest = hashlib.blake2b(fields.encode("utf-8"), digest_size=16)
    digest.update(f"|{options.ocid_prefix}|{options.profile}|{options.base_url}|"
                  f"{options.pages}".encode())
    return digest.hexdigest()


def joint_parties(entry: PipelineEntry, lead_id: str) -> list[dict[str, Any]]:
    """The other buyers of a joint entry, each with the role buyer (the lead, first in
    ``parties``, is also the procuring entity); a buyer listed twice is listed once."""
    seen = {lead_id}
    parties = []
    for other in entry.joint_buyers or ():
        party = buyer_party(other.name, other.buyer_id, roles=("buyer",))
        if party["id"] not in seen:
            seen.add(party["id"])
            parties.append(party)
    return parties


def planning_release(entry: PipelineEntry, options: NoticeOptions, sequence: int,
                     published: str) -> Release:
    """The ``sequence``-th release of ``entry``: ``planning`` first, ``planningUpdate`` after."""
    ocid_ = ocid(options.ocid_prefix, entry.id)
    buyer = buyer_party(entry.buyer, entry.buyer_id, entry.contact_email)
    reference = {"id": buyer["id"], "name": entry.buyer}
    value = ({"amount": amount(entry.estimated_value), "currency": entry.currency}
             if entry.estimated_value is not None else None)
    notice: dict[str, Any] = {
        "id": f"notice-{entry.id}", "documentType": "plannedProcurementNotice",
        "title": entry.title, "datePublished": published, "format": "text/html",
        "language": entry.language}
    url = options.notice_url(entry.id)
    if url:
        notice["url"] = url
    notice_type = options.rules.notice_type
    if notice_type:
        notice["description"] = notice_type  # core OCDS (see NoticeRules.notice_type)
    planning: dict[str, Any] = {"documents": [notice]}
    if value:
        planning["budget"] = {"description": entry.title, "amount": value}
    if entry.engagement_date or entry.engagement_details:
        milestone: dict[str, Any] = {"id": "engagement", "type": "engagement",
                                     "title": "Market engagement", "status": "scheduled"}
        if entry.engagement_date:
            milestone["dueDate"] = start(entry.engagement_date)
        if entry.engagement_details:
            milestone["description"] = entry.engagement_details
        planning["milestones"] = [milestone]
    tender: dict[str, Any] = {"id": entry.id, "title": entry.title, "status": entry.status,
                              "procuringEntity": reference}
    # The optional fields in this order, each only when it has a value (no empty fields).
    if entry.description:
        tender["description"] = entry.description
    if value:
        tender["value"] = value
    if entry.procurement_method:
        tender["procurementMethod"] = entry.procurement_method
    if entry.category:
        tender["mainProcurementCategory"] = entry.category
    if entry.cpv:
        # The label is the vocabulary's (English, the only language it has beside the EU's).
        tender["items"] = [{"id": "1", "classification": {
            "scheme": cpv.SCHEME, "id": entry.cpv, "description": cpv.label(entry.cpv)}}]
    if entry.expected_tender_date:
        tender["tenderPeriod"] = {"startDate": start(entry.expected_tender_date)}
        # Where Find a Tender publishes the expected date of the tender notice (the
        # communication extension's "estimated date of publication of the next notice").
        tender["communication"] = {"futureNoticeDate": start(entry.expected_tender_date)}
    if entry.sme_suitable is not None:
        tender["suitability"] = {"sme": entry.sme_suitable}  # the suitability extension
    if entry.expected_award_date:
        # OCDS: awardPeriod.endDate is "the date on which an award decision is due to be
        # finalized" (issue 13 point 4; it was written to startDate before).
        tender["awardPeriod"] = {"endDate": end(entry.expected_award_date)}
    contract = _period(entry.contract_start, entry.contract_end)
    if contract:
        tender["contractPeriod"] = contract
    return {"ocid": ocid_, "id": release_id(ocid_, sequence), "date": published,
            "tag": ["planning" if sequence == 1 else "planningUpdate"],
            "initiationType": "tender", "language": entry.language,
            "parties": [buyer, *joint_parties(entry, buyer["id"])],
            "buyer": reference, "planning": planning, "tender": tender}


def _period(first: date | None, last: date | None) -> dict[str, str] | None:
    period = {}
    if first:
        period["startDate"] = start(first)
    if last:
        period["endDate"] = end(last)
    return period or None
