"""Which releases a contract needs in this publication: its ``contract`` release when its
terms are new or changed, then its ``implementation`` release when payments, measurements or
milestones are new or changed (:mod:`.contracts` for the keys and hashes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from procurement.pipeline.contract_releases import (
    contract_hashed,
    contract_part,
    contract_tag,
    implementation_part,
    implementation_tag,
    release,
)
from procurement.pipeline.contracts import (
    CONTRACT,
    IMPLEMENTATION,
    ContractNotice,
    digest,
    state_key,
)
from procurement.pipeline.releases import Release


@dataclass(frozen=True)
class NewRelease:
    key: str
    digest: str
    release: Release


def new_releases(notice: ContractNotice, ocid_prefix: str, today: date,
                 last: Mapping[str, tuple[str, int, str]],
                 previous: Mapping[str, dict[str, Any]],
                 date_for: Callable[[str], str]) -> Iterator[NewRelease]:
    """The releases ``notice`` needs, in date order: ``last`` is the state's (hash, sequence,
    date) of each key, ``previous`` the contract part of each contract's last release, and
    ``date_for(reference)`` the date of the procurement's next release."""
    contract = contract_part(notice, today)
    key = state_key(CONTRACT, notice)
    hashed = digest(contract_hashed(contract), ocid_prefix)
    last_hash, sequence, _date = last.get(key, ("", 0, ""))
    if hashed != last_hash:
        tag = contract_tag(sequence + 1, contract, previous.get(key))
        yield NewRelease(key, hashed, release(notice, CONTRACT, contract, tag, ocid_prefix,
                                              sequence + 1, date_for(notice.reference)))
    implementation = implementation_part(notice)
    if implementation is None:
        return
    key = state_key(IMPLEMENTATION, notice)
    progress = [{k: m[k] for k in ("id", "status", "dateMet") if k in m}
                for m in implementation.get("milestones", [])]
    hashed = digest([implementation.get("implementation"), progress], ocid_prefix)
    last_hash, sequence, _date = last.get(key, ("", 0, ""))
    if hashed != last_hash:
        yield NewRelease(key, hashed, release(
            notice, IMPLEMENTATION, implementation, implementation_tag(sequence + 1),
            ocid_prefix, sequence + 1, date_for(notice.reference)))
