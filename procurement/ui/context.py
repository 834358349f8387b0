"""The per-session context of the app: database, signed-in user, language."""

from __future__ import annotations

from typing import Any

import streamlit as st

from procurement.i18n import DEFAULT_LANG, LANGS, Lang, Term, tr
from procurement.services.actors import Actor
from procurement.store.db import Database, database_url

ACTOR = "actor"
LANG = "lang"
PROCUREMENT = "procurement_id"


@st.cache_resource(show_spinner=False)
def _database(url: str) -> Database:
    # One engine per database for the whole server (SQLAlchemy engines are thread-safe).
    return Database(url)


def database() -> Database:
    return _database(database_url())


def lang() -> Lang:
    value = st.session_state.get(LANG, DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(msgid: str, /, **params: Any) -> str:
    """``msgid`` in the reader's language (English msgids; see procurement/locale)."""
    return tr(msgid, lang(), **params)


def term(msgid: str) -> str:
    return t(Term(msgid))


def actor() -> Actor | None:
    value = st.session_state.get(ACTOR)
    return value if isinstance(value, Actor) else None


def require_actor() -> Actor:
    """The signed-in user (pages only run for signed-in users; see streamlit_app.py)."""
    who = actor()
    if who is None:
        st.stop()
    assert who is not None
    return who


def sign_in(who: Actor) -> None:
    st.session_state[ACTOR] = who


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        if key != LANG:
            del st.session_state[key]


def selected_procurement() -> int | None:
    value = st.session_state.get(PROCUREMENT)
    return value if isinstance(value, int) else None


def select_procurement(procurement_id: int) -> None:
    st.session_state[PROCUREMENT] = procurement_id
