"""One pass over (a share of) the pipeline: every entry checked, its new release made and
validated, and its rows and page written as part files; and, for a large pipeline, the
shares run in parallel processes (one per core) whose parts are then joined in order.

A pass holds nothing that grows with the pipeline but the ids it has seen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from procurement.errors import Problem
from procurement.pipeline import releases as ocds
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.forked import Forked
from procurement.pipeline.outputs import PartWriter, compact
from procurement.pipeline.profiles import ProfileCheck
from procurement.pipeline.sources import Located
from procurement.pipeline.state import Published, journal_text

if TYPE_CHECKING:
    from procurement.pipeline.publish import PublishOptions


class EntryFeed(Protocol):
    """Entries with where they were read; ``problems`` collects those that were refused."""

    problems: list[Problem]

    def __iter__(self) -> Iterator[Located]: ...

    def split(self, parts: int, min_size: int = 1) -> Sequence[EntryFeed]: ...


@dataclass
class PassResult:
    part: str
    entries: int = 0
    new_releases: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    intentions: int = 0  # rows of the 采购意向 table, numbered from 1 in this part
    uk1_required: int = 0
    uk1_voluntary: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # id → where it was read
    buyers: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Job:
    """A share of the entries, and how to write their notice pages: not at all (``pages``
    false), at once, or ``deferred`` to one process that creates all the files."""

    feed: EntryFeed
    part: str
    pages: bool = True
    deferred: bool = False
    # the previous publication's notice pages, if they may be kept for unchanged entries
    reuse: Path | None = None


def run_pass(job: Job, folder: Path, options: PublishOptions, stamp: str,
             published: Published, today: date) -> PassResult:
    result = PassResult(job.part)
    checker = PackageChecker()
    profile = ProfileCheck(options.profile, today)
    with PartWriter(folder, job.part, options, reuse=job.reuse if job.pages else None,
                    defer_pages=job.pages and job.deferred) as writer:
        for file, row, entry in job.feed:
            where = file if row is None else f"{file}:{row}"
            digest = ocds.entry_hash(entry, options.notice)
            release = _next_release(entry, digest, options, published, stamp, result)
            if release is None and entry.id not in published.last:
                continue  # withdrawn before it was ever published: nothing to announce
            changed = stamp if release else published.last[entry.id][2]
            if job.pages:
                writer.page(entry, changed, unchanged=release is None)
            profile.entry(entry, file, row)
            result.seen.setdefault(entry.id, where)
            if release is not None:
                text = compact(release)
                checker.release(release, where, text)
                writer.new_release(entry.id, journal_text(entry.id, digest, text), release, text)
            result.buyers.add(entry.buyer)
            result.entries += 1
            writer.entry(entry)
    result.intentions = writer.intentions_count
    result.problems = [*job.feed.problems, *profile.errors, *checker.problems]
    result.warnings = profile.warnings
    result.uk1_required, result.uk1_voluntary = profile.required, profile.voluntary
    return result


def _next_release(entry: Any, digest: str, options: PublishOptions, published: Published,
                  stamp: str, result: PassResult) -> dict[str, Any] | None:
    last_hash, sequence, _date = published.last.get(entry.id, ("", 0, ""))
    if entry.status == "withdrawn":
        result.withdrawn += 1
        if not sequence:
            return None
    if digest == last_hash:
        result.unchanged += 1
        return None
    result.new_releases += 1
    return ocds.planning_release(entry, options.notice, sequence + 1, stamp)


def plan(entries: EntryFeed, processes: int, min_share: int, *, pages: bool = True,
         reuse: Path | None = None) -> list[Job]:
    """How to share the work among ``processes``; a shared pipeline's pages are deferred
    (see :mod:`procurement.pipeline.noticefiles`)."""
    shares = entries.split(processes, min_share) if processes > 1 else [entries]
    return [Job(feed, str(index), pages=pages, deferred=pages and len(shares) > 1, reuse=reuse)
            for index, feed in enumerate(shares)]


def deferred(jobs: Sequence[Job]) -> bool:
    return any(job.deferred for job in jobs)


def run_passes(jobs: Sequence[Job], folder: Path, options: PublishOptions, stamp: str,
               published: Published, today: date) -> list[PassResult]:
    """Run the first job here and the others in forked processes, at the same time; return
    their results in order."""
    children = [Forked(run_pass, job, folder, options, stamp, published, today)
                for job in jobs[1:]]
    try:
        results = [run_pass(jobs[0], folder, options, stamp, published, today)]
    except BaseException:
        for child in children:
            child.stop()
        raise
    return results + [child.result() for child in children]
