"""Publish the pipeline: OCDS release package, CSV, Atom feed and static pages, atomically.

Passes over the entries (in parallel processes for a large pipeline) write each entry's
rows, page and new release into part files in a temporary folder beside ``out``; the parts
are then joined into the published files, after the releases already published, which are
streamed from the publish state. Only when every entry and every release has passed its
checks is the state committed and the folder swapped in; any problem leaves the previous
output and state untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from procurement.errors import InputError, OptionError, Problem, fail
from procurement.i18n import N_
from procurement.pipeline import releases as ocds
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.forked import Forked
from procurement.pipeline.noticefiles import write_deferred
from procurement.pipeline.outputs import (
    PAGES,
    Part,
    PartWriter,
    assemble,
    compact,
    journals,
    part_path,
    remove_parts,
)
from procurement.pipeline.passes import EntryFeed, PassResult, deferred, plan, run_passes
from procurement.pipeline.policy import version_of
from procurement.pipeline.profiles import ProfileCheck
from procurement.pipeline.reuse import pages_key, reusable_pages, state_key
from procurement.pipeline.state import PolicyVersion, Published, PublishState, journal_text

MARKER = "release-package.json"  # an existing folder holding it is ours to replace
# Below this many entries a second process costs more than it saves.
ENTRIES_PER_PROCESS = 10_000


@dataclass(frozen=True)
class PublishOptions:
    ocid_prefix: str
    profile: ocds.Profile = "ocds"
    base_url: str | None = None
    license: str | None = None
    publisher: str | None = None
    policy_text: str | None = None
    pages: bool = True

    @property
    def notice(self) -> ocds.NoticeOptions:
        return ocds.NoticeOptions(self.ocid_prefix, self.profile, self.base_url, self.pages)


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
            state: PublishState, awards: Iterable[ocds.AwardNotice] = (), *,
            processes: int = 1) -> PublishReport:
    """Publish ``entries`` (and ``awards``) to ``out``; raise :class:`InputError` listing
    every problem, in which case nothing is written. ``processes`` > 1 shares a large
    pipeline among that many processes (forked: call it from a program without threads)."""
    check_options(options, out)
    published = state.read()
    if published.ocid_prefix and published.ocid_prefix != options.ocid_prefix:
        raise OptionError("ocid_prefix", N_("this pipeline was published with {prefix}; releases "
                                            "are never edited, so keep using it"),
                          prefix=published.ocid_prefix)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.publishing-", dir=out.parent))
    folder.chmod(0o755)  # a web server must read it; mkdtemp makes it private
    try:
        (folder / "notices").mkdir()
        report, parts, policy = _build(entries, folder, out, options, now, published, state,
                                       awards, processes)
        if report.new_releases or report.awards or report.policy_changed:
            state.commit(options.ocid_prefix, journals(folder, parts), policy)
        remove_parts(folder)
        if not options.pages:
            (folder / "notices").rmdir()
        _swap(folder, out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report.out = out
    return report


def check_options(options: PublishOptions, out: Path) -> None:
    if not ocds.OCID_PREFIX.match(options.ocid_prefix):
        raise OptionError("ocid_prefix", N_("must be a registered OCDS prefix: ocds- and 6 "
                                            "lowercase letters or digits, such as ocds-213czf"))
    for name, url in (("base_url", options.base_url), ("license", options.license)):
        if url is not None and not url.startswith(("https://", "http://")):
            raise OptionError(name, N_("must be a web address starting with https://"))
    if out.exists() and not out.is_dir():
        raise fail(str(out), N_("is a file; give a folder for the published site"))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise fail(str(out), N_("the folder holds other files and no earlier publication; "
                                "refusing to replace it (give a new or empty folder)"))


def _build(entries: EntryFeed, folder: Path, out: Path, options: PublishOptions,
           now: datetime, published: Published, state: PublishState,
           awards: Iterable[ocds.AwardNotice], processes: int
           ) -> tuple[PublishReport, list[Part], PolicyVersion | None]:
    stamp, today = timestamp(now), now.astimezone(UTC).date()
    reuse = (reusable_pages(out, state_key(options, published))
             if options.pages and published.last_date else None)
    jobs = plan(entries, processes, ENTRIES_PER_PROCESS, pages=options.pages, reuse=reuse)
    results = run_passes(jobs, folder, options, stamp, published, today)
    checker = PackageChecker()
    report = PublishReport(out=folder)
    report.awards = _award_pass(awards, folder, options, published, stamp, checker)
    problems = [p for r in results for p in r.problems] + _duplicates(results) + checker.problems
    if problems:
        raise InputError(problems)
    # The deferred notice pages are created by one process while this one joins the rest.
    pages = Forked(write_deferred, folder, [part_path(folder, r.part, PAGES) for r in results]
                   ) if deferred(jobs) else None
    try:
        report, parts, policy = _join(folder, options, stamp, today, published, state, results,
                                      report, checker)
    except BaseException:
        if pages is not None:
            pages.stop()
        raise
    if pages is not None:
        pages.result()
    return report, parts, policy


def _join(folder: Path, options: PublishOptions, stamp: str, today: date, published: Published,
          state: PublishState, results: list[PassResult], report: PublishReport,
          checker: PackageChecker) -> tuple[PublishReport, list[Part], PolicyVersion | None]:
    """The published files from the parts of the passes."""
    late = ProfileCheck(options.profile, today)
    late.start("--profile")
    report.warnings = late.warnings + [w for r in results for w in r.warnings]
    report.warnings += _missing(published, results)
    for name in ("entries", "new_releases", "unchanged", "withdrawn", "uk1_required",
                 "uk1_voluntary"):
        setattr(report, name, sum(getattr(r, name) for r in results))
    changed = report.new_releases or report.awards
    last_change = stamp if changed else (published.last_date or stamp)
    policies, policy = _policies(options, published, stamp)
    report.policy_changed = policy is not None
    parts = [Part(r.part, r.new_releases, r.intentions) for r in results]
    parts.append(Part("awards", report.awards))
    remove_parts(folder, keep=[part.name for part in parts])
    buyers = set().union(*(r.buyers for r in results))
    total = published.release_count + report.new_releases + report.awards
    key = pages_key(options, total, last_change) if options.pages else None
    report.releases = assemble(folder, options, parts, state.releases(), checker,
                               publisher=options.publisher or _single(buyers),
                               published=last_change, count=report.entries, policies=policies,
                               pages_key=key)
    if checker.problems:
        raise InputError(checker.problems)
    return report, parts, policy


def _award_pass(awards: Iterable[ocds.AwardNotice], folder: Path, options: PublishOptions,
                published: Published, stamp: str, checker: PackageChecker) -> int:
    count = 0
    with PartWriter(folder, "awards", options) as writer:
        for notice in awards:
            key = ocds.award_key(notice.reference)
            digest = ocds.award_hash(notice, options.notice)
            last_hash, sequence, _date = published.last.get(key, ("", 0, ""))
            if digest == last_hash:
                continue
            release = ocds.award_release(notice, options.notice, sequence + 1, stamp)
            text = compact(release)
            checker.release(release, f"award {notice.reference}", text)
            writer.new_release(key, journal_text(key, digest, text), release, text)
            count += 1
    return count


def _policies(options: PublishOptions, published: Published, stamp: str
              ) -> tuple[list[PolicyVersion], PolicyVersion | None]:
    """Every policy version to show, and the new one to record if the text changed."""
    versions = list(published.policies)
    if options.policy_text is None:
        return versions, None
    current = version_of(options.policy_text, stamp)
    if versions and versions[-1].sha256 == current.sha256:
        return versions, None
    return [*versions, current], current


def _duplicates(results: list[PassResult]) -> list[Problem]:
    """Ids read twice by different passes (each pass reports its own)."""
    first: dict[str, str] = {}
    problems = []
    for result in results:
        for entry_id, where in result.seen.items():
            earlier = first.setdefault(entry_id, where)
            if earlier != where:
                file, _, row = where.rpartition(":")
                problems.append(Problem(file if row.isdigit() else where,
                                        N_("duplicate id {id} (first at {first})"),
                                        row=int(row) if row.isdigit() else None, column="id",
                                        params={"id": entry_id, "first": earlier}))
    return problems


def _missing(published: Published, results: list[PassResult]) -> list[Problem]:
    seen = set().union(*(r.seen for r in results))
    gone = sorted(key for key in published.last if not key.startswith("award:") and key not in seen)
    return [Problem(key, N_("was published before and is missing from the source; its notices "
                            "stay published (set status: withdrawn to withdraw it)"))
            for key in gone]


def _single(buyers: set[str]) -> str:
    if len(buyers) == 1:
        return next(iter(buyers))
    raise OptionError("publisher", N_("the pipeline has several buyers (or none); name the "
                                      "publisher"))


def _swap(folder: Path, out: Path) -> None:
    """Replace ``out`` by ``folder`` with two renames, so a reader never sees half a site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.previous-{folder.name[-8:]}")
        out.rename(old)
    folder.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
