"""Shared fixtures: the small test rubric, table writers and rubric factories."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from procurement.rubric import Rubric, load_rubric, parse_rubric

FIXTURES = Path(__file__).parent / "fixtures"

# The suite must not depend on the day it runs: from late December a Chinese procurement's
# periods run into a year chinesecalendar may not have yet, and approving it is refused. The
# tests run with a made-up arrangement for that year, as a city adds the published one
# (PROCUREMENT_CN_CALENDAR, procurement.jurisdictions.cn_calendar); set before any import
# reads it, and inherited by every `procure` the end-to-end tests start.
os.environ.setdefault("PROCUREMENT_CN_CALENDAR", str(FIXTURES / "cn-calendar-test.yaml"))

# Examples are checked for what they assert, not timed: two test workers share two cores,
# and the first example of a test pays for imports.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--require-postgres", action="store_true",
                     help="fail, rather than skip, the PostgreSQL variants when no server is set")
    parser.addoption("--require-browser", action="store_true",
                     help="fail, rather than skip, the browser tests when chromium is missing")
    parser.addoption("--require-libreoffice", action="store_true",
                     help="fail, rather than skip, the PDF tests when LibreOffice is missing")
MINI_RUBRIC = FIXTURES / "mini-rubric.yaml"
MINI_BIDS = FIXTURES / "mini-bids.csv"


@pytest.fixture
def mini_rubric() -> Rubric:
    return load_rubric(MINI_RUBRIC)


@pytest.fixture
def mini_data() -> dict[str, Any]:
    """The mini rubric as plain data, to be changed by a test and parsed again."""
    data: dict[str, Any] = yaml.safe_load(MINI_RUBRIC.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def rubric_from(data: dict[str, Any]) -> Rubric:
    return parse_rubric(yaml.safe_dump(data, allow_unicode=True).encode(), "test-rubric.yaml")


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (first row = header) as a CSV file and return its path."""

    def write(rows: list[list[Any]], name: str = "bids.csv", *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        text = "\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\n"
        path.write_bytes(text.encode(encoding))
        return path

    return write


MINI_HEADER = ["bid_id", "supplier", "sme", "quality", "openness", "eligible", "price"]
