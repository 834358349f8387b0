"""The indicators as one table (procure indicators --csv, the site's indicators.csv): the
overall row first, then a row per group, the figures as the JSON has them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from procurement.indicators import report, table
from tests.unit.indicators import dataset


@pytest.fixture
def lines(tmp_path: Path) -> Path:
    path = tmp_path / "releases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    return path


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff") and "\r\n" in text  # as pipeline.csv: BOM, CRLF
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_one_row_overall_and_one_per_group(lines: Path) -> None:
    result = report.compute(lines, "buyer")
    rows = _read(table.csv_text(result))
    assert list(rows[0]) == list(table.COLUMNS)
    assert table.COLUMNS[:4] == ("grouping", "key", "procedures", "competitive_procedures")
    assert [(r["grouping"], r["key"]) for r in rows] == [
        ("overall", ""), *(("buyer", g["key"]) for g in result["groups"])]
    overall = rows[0]
    assert float(overall["single_bid_rate"]) == pytest.approx(1 / 3)  # 0-1, as in the JSON
    assert float(overall["hhi"]) == pytest.approx(4305.56, abs=0.01)
    assert overall["procedures"] == "4" and overall["suppliers"] == "3"
    for row, group in zip(rows[1:], result["groups"], strict=True):
        assert row["procedures"] == str(group["procedures"])


def test_a_figure_without_a_value_is_an_empty_cell_and_a_formula_is_defused() -> None:
    nothing = {"procedures": 0, "competitive_procedures": 0, "single_bid_rate": None,
               "suppliers": 0}
    result = {"overall": nothing, "by": "buyer",
              "groups": [{"key": "=HYPERLINK(\"http://x\")", **nothing},
                         {"key": "<script>alert(1)</script>", **nothing}]}
    rows = _read(table.csv_text(result))
    assert rows[0]["single_bid_rate"] == "" and rows[0]["hhi"] == ""
    assert rows[1]["key"] == "'=HYPERLINK(\"http://x\")"
    assert rows[2]["key"] == "<script>alert(1)</script>"  # text in a CSV: nothing to escape


def test_every_grouping_is_the_published_json_and_reads_back_as_a_table() -> None:
    overall = {"procedures": 2}
    groups = {"buyer": [{"key": "B", "procedures": 2}], "year": [{"key": "2025", "procedures": 2}]}
    combined = table.every_grouping(overall, groups)
    assert combined == {"overall": overall, "by_buyer": groups["buyer"], "by_cpv": [],
                        "by_year": groups["year"]}
    assert table.groupings(combined) == {"buyer": groups["buyer"], "cpv": [],
                                         "year": groups["year"]}
    assert [(r[0], r[1]) for r in table.rows(combined)] == [
        ("overall", ""), ("buyer", "B"), ("year", "2025")]
