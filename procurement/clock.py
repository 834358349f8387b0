"""The time the toolkit records and compares against, in one place, so that tests can set it
and the demo city can have a history (``with clock.at(moment): ...``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

_travel: list[datetime] = []  # while set, now() starts here and moves a second per call


def now() -> datetime:
    if _travel:
        moment = _travel[-1]
        _travel[-1] = moment + timedelta(seconds=1)
        return moment
    return datetime.now(UTC)


def today() -> date:
    return now().date()


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    """Record what happens inside as happening from ``moment`` on (one second per recorded
    step, so that the order of events stays the order of their times)."""
    _travel.append(moment)
    try:
        yield
    finally:
        _travel.pop()


def publication_time() -> datetime:
    """When published files say they were made: now, or ``SOURCE_DATE_EPOCH`` when set
    (the reproducible-builds convention, so that a rebuild gives byte-identical files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return now()
