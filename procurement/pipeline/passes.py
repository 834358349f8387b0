"""One pass over (a share of) the pipeline: every entry checked, its new release made and
validated, and its rows and page written as part files; and, for a large pipeline, the
shares run in parallel processes (one per core) whose parts are then joined in order.

A pass holds nothing that grows with the pipeline but the ids it has seen.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from procurement.errors import Problem
from procurement.pipeline import releases as ocds
from procurement.pipeline.checks import PackageChecker
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
    """A share of the entries, and what to write for them: the rows and releases (``core``),
    the notice pages (``pages``), or both."""

    feed: EntryFeed
    part: str
    core: bool = True
    pages: bool = True
    # the previous publication's notice pages, if they may be kept for unchanged entries
    reuse: Path | None = None


def run_pass(job: Job, folder: Path, options: PublishOptions, stamp: str,
             published: Published, today: date) -> PassResult:
    result = PassResult(job.part)
    checker = PackageChecker()
    profile = ProfileCheck(options.profile, today)
    with PartWriter(folder, job.part, options, reuse=job.reuse if job.pages else None
                    ) as writer:
        for file, row, entry in job.feed:
            where = file if row is None else f"{file}:{row}"
            digest = ocds.entry_hash(entry, options.notice)
            release = _next_release(entry, digest, options, published, stamp, result)
            if release is None and entry.id not in published.last:
                continue  # withdrawn before it was ever published: nothing to announce
            changed = stamp if release else published.last[entry.id][2]
            if job.pages:
                writer.page(entry, changed, unchanged=release is None)
            if not job.core:
                continue
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
    """How to share the work among ``processes``. Creating files does not run in parallel
    on one file system (measured: two processes creating 50,000 files each take longer than
    one creating all 100,000), so one process writes every notice page while the others
    share the rest of the work."""
    if processes < 2:
        return [Job(entries, "0", pages=pages, reuse=reuse)]
    if not pages:
        return [Job(feed, str(index), pages=False)
                for index, feed in enumerate(entries.split(processes, min_share))]
    cores = entries.split(processes - 1, min_share)
    if len(cores) == 1 and len(entries.split(2, min_share)) == 1:
        return [Job(entries, "0", reuse=reuse)]  # too small to be worth a second process
    jobs = [Job(feed, str(index), pages=False) for index, feed in enumerate(cores)]
    return [*jobs, Job(entries.split(1)[0], "pages", core=False, reuse=reuse)]


def run_passes(jobs: Sequence[Job], folder: Path, options: PublishOptions, stamp: str,
               published: Published, today: date) -> list[PassResult]:
    """Run the first job here and the others in forked processes, at the same time; return
    the results of the jobs that write the rows and releases, in order."""
    if len(jobs) == 1:
        return [run_pass(jobs[0], folder, options, stamp, published, today)]
    # fork: a child starts with the source already read and the state already summarised,
    # so nothing large is copied to it; only its small result comes back.
    context = multiprocessing.get_context("fork")
    children = []
    for job in jobs[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, daemon=True, args=(
            send, job, folder, options, stamp, published, today))
        child.start()
        send.close()
        children.append((child, receive))
    results = [run_pass(jobs[0], folder, options, stamp, published, today)]
    for child, receive in children:
        try:
            outcome = receive.recv()
        except EOFError:
            outcome = RuntimeError(f"a publishing process stopped (exit code {child.exitcode})")
        child.join()
        if isinstance(outcome, BaseException):
            raise outcome
        results.append(outcome)
    return [result for job, result in zip(jobs, results, strict=True) if job.core]


def _child(send: Any, job: Job, folder: Path, options: PublishOptions, stamp: str,
           published: Published, today: date) -> None:
    try:
        send.send(run_pass(job, folder, options, stamp, published, today))
    except BaseException as exc:  # the parent re-raises it: nothing may be lost silently
        send.send(exc)
    finally:
        send.close()
