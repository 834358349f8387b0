"""One publication, written in one pass: the releases published before, as they were; then
each entry, whose new release (if it changed) is made, checked and written once, with its
rows and its page; then the awards and the contracts under them; then the files that sum the pass up.

Nothing held grows with the pipeline but the ids seen and the buyers named. Problems are
collected as they are found and raised together at the end of the pass, before anything is
committed; the caller throws the folder away then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from procurement.errors import InputError, OptionError, Problem
from procurement.i18n import N_
from procurement.pipeline import planning
from procurement.pipeline import releases as ocds
from procurement.pipeline.awards import AwardNotice, award_hash, award_key, award_release
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.contract_stages import new_releases
from procurement.pipeline.contracts import (
    CONTRACT,
    ContractNotice,
    is_contract_key,
    latest_by_procurement,
)
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.files import SiteFiles, compact, package_header
from procurement.pipeline.options import PublishOptions, PublishReport, timestamp
from procurement.pipeline.pages import Pages
from procurement.pipeline.policy import version_of
from procurement.pipeline.profiles import ProfileCheck
from procurement.pipeline.reuse import pages_key
from procurement.pipeline.sources import EntryFeed
from procurement.pipeline.state import PolicyVersion, Published, PublishState


class Publication:
    """The pass over one publication's inputs, into ``files`` and ``pages`` (``None``
    without notice pages)."""

    def __init__(self, options: PublishOptions, published: Published, now: datetime,
                 files: SiteFiles, pages: Pages | None) -> None:
        self.options, self.published, self.files, self.pages = options, published, files, pages
        self.notice = options.notice  # built once: every entry's hash and release use it
        self.stamp = timestamp(now)
        self.report = PublishReport(out=files.folder)
        self.checker = PackageChecker()
        self.profile = ProfileCheck(options.profile, now.astimezone(UTC).date())
        self.profile.start("--profile")
        self.seen: set[str] = set()
        self.buyers: set[str] = set()
        self.withdrawn_listed = 0
        self.latest = self.stamp  # the latest date of a release made by this publication
        self.today = now.astimezone(UTC).date()  # a contract past its end is terminated
        # The date of each awarded procurement's latest release (award or contract): its
        # next is later. And the contract part of each contract's last contract release.
        self.procurements = latest_by_procurement(published.last)
        self.contracts: dict[str, dict[str, Any]] = {}

    def _date(self, previous: str) -> str:
        """This publication's time, or a second after the ocid's previous release: releases of
        one ocid must be ordered by date, or a compiled record depends on input order (the
        clock, or SOURCE_DATE_EPOCH, may not have moved on since)."""
        date = ocds.release_date(self.stamp, previous)
        self.latest = max(self.latest, date)
        return date

    def _procurement_date(self, reference: str) -> str:
        """The date of the next release under an awarded procurement's ocid."""
        date = self._date(self.procurements.get(reference, ""))
        self.procurements[reference] = date
        return date

    def run(self, state: PublishState, entries: EntryFeed, awards: Iterable[AwardNotice],
            contracts: Iterable[ContractNotice] = ()
            ) -> tuple[PublishReport, PolicyVersion | None]:
        """Write the publication; return what it did and the policy version to record."""
        for key, release in state.releases():
            # Checked when it was made, and never edited since: written as it is.
            self.files.release(key, release, compact(release))
            if key.startswith(f"{CONTRACT}:"):
                self.contracts[key] = release["contracts"][0]
        for file, row, entry in entries:
            self.entry(file, row, entry)
        for notice in awards:
            self.award(notice)
        for contract in contracts:
            self.contract(contract)
        problems = [*entries.problems, *self.profile.errors, *self.checker.problems]
        if problems:
            raise InputError(problems)
        return self.finish()

    def entry(self, file: str, row: int | None, entry: PipelineEntry) -> None:
        digest = planning.entry_hash(entry, self.notice)
        last = self.published.last.get(entry.id)
        release = self._next_release(entry, digest, last)
        if release is not None:
            changed = release["date"]
        elif last is not None:
            changed = last[2]  # the date of its last release, which the page shows
        else:
            return  # withdrawn before it was ever published: nothing to announce
        if self.pages is not None:
            self.pages.page(entry, changed, unchanged=release is None)
        self.profile.entry(entry, file, row)
        self.seen.add(entry.id)
        if release is not None:
            text = compact(release)
            self.checker.release(release, file if row is None else f"{file}:{row}")
            self.files.new_release(entry.id, digest, release, text)
        self.buyers.add(entry.buyer)
        self.report.entries += 1
        if entry.status == "withdrawn":
            self.withdrawn_listed += 1  # listed as withdrawn, not counted as planned
        self.files.entry(entry)

    def _next_release(self, entry: PipelineEntry, digest: str,
                      last: tuple[str, int, str] | None) -> ocds.Release | None:
        last_hash, sequence, _date = last or ("", 0, "")
        if entry.status == "withdrawn":
            self.report.withdrawn += 1
            if not sequence:
                return None
        if digest == last_hash:
            self.report.unchanged += 1
            return None
        self.report.new_releases += 1
        return planning.planning_release(entry, self.notice, sequence + 1, self._date(_date))

    def award(self, notice: AwardNotice) -> None:
        key = award_key(notice.reference)
        digest = award_hash(notice, self.notice)
        last_hash, sequence, _date = self.published.last.get(key, ("", 0, ""))
        if digest == last_hash:
            return
        release = award_release(notice, self.notice, sequence + 1,
                                self._procurement_date(notice.reference))
        text = compact(release)
        self.checker.release(release, f"award {notice.reference}")
        self.files.new_release(key, digest, release, text)
        self.report.awards += 1

    def contract(self, notice: ContractNotice) -> None:
        """The contract's new ``contract`` and ``implementation`` releases, if any."""
        for new in new_releases(notice, self.notice.ocid_prefix, self.today, self.published.last,
                                self.contracts, self._procurement_date):
            self.checker.release(new.release, new.key)
            self.files.new_release(new.key, new.digest, new.release, compact(new.release))
            self.report.contracts += 1

    def finish(self) -> tuple[PublishReport, PolicyVersion | None]:
        """The files that need the whole pass: the heads of the package, feed and pages."""
        report, published, options = self.report, self.published, self.options
        report.warnings = [*self.profile.warnings, *self._missing()]
        report.counts = dict(self.profile.counts)
        changed = report.new_releases or report.awards or report.contracts
        last_change = self.latest if changed else (published.last_date or self.stamp)
        policies, policy = self._policies()
        report.policy_changed = policy is not None
        header = package_header(options, options.publisher or _single(self.buyers), last_change,
                                awards=self.files.awards, contracts=self.files.contracts)
        if self.files.first is None:
            raise InputError([Problem("release-package.json",
                                      N_("nothing to publish: the pipeline has no entries"))])
        self.checker.package(header, self.files.first)
        if self.checker.problems:
            raise InputError(self.checker.problems)
        total = published.release_count + report.new_releases + report.awards + report.contracts
        key = pages_key(options, total, last_change) if options.pages else None
        self.files.finish(header, report.entries - self.withdrawn_listed, policies, key)
        report.releases = self.files.releases
        return report, policy

    def _policies(self) -> tuple[list[PolicyVersion], PolicyVersion | None]:
        """Every policy version to show, and the new one to record if the text changed."""
        versions = list(self.published.policies)
        if self.options.policy_text is None:
            return versions, None
        current = version_of(self.options.policy_text, self.stamp)
        if versions and versions[-1].sha256 == current.sha256:
            return versions, None
        return [*versions, current], current

    def _missing(self) -> list[Problem]:
        gone = sorted(key for key in self.published.last
                      if not key.startswith("award:") and not is_contract_key(key)
                      and key not in self.seen)
        return [Problem(key, N_("was published before and is missing from the source; its "
                                "notices stay published (set status: withdrawn to withdraw it)"))
                for key in gone]


def _single(buyers: set[str]) -> str:
    if len(buyers) == 1:
        return next(iter(buyers))
    raise OptionError("publisher", N_("the pipeline has several buyers (or none); name the "
                                      "publisher"))
