"""What a published pipeline notice must say, by the law it follows: the rules each
jurisdiction's notice profile applies to every entry as it streams past (an error where the
data breaks a rule, a warning where only the calendar does: refusing to publish late would not
help suppliers), and what the publication adds for it (a notice type, the 采购意向 table).

The entries are read through :class:`PlannedEntry`, the few fields the rules look at, so that
the jurisdictions need not know the pipeline's own model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol


class PlannedEntry(Protocol):
    @property
    def estimated_value(self) -> Decimal | None: ...

    @property
    def currency(self) -> str | None: ...

    @property
    def expected_tender_date(self) -> date | None: ...

    @property
    def description(self) -> str | None: ...


@dataclass(frozen=True)
class Finding:
    """One rule an entry breaks: on ``column``, a message id and its parameters."""

    column: str | None
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
    error: bool = True


class NoticeRules:
    """Plain OCDS: no rules beyond the schema's, nothing added."""

    # What the planning notice document says it is, in its description (UK1): Find a Tender
    # also sets the UK extension's noticeType, which the package could declare only with the
    # nine extensions it depends on (location, techniques, …), not available offline here.
    notice_type: str | None = None
    intentions = False  # also publish the 采购意向 table (China)

    def __init__(self, today: date) -> None:
        self.today = today
        self.counts: dict[str, int] = {}  # message id of a count → how many (uk1: required)

    def late(self) -> Finding | None:
        """A warning when the notice itself is published late."""
        return None

    def entry(self, entry: PlannedEntry) -> list[Finding]:
        """The rules a (not withdrawn) entry breaks."""
        return []

    def count(self, msgid: str) -> None:
        self.counts[msgid] = self.counts.get(msgid, 0) + 1
