"""The OCDS extensions the published data uses: declared in the package by their public URL,
and applied to the release schema for validation, offline.

An extension's ``release-schema.json`` is a JSON Merge Patch (RFC 7386) onto the core release
schema (OCDS 1.1.5, "Extensions"). The copies in ``schemas/extensions/`` are the official
files, unchanged, at the commit each URL below names (``schemas/extensions/SOURCES.txt``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from procurement.paths import shipped_dir
from procurement.vocabulary import NoticeProfile

_RAW = "https://raw.githubusercontent.com"


@dataclass(frozen=True)
class Extension:
    folder: str  # under schemas/extensions/
    repository: str  # owner/name on GitHub
    ref: str  # the tag or commit the copy was taken at

    @property
    def url(self) -> str:
        """The public ``extension.json`` a package declares."""
        return f"{_RAW}/{self.repository}/{self.ref}/extension.json"


SUITABILITY = Extension("ocds_suitability_extension",
                        "open-contracting-extensions/ocds_suitability_extension",
                        "271f51cef1160e66d8952a7e683f1d8375efcc95")
COMMUNICATION = Extension("ocds_communication_extension",
                          "open-contracting-extensions/ocds_communication_extension",
                          "57a1567a85b9480ca10210fabbdbbbea5378f3f9")
BID = Extension("ocds_bid_extension", "open-contracting-extensions/ocds_bid_extension", "v1.1.5")
SCALE = Extension("ocds_partyDetails_scale_extension",
                  "open-contracting-extensions/ocds_partyDetails_scale_extension",
                  "152cd9fb74e021e537b17d84420615acf7dec032")
LOTS = Extension("ocds_lots_extension", "open-contracting-extensions/ocds_lots_extension",
                 "v1.1.5")
AWARD_CRITERIA = Extension("ocds_awardCriteriaBreakdown_extension",
                           "open-contracting-extensions/ocds_awardCriteriaBreakdown_extension",
                           "9391240f353e8536992938fe9f7987cd89235331")
METRICS = Extension("ocds_metrics_extension",
                     "open-contracting-extensions/ocds_metrics_extension", "v1.1")
PLANNING = (SUITABILITY, COMMUNICATION)
AWARDS = (BID, SCALE, LOTS, AWARD_CRITERIA)  # bid statistics, tenderers' scale, criteria on lots
CONTRACTS = (METRICS,)  # a contract's KPIs: agreed targets and each period's measurement
ALL = (*PLANNING, *AWARDS, *CONTRACTS)  # every extension a package may declare


def declared(profile: NoticeProfile | str, *, awards: bool = False,
             contracts: bool = False) -> list[Extension]:
    """The extensions a planning package of ``profile`` uses: SME suitability and the date of
    the next notice (Find a Tender publishes both), whatever the profile. Not the UK
    extension: it can be declared only with the nine extensions it depends on, and the Data
    Review Tool cannot read it without them (tested: every field then reads as additional).
    With ``awards``, those the award releases use (:mod:`.awards`); with ``contracts``, those
    the contract and implementation releases use (:mod:`.contract_releases`)."""
    del profile  # the same for every profile, for now
    return [*PLANNING, *(AWARDS if awards else ()), *(CONTRACTS if contracts else ())]


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 section 2: a patch object's members replace the target's, recursively; a
    null member removes one; anything else replaces the target whole."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def release_schema(core: dict[str, Any], extensions: tuple[Extension, ...] = ALL
                   ) -> dict[str, Any]:
    """The core release schema with ``extensions`` applied, in order. A reference to a
    definition no applied extension defines (an extension's optional dependency) accepts any
    value, rather than making the schema unusable."""
    schema = core
    for extension in extensions:
        schema = merge_patch(schema, _patch(extension.folder))
    known = set(schema.get("definitions", {}))
    closed: dict[str, Any] = _close_dangling(schema, known)
    return closed


@cache
def _patch(folder: str) -> dict[str, Any]:
    path = shipped_dir("schemas") / "extensions" / folder / "release-schema.json"
    with path.open(encoding="utf-8") as handle:
        patch: dict[str, Any] = json.load(handle)
    return patch


_DEFINITION = re.compile(r"^#/definitions/([^/]+)$")


def _close_dangling(value: Any, known: set[str]) -> Any:
    if isinstance(value, dict):
        found = _DEFINITION.match(str(value.get("$ref", "")))
        if found and found[1] not in known:
            return {key: item for key, item in value.items() if key != "$ref"}
        return {key: _close_dangling(item, known) for key, item in value.items()}
    if isinstance(value, list):
        return [_close_dangling(item, known) for item in value]
    return value
