"""What has been published, kept beside the source so that releases are never edited.

The state is JSON Lines (git-friendly: a publish only appends lines): a header naming the
ocid prefix, then every release ever published with the entry it came from and that entry's
hash, and every published version of the procurement policy. Publishing again compares each
entry's hash with the last one published: unchanged entries add nothing, a changed entry adds
exactly one release under the same ocid.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson

from procurement.errors import fail
from procurement.i18n import N_

FORMAT = 1


@dataclass(frozen=True)
class PolicyVersion:
    date: str
    sha256: str
    text: str


@dataclass
class Published:
    """The state summarised: enough to decide what is new without holding the releases."""

    ocid_prefix: str | None = None
    # key → (hash, sequence, date) of the last release published for each entry
    last: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    last_date: str | None = None
    policies: list[PolicyVersion] = field(default_factory=list)

    @property
    def release_count(self) -> int:
        return sum(sequence for _hash, sequence, _date in self.last.values())


class PublishState(Protocol):
    """Where the releases already published are kept (a file beside the source, or a
    database table when the pipeline lives in the database)."""

    def read(self) -> Published: ...

    def releases(self) -> Iterator[tuple[str, dict[str, Any]]]: ...

    def commit(self, ocid_prefix: str, journals: list[Path],
               policy: PolicyVersion | None) -> None: ...


def summarise(items: Iterable[dict[str, Any]]) -> Published:
    """What a state's items say has been published."""
    published = Published()
    for item in items:
        kind = item["kind"]
        if kind == "header":
            published.ocid_prefix = item["ocid_prefix"]
        elif kind == "release":
            release = item["release"]
            _hash, sequence, _date = published.last.get(item["entry"], ("", 0, ""))
            published.last[item["entry"]] = (item["hash"], sequence + 1, release["date"])
            published.last_date = max(published.last_date or "", release["date"])
        elif kind == "policy":
            published.policies.append(PolicyVersion(item["date"], item["sha256"], item["text"]))
    return published


def releases_in(items: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in items:
        if item["kind"] == "release":
            yield item["entry"], item["release"]


def header_item(ocid_prefix: str) -> dict[str, Any]:
    return {"kind": "header", "format": FORMAT, "ocid_prefix": ocid_prefix}


def policy_item(policy: PolicyVersion) -> dict[str, Any]:
    return {"kind": "policy", "date": policy.date, "sha256": policy.sha256, "text": policy.text}


def journal_text(key: str, digest: str, release_json: str) -> str:
    """One state line for a release already serialised as compact JSON."""
    return (f'{{"kind":"release","entry":{json.dumps(key, ensure_ascii=False)},'
            f'"hash":"{digest}","release":{release_json}}}\n')


def read_journals(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                yield orjson.loads(line)


@dataclass
class FileState:
    """The state as ``<source>.published.jsonl`` (or a path the user gives)."""

    path: Path

    @classmethod
    def beside(cls, source: Path) -> FileState:
        return cls(source.with_name(source.name + ".published.jsonl"))

    def _items(self) -> Iterator[tuple[int, dict[str, Any]]]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                try:
                    item = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise fail(str(self.path), N_("line {line}: damaged publish state ({reason})"),
                               line=number, reason=exc.msg) from exc
                if not isinstance(item, dict) or "kind" not in item:
                    raise fail(str(self.path), N_("line {line}: damaged publish state ({reason})"),
                               line=number, reason="no kind")
                yield number, item

    def read(self) -> Published:
        return summarise(item for _number, item in self._items())

    def releases(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return releases_in(item for _number, item in self._items())

    def commit(self, ocid_prefix: str, journals: list[Path],
               policy: PolicyVersion | None) -> None:
        """Append the journals of new releases (and a new policy version) atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                if self.path.exists():
                    with self.path.open(encoding="utf-8") as old:
                        shutil.copyfileobj(old, out)
                else:
                    out.write(json.dumps(header_item(ocid_prefix)) + "\n")
                for journal in journals:
                    with journal.open(encoding="utf-8") as new:
                        shutil.copyfileobj(new, out)
                if policy is not None:
                    out.write(json.dumps(policy_item(policy), ensure_ascii=False) + "\n")
            Path(temporary).chmod(0o644)  # mkstemp makes it private; it is public data
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
