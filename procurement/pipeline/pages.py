"""The notice pages: one file a notice in ``notices/``, drawn and written as the entries
stream past.

Strategies behind one interface, :class:`Pages`: :class:`NoticePages` writes every page
anew; :class:`KeptPages` keeps the previous publication's page of an unchanged entry as a
hard link, when :mod:`procurement.pipeline.reuse` says nothing the page shows can have
changed (creating and then freeing 100,000 small files is most of the cost of publishing an
unchanged pipeline again, and linking them is several times cheaper); and
:class:`procurement.pipeline.forked.ForkedPages` does either in a second process. The
figures that decided them are in ``benchmarks/bench_publish.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Protocol

from procurement.pipeline import site
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.options import PublishOptions
from procurement.pipeline.releases import ocid


class Pages(Protocol):
    def page(self, entry: PipelineEntry, changed: str, *, unchanged: bool) -> None:
        """``entry``'s page; ``changed`` is the date of its last release, and ``unchanged``
        says that release was published before."""

    def close(self) -> None:
        """Once every page is given: return when they are all written, or raise why not."""

    def abort(self) -> None:
        """The pages are no longer wanted (the publication failed): stop at once."""


class NoticePages:
    """Every notice page written as a new file."""

    def __init__(self, folder: Path, options: PublishOptions) -> None:
        self.options = options
        (folder / "notices").mkdir()
        # Opened once, and pages opened relative to it: no path to resolve 100,000 times.
        self._notices = os.open(folder / "notices", os.O_RDONLY)
        self._frames: dict[tuple[str, str], site.Frame] = {}

    def __enter__(self) -> NoticePages:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        os.close(self._notices)

    def abort(self) -> None:
        self.close()

    def page(self, entry: PipelineEntry, changed: str, *, unchanged: bool) -> None:
        self.write(entry, changed)

    def write(self, entry: PipelineEntry, changed: str) -> None:
        publisher = self.options.publisher or entry.buyer
        frame = self._frames.get((publisher, changed))
        if frame is None:  # a handful of buyers and dates: the same frames, over and over
            frame = self._frames[publisher, changed] = site.Frame(
                publisher, changed, self.options.license, "../feed.atom",
                self.options.rules.intentions, self.options.policy_page,
                self.options.indicators_page)
        page = site.notice_page(entry, ocid(self.options.ocid_prefix, entry.id), frame)
        write_file(self._notices, f"{entry.id}.html", page.encode("utf-8"))


class KeptPages(NoticePages):
    """Pages of unchanged entries kept from the ``previous`` publication's notices folder;
    the others written anew."""

    def __init__(self, folder: Path, options: PublishOptions, previous: Path) -> None:
        super().__init__(folder, options)
        try:
            self._previous = os.open(previous, os.O_RDONLY)
        except BaseException:
            super().close()
            raise

    def close(self) -> None:
        os.close(self._previous)
        super().close()

    def page(self, entry: PipelineEntry, changed: str, *, unchanged: bool) -> None:
        if not (unchanged and self._keep(f"{entry.id}.html")):
            self.write(entry, changed)

    def _keep(self, name: str) -> bool:
        """False if the page cannot be kept: not there, or no hard links on this file
        system (then it is written, as any other)."""
        try:
            os.link(name, name, src_dir_fd=self._previous, dst_dir_fd=self._notices,
                    follow_symlinks=False)
        except OSError:
            return False
        return True


def write_file(directory: int, name: str, data: bytes) -> None:
    # Never through an existing name: it may be a page kept from the published site by a
    # hard link, and writing into it would change that site, which must stay untouched.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        handle = os.open(name, flags, 0o644, dir_fd=directory)
    except FileExistsError:
        os.unlink(name, dir_fd=directory)
        handle = os.open(name, flags, 0o644, dir_fd=directory)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)
