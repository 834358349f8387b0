"""The portfolio's Table 3 maturity over time, from the design reviews the city recorded.

ISO 37106 Table 3 describes each of its 16 rows from traditional to smart; 6.6.3 b) asks the
city to review its procurements against it. A city that records each design's review can see
whether its procurements are becoming smarter: per year, the designs reviewed that year (each
design once, by its latest review of the year, so that a design revised three times in a
year counts once, as it finally stood), how many of them each row rates smart, in
transition or traditional, and the average number of rows smart per design.

A design is known by its reference, else by its title (``DesignRecord.key``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from procurement.design.rules import LEVELS, RULES, Level
from procurement.design.table3 import load_table3
from procurement.i18n import N_, Lang, tr

SOURCE = "ISO 37106:2018, Table 3; 6.6.3 b)"


@dataclass(frozen=True)
class DesignRecord:
    """One recorded review: which design, when, and the level of each Table 3 row."""

    key: str
    reviewed_at: datetime
    levels: Mapping[int, Level]


@dataclass(frozen=True)
class PeriodMaturity:
    """The designs reviewed in one period, row by row."""

    period: str
    designs: int
    counts: Mapping[int, Mapping[Level, int]]  # row → level → how many designs

    @property
    def average_smart_rows(self) -> float:
        """Rows smart per design, on average (0–16)."""
        return sum(c["smart"] for c in self.counts.values()) / self.designs


def latest_per_design(records: Iterable[DesignRecord]) -> list[DesignRecord]:
    """Each design's latest review among ``records`` (a tie keeps the later one given)."""
    latest: dict[str, DesignRecord] = {}
    for record in records:
        kept = latest.get(record.key)
        if kept is None or record.reviewed_at >= kept.reviewed_at:
            latest[record.key] = record
    return sorted(latest.values(), key=lambda r: (r.reviewed_at, r.key))


def maturity_of(period: str, designs: list[DesignRecord]) -> PeriodMaturity:
    """The row-by-row counts of ``designs`` (one period's latest reviews, at least one)."""
    counts = {row: dict.fromkeys(LEVELS, 0) for row in sorted(RULES)}
    for record in designs:
        for row in counts:
            counts[row][record.levels.get(row, "traditional")] += 1
    return PeriodMaturity(period, len(designs), counts)


def by_year(records: Iterable[DesignRecord]) -> list[PeriodMaturity]:
    """The portfolio's maturity per calendar year of review, oldest first."""
    years: dict[str, list[DesignRecord]] = {}
    for record in records:
        years.setdefault(str(record.reviewed_at.year), []).append(record)
    return [maturity_of(year, latest_per_design(years[year])) for year in sorted(years)]


def maturity_view(periods: Iterable[PeriodMaturity]) -> dict[str, Any]:
    """Plain data (the ``maturity`` object of ``procure indicators DB --json``)."""
    return {
        "source": SOURCE,
        "periods": [{
            "period": p.period,
            "designs": p.designs,
            "average_smart_rows": round(p.average_smart_rows, 2),
            "rows": [{"row": row, **dict(levels)} for row, levels in p.counts.items()],
        } for p in periods],
    }


def maturity_table(view: dict[str, Any], lang: Lang) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the maturity as people read it: each Table 3 row, then per period
    "smart of designs" (``2 / 3``); the last row is the average of rows smart per design."""
    table = load_table3()
    periods = view["periods"]
    headers = [tr(N_("Table 3 row"), lang)] + [p["period"] for p in periods]
    rows = [[f"{number}. {table.row(number).name.get(lang)}"]
            + [f"{p['rows'][number - 1]['smart']} / {p['designs']}" for p in periods]
            for number in sorted(RULES)]
    rows.append([tr(N_("Rows smart per design, on average"), lang)]
                + [f"{p['average_smart_rows']:.1f}" for p in periods])
    return headers, rows
