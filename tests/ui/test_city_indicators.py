"""The city indicators page, run directly (it is not in the navigation yet), on the demo city
as the tests' other pages are."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from streamlit.testing.v1 import AppTest

from procurement.services import users
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
