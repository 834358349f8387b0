"""OCDS 1.1.5 releases for pipeline notices and awards, as plain JSON-ready dicts.

A pipeline entry becomes a planning release: ``tender.status`` ``planning``/``planned`` (or
``withdrawn``), the buyer in ``parties``, ``planning.budget`` and a ``plannedProcurementNotice``
document (OCDS 1.1.5 releaseTag and documentType codelists; standard docs/examples/planning.json).
Dates from a day-only source become ``T00:00:00Z`` for starts and ``T23:59:59Z`` for ends
(OCDS 1.1 schema reference: dates need a time and an offset).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from procurement.jurisdictions import NOTICE_RULES, orgid
from procurement.jurisdictions.notices import NoticeRules
from procurement.pipeline import cpv
from procurement.pipeline.entry import PipelineEntry
from procurement.vocabulary import NoticeProfile

Profile = Literal["ocds", "uk1", "cn"]
OCID_PREFIX = re.compile(r"^ocds-[a-z0-9]{6}$")
_SLUG = re.compile(r"[^a-z0-9]+")

Release = dict[str, Any]


@dataclass(frozen=True)
class NoticeOptions:
    """What a publish run adds to every notice besides the entry itself."""

    ocid_prefix: str
    profile: Profile = "ocds"
    base_url: str | None = None

    pages: bool = True  # one page per notice, or only the index

    @property
    def rules(self) -> type[NoticeRules]:
        """What the profile's law adds to a notice (its type, the 采购意向 table)."""
        return NOTICE_RULES[NoticeProfile(self.profile)]

    def notice_page(self, entry_id: str) -> str:
        """Where the notice is shown, relative to the site."""
        return f"notices/{entry_id}.html" if self.pages else f"index.html#{entry_id}"

    def notice_url(self, entry_id: str) -> str | None:
        return f"{self.base_url}/{self.notice_page(entry_id)}" if self.base_url else None


def ocid(prefix: str, internal_id: str) -> str:
    return f"{prefix}-{internal_id}"


def release_id(ocid_: str, sequence: int) -> str:
    # Never reused: the sequence only grows, and releases are never edited.
    return f"{ocid_}-{sequence:02d}"


_STAMP = "%Y-%m-%dT%H:%M:%SZ"  # every release date, as options.timestamp writes it


def release_date(now: str, previous: str) -> str:
    """The date of a new release of an ocid whose previous release is dated ``previous``
    ("" if none): ``now``, or one second after ``previous`` if ``now`` is not later. OCDS
    merges an ocid's releases in date order (1.1.5, "Merging": "releases are ordered by date"),
    so two releases of one ocid with the same date compile differently by input order."""
    if not previous or now > previous:
        return now
    later = datetime.strptime(previous, _STAMP).replace(tzinfo=UTC) + timedelta(seconds=1)
    return later.strftime(_STAMP)


def start(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def end(day: date) -> str:
    return f"{day.isoformat()}T23:59:59Z"


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


def party_id(name: str, identifier: str | None, role: str = "buyer") -> str:
    """The identifier when known (an org-id such as GB-COH-01234567), else one made from the
    name, stable across publications."""
    if identifier:
        return identifier
    return f"{role}-" + (_SLUG.sub("-", name.lower()).strip("-")
                       or hashlib.sha256(name.encode("utf-8")).hexdigest()[:12])


def buyer_party(name: str, identifier: str | None, email: str | None = None,
                roles: tuple[str, ...] = ("buyer", "procuringEntity")) -> dict[str, Any]:
    party: dict[str, Any] = {"id": party_id(name, identifier), "name": name}
    if identifier:
        try:
            scheme, value = orgid.split(identifier)
        except orgid.IdentifierProblem:
            pass  # recorded before identifiers were checked: its own id, no scheme claimed
        else:
            party["identifier"] = {"scheme": scheme.code, "id": value, "legalName": name}
    if email:
        party["contactPoint"] = {"email": email}
    party["roles"] = list(roles)
    return party


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


def amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


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
