"""The time services record and compare against, in one place so that tests can set it."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def publication_time() -> datetime:
    """When published files say they were made: now, or ``SOURCE_DATE_EPOCH`` when set
    (the reproducible-builds convention, so that a rebuild gives byte-identical files)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return now()
