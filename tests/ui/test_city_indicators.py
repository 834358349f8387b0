"""The city indicators page, run directly (it is not in the navigation yet), on the demo city
as the tests' other pages are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from streamlit.testing.v1 import AppTest

from procurement.indicators import table
from procurement.services import indicators, users
from procurement.store.db import Database

PAGE = Path(__file__).resolve().parents[2] / "app_pages" / "city_indicators.py"


def _page(city: Database, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["actor"] = users.get_actor(city, "li.na")
    return at.run()


def test_page_shows_the_indicators_and_charts(city: Database) -> None:
    at = _page(city)
    assert not at.exception, at.exception
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Procedures"] == "1" and metrics["HHI"] == "10,000"
    assert metrics["Single-bid rate"] == "0.0 %"
    assert len(at.get("vega_lite_chart")) == 5  # four indicators, and the Table 3 maturity
    maturity = at.dataframe[-1].value
    assert list(maturity.columns) == ["Table 3 row", "2025", "2026"]
    assert list(maturity.iloc[-1]) == ["Rows smart per design, on average", "3.0", "13.0"]
    downloads = {cast(Any, b).label for b in at.get("download_button")}
    assert downloads == {"Indicators (CSV)", "Indicators (JSON)"}
    at.radio(key="indicators_by").set_value("buyer").run()
    assert not at.exception and len(at.dataframe) == 2  # the groups, and the maturity


def test_page_in_chinese_runs(city: Database) -> None:
    at = _page(city, "zh")
    assert not at.exception, at.exception
    assert "全市采购方案的表3成熟度" in [s.value for s in at.subheader]
    assert at.dataframe[-1].value.columns[0] == "表3 行"


def test_without_design_reviews_the_page_says_so(city: Database) -> None:
    from sqlalchemy import delete

    from procurement.store.rows import DesignReviewRow

    with city.write() as session:
        session.execute(delete(DesignReviewRow))
    at = _page(city)
    assert not at.exception, at.exception
    assert "No design review recorded yet." in [i.value for i in at.info]
    assert len(at.get("vega_lite_chart")) == 4


def test_the_numbers_download_as_csv_and_json(city: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str | None, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def load(self: Any, data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        files[filename] = data if isinstance(data, bytes) else str(data).encode()
        return keep(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load)
    at = _page(city)
    at.radio(key="indicators_by").set_value("buyer").run()
    assert not at.exception, at.exception
    downloads = [d.proto for d in at.get("download_button")]
    assert [d.label for d in downloads] == ["Indicators (CSV)", "Indicators (JSON)"]
    assert all(d.icon == ":material/download:" for d in downloads)
    # The same numbers as procure indicators DB --by buyer (--json, --csv).
    expected = indicators.of_database(city, "buyer")
    assert json.loads(files["indicators-by-buyer.json"]) == expected
    assert files["indicators-by-buyer.csv"] == table.csv_text(expected).encode("utf-8")
