"""Notice pages drawn and written by a second process while this one goes on with the pass:
the strategy for two cores or more (``publish(processes=2)``, which ``procure publish``
asks for).

Drawing a page and creating its file (or linking the kept one) cost about as much as all
the rest an entry needs, most of it the kernel's file work. So this process only sends each
entry through a pipe, as JSON; the child validates it back into the same entry and hands it
to a :class:`~procurement.pipeline.pages.NoticePages` or
:class:`~procurement.pipeline.pages.KeptPages` of its own, in the same order. Measured with
``benchmarks/bench_publish.py`` on two cores, 100,000 entries with their pages: 14-15 s so,
21-55 s with the pages written in this process (creating files is what varies).

Fork, not spawn: the child starts at once with the program already loaded. Use it only
from a program without threads (the ``procure`` command); the app publishes in-process.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import struct
from multiprocessing.connection import Connection
from pathlib import Path

from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.options import PublishOptions
from procurement.pipeline.pages import KeptPages, NoticePages

_HEADER = struct.Struct("<?HI")  # unchanged, length of the date, length of the entry's JSON
_PIPE_SIZE = 1 << 20  # room for a few hundred entries, so that neither side waits often
_SET_PIPE_SIZE = getattr(fcntl, "F_SETPIPE_SZ", 1031)  # Linux; Python names it from 3.10


class ForkedPages:
    """Every page (kept from ``previous`` where it may be) written by a forked process."""

    def __init__(self, folder: Path, options: PublishOptions, previous: Path | None) -> None:
        context = multiprocessing.get_context("fork")
        receive, send = os.pipe()
        with contextlib.suppress(OSError):  # a smaller pipe only means more waiting
            fcntl.fcntl(send, _SET_PIPE_SIZE, _PIPE_SIZE)
        self._outcome, outcome = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, daemon=True,
                                        args=(receive, send, outcome, folder, options, previous))
        self._process.start()
        os.close(receive)
        outcome.close()
        self._pipe = os.fdopen(send, "wb", buffering=_PIPE_SIZE)

    def page(self, entry: PipelineEntry, changed: str, *, unchanged: bool) -> None:
        date, data = changed.encode("ascii"), entry.model_dump_json().encode("utf-8")
        try:
            self._pipe.write(_HEADER.pack(unchanged, len(date), len(data)) + date + data)
        except BrokenPipeError:  # the child stopped: raise what stopped it
            self.close()
            raise

    def close(self) -> None:
        with contextlib.suppress(BrokenPipeError):
            self._pipe.close()  # the child reads to the end, then reports
        try:
            outcome = self._outcome.recv()
        except EOFError:
            self._process.join()  # its exit code is known only once it has ended
            outcome = RuntimeError(
                f"the process writing the notice pages stopped (exit code "
                f"{self._process.exitcode})")
        self._process.join()
        self._outcome.close()
        if isinstance(outcome, BaseException):
            raise outcome

    def abort(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._outcome.close()
        with contextlib.suppress(OSError):
            self._pipe.close()


def _child(receive: int, send: int, outcome: Connection, folder: Path,
           options: PublishOptions, previous: Path | None) -> None:
    os.close(send)  # the parent's end: only then does the pipe end when the parent's does
    try:
        pages = (NoticePages(folder, options) if previous is None
                 else KeptPages(folder, options, previous))
        count = 0
        with pages, os.fdopen(receive, "rb", buffering=_PIPE_SIZE) as pipe:
            while header := pipe.read(_HEADER.size):
                unchanged, date_length, length = _HEADER.unpack(header)
                changed = pipe.read(date_length).decode("ascii")
                entry = PipelineEntry.model_validate_json(pipe.read(length))
                pages.page(entry, changed, unchanged=unchanged)
                count += 1
        outcome.send(count)
    except BaseException as exc:  # the parent raises it: nothing may be lost silently
        try:
            outcome.send(exc)
        except Exception:  # an error that cannot be pickled still says what it was
            outcome.send(RuntimeError(repr(exc)))
    finally:
        outcome.close()
