"""Publish the pipeline: OCDS release package, CSV, Atom feed and static pages, atomically.

The publication is written in one pass (:mod:`procurement.pipeline.publication`) into a
temporary folder beside ``out``. Only when every entry and every release has passed its
checks is the publish state committed and the folder swapped in; any problem leaves the
previous output and state untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from procurement.errors import OptionError, fail
from procurement.i18n import N_
from procurement.pipeline import releases as ocds
from procurement.pipeline.awards import AwardNotice
from procurement.pipeline.contracts import ContractNotice
from procurement.pipeline.files import SiteFiles
from procurement.pipeline.forked import ForkedPages
from procurement.pipeline.options import PublishOptions, PublishReport, timestamp
from procurement.pipeline.pages import KeptPages, NoticePages, Pages
from procurement.pipeline.publication import Publication
from procurement.pipeline.reuse import reusable_pages, state_key
from procurement.pipeline.sources import EntryFeed
from procurement.pipeline.state import Published, PublishState

__all__ = ["MARKER", "PublishOptions", "PublishReport", "check_options", "publish", "timestamp"]

MARKER = "release-package.json"  # an existing folder holding it is ours to replace


def publish(entries: EntryFeed, out: Path, options: PublishOptions, now: datetime,
            state: PublishState, awards: Iterable[AwardNotice] = (),
            contracts: Iterable[ContractNotice] = (), *, processes: int = 1,
            indicators: Mapping[str, Any] | None = None) -> PublishReport:
    """Publish ``entries`` (and ``awards``, and the ``contracts`` under them) to ``out``;
    raise :class:`InputError` listing every problem, in which case nothing is written.
    ``processes`` > 1 has the notice pages written by a second process (forked: call it so
    only from a program without threads); the pass itself is one, in this process, whatever
    the number. ``indicators`` (the figures of every grouping, computed by the caller:
    :func:`procurement.indicators.table.every_grouping`) adds the indicators page and files."""
    check_options(options, out)
    published = state.read()
    options = replace(options, policy_page=options.policy_text is not None
                      or bool(published.policies), indicators_page=indicators is not None)
    if published.ocid_prefix and published.ocid_prefix != options.ocid_prefix:
        raise OptionError("ocid_prefix", N_("this pipeline was published with {prefix}; releases "
                                            "are never edited, so keep using it"),
                          prefix=published.ocid_prefix)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.publishing-", dir=out.parent))
    folder.chmod(0o755)  # a web server must read it; mkdtemp makes it private
    try:
        # The pages first: a forked writer must not inherit half-written files.
        pages = _pages(folder, out, options, published, processes)
        try:
            with SiteFiles(folder, options, indicators) as files:
                report, policy = Publication(options, published, now, files, pages).run(
                    state, entries, awards, contracts)
        except BaseException:
            if pages is not None:
                pages.abort()
            raise
        if pages is not None:
            pages.close()  # every page written, or the reason why not is raised here
        if report.new_releases or report.awards or report.contracts or policy is not None:
            state.commit(options.ocid_prefix, [files.journal], policy)
        files.journal.unlink()
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


def _pages(folder: Path, out: Path, options: PublishOptions, published: Published,
           processes: int) -> Pages | None:
    """How the notice pages are written: not at all, anew or kept where they may be, and
    here or by a second process."""
    if not options.pages:
        return None
    previous = (reusable_pages(out, state_key(options, published))
                if published.last_date else None)
    if processes > 1:
        return ForkedPages(folder, options, previous)
    if previous is None:
        return NoticePages(folder, options)
    return KeptPages(folder, options, previous)


def _swap(folder: Path, out: Path) -> None:
    """Replace ``out`` by ``folder`` with two renames, so a reader never sees half a site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.previous-{folder.name[-8:]}")
        out.rename(old)
    folder.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
