"""The portfolio's Table 3 maturity over time (ISO 37106:2018 Table 3; 6.6.3 b) asks the city
to review its procurements against the table): per year of review, each design once by its
latest review that year, how many designs rate each row smart; worked out by hand below."""

from __future__ import annotations

from datetime import UTC, datetime

from procurement.design.maturity import (
    DesignRecord,
    by_year,
    latest_per_design,
    maturity_table,
    maturity_view,
)
from procurement.design.rules import RULES, Level


def _levels(smart: set[int], transition: frozenset[int] = frozenset()) -> dict[int, Level]:
    def level(row: int) -> Level:
        return "smart" if row in smart else "transition" if row in transition else "traditional"

    return {row: level(row) for row in RULES}


def _at(year: int, month: int, day: int = 1) -> datetime:
    return datetime(year, month, day, 9, tzinfo=UTC)


# 2025: design A reviewed twice (first 2 rows smart, then rows 1–4), design B once (row 1 and
# row 16 smart, row 2 in transition). 2026: A again with 8 rows smart.
RECORDS = [
    DesignRecord("A", _at(2025, 2), _levels({1, 2})),
    DesignRecord("B", _at(2025, 6), _levels({1, 16}, frozenset({2}))),
    DesignRecord("A", _at(2025, 9), _levels({1, 2, 3, 4})),
    DesignRecord("A", _at(2026, 1), _levels(set(range(1, 9)))),
]


def test_a_design_revised_within_a_year_counts_once_as_it_finally_stood():
    latest = latest_per_design(RECORDS[:3])
    assert [(r.key, r.reviewed_at.month) for r in latest] == [("B", 6), ("A", 9)]


def test_each_year_counts_its_designs_row_by_row():
    first, second = by_year(RECORDS)
    assert (first.period, first.designs, second.period, second.designs) == ("2025", 2, "2026", 1)
    # Row 1: smart in A (September) and in B → 2 of 2. Row 2: smart in A, in transition in B.
    assert first.counts[1] == {"traditional": 0, "transition": 0, "smart": 2}
    assert first.counts[2] == {"traditional": 0, "transition": 1, "smart": 1}
    assert first.counts[3] == {"traditional": 1, "transition": 0, "smart": 1}
    assert first.counts[16] == {"traditional": 1, "transition": 0, "smart": 1}
    assert first.counts[5] == {"traditional": 2, "transition": 0, "smart": 0}
    # Average rows smart per design: A 4, B 2 → 3.0; 2026: A alone, 8.
    assert first.average_smart_rows == 3.0 and second.average_smart_rows == 8.0


def test_the_view_is_plain_data_with_sixteen_rows_per_period():
    view = maturity_view(by_year(RECORDS))
    assert view["source"].startswith("ISO 37106:2018, Table 3")
    first = view["periods"][0]
    assert (first["period"], first["designs"], first["average_smart_rows"]) == ("2025", 2, 3.0)
    assert [r["row"] for r in first["rows"]] == list(range(1, 17))
    assert first["rows"][1] == {"row": 2, "traditional": 0, "transition": 1, "smart": 1}


def test_no_review_no_period():
    assert maturity_view(by_year([])) == {"source": "ISO 37106:2018, Table 3; 6.6.3 b)",
                                          "periods": []}


def test_the_table_reads_smart_of_designs_per_year_in_both_languages():
    view = maturity_view(by_year(RECORDS))
    headers, rows = maturity_table(view, "en")
    assert headers == ["Table 3 row", "2025", "2026"]
    assert rows[0] == ["1. Commissioning", "2 / 2", "1 / 1"]
    assert rows[-1] == ["Rows smart per design, on average", "3.0", "8.0"]
    headers, rows = maturity_table(view, "zh")
    assert headers[0] != "Table 3 row" and not rows[0][0].endswith("Commissioning")
