"""What a publication is asked to do and what it did: plain values, below every other
publishing module, so that each can name them without importing the machinery (an import
of :mod:`procurement.pipeline.publish` for a type is what once made a circle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from procurement.errors import Problem
from procurement.jurisdictions.notices import NoticeRules
from procurement.pipeline.releases import NoticeOptions, Profile


@dataclass(frozen=True)
class PublishOptions:
    ocid_prefix: str
    profile: Profile = "ocds"
    base_url: str | None = None
    license: str | None = None
    publisher: str | None = None
    policy_text: str | None = None
    pages: bool = True
    # Whether the site has a policy page (this policy or one published before): only then do
    # the pages and the package link to policy.html. Set by publish() from the state.
    policy_page: bool = False
    # Whether the site has the indicators page (indicators.html, .json, .csv): only then do
    # the pages link to it. Set by publish() from the indicators it is given.
    indicators_page: bool = False

    @property
    def rules(self) -> type[NoticeRules]:
        return self.notice.rules

    @property
    def notice(self) -> NoticeOptions:
        return NoticeOptions(self.ocid_prefix, self.profile, self.base_url, self.pages)


@dataclass
class PublishReport:
    out: Path
    entries: int = 0
    new_releases: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    awards: int = 0
    contracts: int = 0  # contract and implementation releases
    releases: int = 0
    policy_changed: bool = False
    warnings: list[Problem] = field(default_factory=list)
    # What the notice profile counted, message id → number (uk1: the contracts s.93 requires
    # and those listed voluntarily).
    counts: dict[str, int] = field(default_factory=dict)


def timestamp(now: datetime) -> str:
    """The publication time as every release and page shows it (UTC, to the second)."""
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
