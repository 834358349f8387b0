"""Working-day arithmetic for standstill periods (UK Procurement Act 2023 s.51: 8 working
days; ProZorro and EU remedies periods count days likewise)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

SATURDAY = 5


def add_working_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """Return the date ``days`` working days after ``start`` (weekends and ``holidays``
    skipped; ``start`` itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if current.weekday() < SATURDAY and current not in holidays:
            remaining -= 1
    return current
