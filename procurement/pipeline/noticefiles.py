"""The notice pages as files in ``notices/``: kept from the previous publication, written
at once, or deferred and written later by one process.

Creating files does not run in parallel on one file system (measured here: two processes
creating 50,000 files each in one folder took 30 s, one process creating all 100,000 took
5 s), while drawing the pages does. So when a pipeline is shared among processes, each one
draws its pages into a part file (``.part-N.pages``: a name and a page after another) and a
single process creates the files from the parts, while the main process joins the other
outputs. Hard links (keeping a page) do run in parallel, so they are made at once.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

_HEADER = struct.Struct("<HI")  # length of the name, length of the page


class NoticeFiles:
    """The notice pages of one pass."""

    def __init__(self, folder: Path, *, reuse: Path | None = None,
                 deferred: Path | None = None) -> None:
        # Opened once, and pages opened relative to them: no path to resolve 100,000 times.
        self._notices = os.open(folder / "notices", os.O_RDONLY)
        self._previous = os.open(reuse, os.O_RDONLY) if reuse is not None else None
        self._deferred: BinaryIO | None = deferred.open("wb") if deferred is not None else None

    def __enter__(self) -> NoticeFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        os.close(self._notices)
        if self._previous is not None:
            os.close(self._previous)
        if self._deferred is not None:
            self._deferred.close()

    def keep(self, name: str) -> bool:
        """Keep the previous publication's page ``name`` (a hard link); False if it cannot
        be kept (no previous pages, not there, or no hard links on this file system)."""
        if self._previous is None:
            return False
        try:
            os.link(name, name, src_dir_fd=self._previous, dst_dir_fd=self._notices,
                    follow_symlinks=False)
        except OSError:
            return False
        return True

    def write(self, name: str, page: str) -> None:
        data = page.encode("utf-8")
        if self._deferred is None:
            write_file(self._notices, name, data)
            return
        encoded = name.encode("utf-8")
        self._deferred.write(_HEADER.pack(len(encoded), len(data)) + encoded + data)


def write_file(directory: int, name: str, data: bytes) -> None:
    # Never through an existing name: it may be a page kept from the published site by a
    # hard link (a duplicate id writes a page twice), and that site must stay untouched.
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


def deferred_pages(path: Path) -> Iterator[tuple[str, bytes]]:
    with path.open("rb") as part:
        while header := part.read(_HEADER.size):
            name_length, page_length = _HEADER.unpack(header)
            name = part.read(name_length).decode("utf-8")
            yield name, part.read(page_length)


def write_deferred(folder: Path, parts: list[Path]) -> int:
    """Create the pages deferred in ``parts``, in order; return how many."""
    directory = os.open(folder / "notices", os.O_RDONLY)
    count = 0
    try:
        for path in parts:
            for name, data in deferred_pages(path):
                write_file(directory, name, data)
                count += 1
    finally:
        os.close(directory)
    return count
