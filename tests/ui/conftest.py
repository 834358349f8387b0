"""Streamlit AppTest fixtures: the app on a fresh copy of the demo city, as a given user."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from procurement.services import demo, users
from procurement.store.db import Database
from procurement.ui.nav import PAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database(f"sqlite+pysqlite:///{path}")
    demo.build_demo(db)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def city(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A fresh copy of the demo city, which the app under test uses too."""
    path = tmp_path / "city.sqlite"
    shutil.copy(demo_template, path)
    monkeypatch.setenv("PROCUREMENT_DB", str(path))
    monkeypatch.delenv("PROCUREMENT_DATABASE_URL", raising=False)
    db = Database(f"sqlite+pysqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def app(city: Database) -> Callable[..., AppTest]:
    """``app("li.na")`` runs the app signed in as li.na (``None``: signed out)."""

    def start(username: str | None = None, lang: str = "en",
              page: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.session_state["lang"] = lang
        if username is not None:
            at.session_state["actor"] = users.get_actor(city, username)
        at.run()
        if page is not None:
            at.switch_page(PAGES[page][0]).run()
        assert not at.exception, at.exception
        return at

    return start


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: object) -> str:
    """What a reader sees of Markdown the app wrote: user text is sent escaped
    (procurement.ui.text), so the backslashes go and hard line breaks become new lines."""
    text = _ESCAPED.sub(r"\1", str(markdown)).replace("  \n", "\n")
    return text.replace("&nbsp;", " ").replace("\u2060", "")


def texts(at: AppTest) -> str:
    """Everything the page says in markdown, titles, alerts and captions, as a reader sees it."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success",
                 "warning", "error"):
        parts += [shown(element.value) for element in getattr(at, kind)]
    return "\n".join(parts)


def key(name: str, lang: str = "en") -> str:
    """The key of a widget whose options are shown in the reader's language
    (procurement.ui.widgets.widget_key)."""
    return f"{name}_{lang}"
