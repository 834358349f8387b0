"""A long serialisation in two halves on two cores: the second half made by a forked child.

Serialising 100,000 ranked bids as JSON is pure Python work that one core does in about
a second (issue 12's target for ``procure score --json`` leaves it half of that). Fork, not
spawn or a pool: the child starts at once with the data already in its memory, and hands
back only bytes, through an unnamed temporary file. Any failure in the child (or a machine
with one core, or no fork) and the parent makes that half itself: the result is the same.

Use it from the command line only, in a process without threads that take locks the child
would need.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable

_CHILD_FAILED = 70  # EX_SOFTWARE


def in_two_halves(make: Callable[[int, int], bytes], count: int, *,
                  minimum: int = 20_000) -> list[bytes]:
    """``[make(0, half), make(half, count)]``, the second made by a forked child when
    ``count`` is at least ``minimum`` and the machine has two cores; else ``[make(0, count)]``."""
    if count < minimum or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return [make(0, count)]
    half = count // 2
    sys.stdout.flush()
    sys.stderr.flush()
    with tempfile.TemporaryFile() as second:
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child, which never returns
            status = _CHILD_FAILED
            try:
                second.write(make(half, count))
                second.flush()
                status = 0
            finally:
                os._exit(status)
        first = make(0, half)
        _, status = os.waitpid(child, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return [first, make(half, count)]
        second.seek(0)
        return [first, second.read()]
