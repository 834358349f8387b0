"""What every OCDS 1.1.5 release the toolkit makes shares (the planning release of a pipeline
entry, in :mod:`.planning`; an award's, in :mod:`.awards`; a contract's, in
:mod:`.contract_releases`): the options a notice is made with, ocids and release ids, release
dates, the parties, amounts.

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


def amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
