"""A function run in a forked process, whose result (or exception) comes back to the parent.

Fork, not spawn: the child starts with what the parent has already read and summarised, so
nothing large is copied to it; only its small result comes back through a pipe. Call it
only from a program without threads (the ``procure`` command).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    def __init__(self, target: Callable[..., T], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(send, target, args), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        """Wait for the child; return what it returned, or raise what it raised."""
        try:
            outcome = self._receive.recv()
        except EOFError:
            self._process.join()  # its exit code is known only once it has ended
            outcome = RuntimeError(
                f"a publishing process stopped (exit code {self._process.exitcode})")
        self._process.join()
        self._receive.close()
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the child, when its work is no longer wanted."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _child(send: Any, target: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        send.send(target(*args))
    except BaseException as exc:  # the parent re-raises it: nothing may be lost silently
        send.send(exc)
    finally:
        send.close()
