"""Validate releases against the official OCDS 1.1.5 schema with the extensions the package
declares (:mod:`.extensions`), offline, plus the Data Review
Tool's own checks (lib-cove-ocds): ocid prefix format, unique ``ocid`` + ``id``, and no empty
strings, objects or arrays.

The schema files are shipped unchanged with their licence (``schemas/ocds-1.1.5``). The
package schema refers to the release schema by its canonical URL; registering the local copy
under that URL keeps validation offline. jsonschema-rs validates a release in a few
microseconds, which is what lets a 100,000-entry pipeline be checked on every publish.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from procurement.errors import Problem, field_path
from procurement.i18n import N_
from procurement.paths import shipped_dir
from procurement.pipeline import extensions
from procurement.pipeline.releases import OCID_PREFIX

SCHEMA_BASE = "https://standard.open-contracting.org/schema/1__1__5/"
PACKAGE = "release-package.json"
_BMP = 0x10000  # Python's whitespace lies in it (tested), and searching it takes milliseconds
MAX_PROBLEMS = 200  # enough to fix a file; stops a systematic error from flooding memory


def schema_dir() -> Path:
    return shipped_dir("schemas") / "ocds-1.1.5"


def load_schema(name: str) -> dict[str, Any]:
    with (schema_dir() / name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def release_schema() -> dict[str, Any]:
    """The 1.1.5 release schema with every extension the publisher uses applied."""
    return extensions.release_schema(load_schema("release-schema.json"))


@cache
def release_validator() -> jsonschema_rs.Draft4Validator:
    return jsonschema_rs.Draft4Validator(release_schema(), validate_formats=True)


@cache
def screening_validator() -> jsonschema_rs.Draft4Validator:
    """The release schema with the review tool's "no empty value" rule added as schema
    keywords: for a valid release (nearly every one) a single call into Rust answers both
    checks, and only a release it refuses goes through the exact checks that name the
    fields. A string is blank when it has no character outside Python's whitespace (what
    ``str.strip`` removes), spelt out because the regex ``\\s`` knows other characters."""
    schema = json.loads(json.dumps(release_schema()))  # a copy: the cached one stays as is
    blank = "".join(f"\\u{code:04x}" for code in range(_BMP) if chr(code).isspace())
    schema["definitions"]["procureFilled"] = {
        "minProperties": 1, "minItems": 1, "pattern": f"[^{blank}]",
        "additionalProperties": {"$ref": "#/definitions/procureFilled"},
        "items": {"$ref": "#/definitions/procureFilled"}}
    schema["allOf"] = [{"$ref": "#/definitions/procureFilled"}]
    return jsonschema_rs.Draft4Validator(schema, validate_formats=True)


@cache
def package_validator() -> jsonschema_rs.Draft4Validator:
    registry = jsonschema_rs.Registry([(SCHEMA_BASE + "release-schema.json",
                                        release_schema())])
    return jsonschema_rs.Draft4Validator(load_schema("release-package-schema.json"),
                                         validate_formats=True, registry=registry)


def empty_fields(value: Any, path: str = "") -> Iterator[str]:
    """Paths of empty strings, objects and arrays (the review tool's ``empty_field`` check)."""
    if isinstance(value, dict):
        if not value:
            yield path
        for key, item in value.items():
            yield from empty_fields(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        if not value:
            yield path
        for index, item in enumerate(value):
            yield from empty_fields(item, f"{path}[{index}]")
    elif isinstance(value, str) and not value.strip():
        yield path


@dataclass
class PackageChecker:
    """Checks every release of a package as it is streamed out, remembering only ids."""

    problems: list[Problem] = field(default_factory=list)
    _ids: set[tuple[str, str]] = field(default_factory=set)

    def release(self, release: dict[str, Any], entry: str) -> None:
        """Check one release."""
        if len(self.problems) >= MAX_PROBLEMS:
            return
        screened = screening_validator().is_valid(release)
        if not screened:
            for error in release_validator().iter_errors(release):
                self._add(entry, field_path(error.instance_path),
                          N_("not valid OCDS 1.1.5 ({detail})"), detail=error.message)
        ocid = str(release.get("ocid", ""))
        if not OCID_PREFIX.match(ocid[:11]):
            self._add(entry, "ocid", N_("the ocid must start with a registered prefix "
                                        "ocds-xxxxxx (6 lowercase letters or digits)"))
        key = (ocid, str(release.get("id", "")))
        if key in self._ids:
            self._add(entry, "id", N_("release {id} appears twice for {ocid}"),
                      id=key[1], ocid=ocid)
        self._ids.add(key)
        if not screened:
            for path in empty_fields(release):
                self._add(entry, path, N_("empty value (leave the field out instead)"))

    def package(self, header: dict[str, Any], first_release: dict[str, Any]) -> None:
        """The package's own fields, checked with the official package schema."""
        for error in package_validator().iter_errors({**header, "releases": [first_release]}):
            where = field_path(error.instance_path)
            if not where.startswith("releases"):
                self._add(PACKAGE, where, N_("not valid OCDS 1.1.5 ({detail})"),
                          detail=error.message)
        for path in empty_fields(header):
            self._add(PACKAGE, path, N_("empty value (leave the field out instead)"))

    def _add(self, entry: str, path: str, msgid: str, **params: Any) -> None:
        # ``entry`` names where the user fixes it: the entry's file and row, or "package".
        self.problems.append(Problem(entry, msgid, field=path or None, params=params))
