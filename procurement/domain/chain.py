"""What checking the audit chain found: a value the documents print and the pages show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a check of the chain: ``problem`` is (message id, parameters) or None."""

    entries: int
    head_hash: str
    first_bad: int | None = None
    problem: tuple[str, dict[str, Any]] | None = None
    checked_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    @property
    def ok(self) -> bool:
        return self.problem is None
