"""Publish the pipeline: OCDS release package, CSV, Atom feed and static pages, atomically.

One pass over the entries writes the per-entry outputs and a journal of new releases into a
temporary folder beside ``out``; the package and the feed are then streamed from the publish
state plus the journal, so memory stays flat however long the pipeline. Only when every
entry and every release has passed its checks is the state committed and the folder swapped
in; any problem leaves the previous output and state untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from procurement.errors import InputError, Problem, fail
from procurement.i18n import N_
from procurement.pipeline import releases as ocds
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.outputs import OutputFiles, compact
from procurement.pipeline.profiles import ProfileCheck
from procurement.pipeline.sources import Located
from procurement.pipeline.state import PolicyVersion, Published, PublishState, journal_text

MARKER = "release-package.json"  # an existing folder holding it is ours to replace
JOURNAL = ".journal.jsonl"  # this run's new releases, committed to the state at the end


class EntryFeed(Protocol):
    """Entries with where they were read; ``problems`` collects those that were refused."""

    problems: list[Problem]

    def __iter__(self) -> Iterator[Located]: ...


@dataclass(frozen=True)
class PublishOptions:
    ocid_prefix: str
    profile: ocds.Profile = "ocds"
    base_url: str | None = None
    license: str | None = None
    publisher: str | None = None
    policy_text: str | None = None

    @property
    def notice(self) -> ocds.NoticeOptions:
        return ocds.NoticeOptions(self.ocid_prefix, self.profile, self.base_url)


@dataclass
class PublishReport:
    out: Path
    entries: int = 0
    new_releases: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    awards: int = 0
    releases: int = 0
    policy_changed: bool = False
    warnings: list[Problem] = field(default_factory=list)
    uk1_required: int = 0
    uk1_voluntary: int = 0


def timestamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def publish(entries: EntryFeed, out: Path, options: PublishOptions, now: datetime,
            state: PublishState, awards: Iterable[ocds.AwardNotice] = ()) -> PublishReport:
    """Publish ``entries`` (and ``awards``) to ``out``; raise :class:`InputError` listing
    every problem, in which case nothing is written."""
    check_options(options, out)
    published = state.read()
    if published.ocid_prefix and published.ocid_prefix != options.ocid_prefix:
        raise fail("--ocid-prefix", N_("this pipeline was published with {prefix}; releases are "
                                       "never edited, so keep using it"),
                   prefix=published.ocid_prefix)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.publishing-", dir=out.parent))
    folder.chmod(0o755)  # a web server must read it; mkdtemp makes it private
    try:
        report, policy = _build(entries, folder, options, now, published, state, awards)
        journal = folder / JOURNAL
        if report.new_releases or report.awards or report.policy_changed:
            state.commit(options.ocid_prefix, journal, policy)
        journal.unlink()
        _swap(folder, out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report.out = out
    return report


def check_options(options: PublishOptions, out: Path) -> None:
    if not ocds.OCID_PREFIX.match(options.ocid_prefix):
        raise fail("--ocid-prefix", N_("must be a registered OCDS prefix: ocds- and 6 lowercase "
                                       "letters or digits, such as ocds-213czf"))
    for name, url in (("--base-url", options.base_url), ("--license", options.license)):
        if url is not None and not url.startswith(("https://", "http://")):
            raise fail(name, N_("must be a web address starting with https://"))
    if out.exists() and not out.is_dir():
        raise fail(str(out), N_("is a file; give a folder for the published site"))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise fail(str(out), N_("the folder holds other files and no earlier publication; "
                                "refusing to replace it (give a new or empty folder)"))


def _build(entries: EntryFeed, folder: Path, options: PublishOptions, now: datetime,
           published: Published, state: PublishState, awards: Iterable[ocds.AwardNotice]
           ) -> tuple[PublishReport, PolicyVersion | None]:
    stamp = timestamp(now)
    report = PublishReport(out=folder)
    checker = PackageChecker()
    profile = ProfileCheck(options.profile, now.astimezone(UTC).date())
    profile.start("--profile")
    files = OutputFiles(folder, options)
    buyers: set[str] = set()
    seen: set[str] = set()
    with (folder / JOURNAL).open("w", encoding="utf-8") as journal:

        def record(key: str, digest: str, release: dict[str, Any], where: str) -> None:
            text = compact(release)
            checker.release(release, where, text)
            journal.write(journal_text(key, digest, text))
            files.new_release(key, release, text)

        for file, row, entry in entries:
            profile.entry(entry, file, row)
            seen.add(entry.id)
            digest = ocds.entry_hash(entry, options.notice)
            release = _next_release(entry, digest, options, published, stamp, report)
            if release is None and entry.id not in published.last:
                continue  # withdrawn before it was ever published: nothing to announce
            if release is not None:
                record(entry.id, digest, release, file if row is None else f"{file}:{row}")
            buyers.add(entry.buyer)
            report.entries += 1
            files.entry(entry, stamp if release else published.last[entry.id][2])
        for notice in awards:
            digest = ocds.award_hash(notice, options.notice)
            release = _next_award(notice, digest, options, published, stamp)
            if release is not None:
                record(ocds.award_key(notice.reference), digest, release,
                       f"award {notice.reference}")
                report.awards += 1
    problems = [*entries.problems, *profile.errors, *checker.problems]
    if problems:
        raise InputError(problems)
    report.warnings += profile.warnings + _missing(published, seen)
    report.uk1_required, report.uk1_voluntary = profile.required, profile.voluntary
    changed = report.new_releases or report.awards
    last_change = stamp if changed else (published.last_date or stamp)
    policy = files.policy(published.policies, stamp)
    report.policy_changed = policy is not None
    publisher = options.publisher or _single(buyers)
    report.releases = files.finish(state.releases(), checker, publisher=publisher,
                                   published=last_change)
    if checker.problems:
        raise InputError(checker.problems)
    return report, policy


def _next_release(entry: PipelineEntry, digest: str, options: PublishOptions,
                  published: Published, stamp: str, report: PublishReport
                  ) -> dict[str, Any] | None:
    last_hash, sequence, _date = published.last.get(entry.id, ("", 0, ""))
    if entry.status == "withdrawn":
        report.withdrawn += 1
        if not sequence:
            return None
    if digest == last_hash:
        report.unchanged += 1
        return None
    report.new_releases += 1
    return ocds.planning_release(entry, options.notice, sequence + 1, stamp)


def _next_award(notice: ocds.AwardNotice, digest: str, options: PublishOptions,
                published: Published, stamp: str) -> dict[str, Any] | None:
    last_hash, sequence, _date = published.last.get(ocds.award_key(notice.reference),
                                                    ("", 0, ""))
    if digest == last_hash:
        return None
    return ocds.award_release(notice, options.notice, sequence + 1, stamp)


def _missing(published: Published, seen: set[str]) -> list[Problem]:
    gone = sorted(key for key in published.last if not key.startswith("award:") and key not in seen)
    return [Problem(key, N_("was published before and is missing from the source; its notices "
                            "stay published (set status: withdrawn to withdraw it)"))
            for key in gone]


def _single(buyers: set[str]) -> str:
    if len(buyers) == 1:
        return next(iter(buyers))
    raise fail("--publisher", N_("the pipeline has several buyers (or none); name the publisher"))


def _swap(folder: Path, out: Path) -> None:
    """Replace ``out`` by ``folder`` with two renames, so a reader never sees half a site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.previous-{folder.name[-8:]}")
        out.rename(old)
    folder.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
