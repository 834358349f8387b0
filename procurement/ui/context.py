"""The per-session context of the app: database, signed-in user, language."""

from __future__ import annotations

from typing import Any

import streamlit as st

from procurement.i18n import DEFAULT_LANG, LANGS, Lang, Term, tr
from procurement.services.actors import Actor
from procurement.store.db import Database, database_url, shared
from procurement.ui.text import Md, md

ACTOR = "actor"
LANG = "lang"
PROCUREMENT = "procurement_id"
SESSION = "_session_id"  # the sign-in session (procurement.services.sessions) of this browser
# What survives signing out: the language, and the request to remove the session cookie.
_KEPT_AT_SIGN_OUT = (LANG, "_forget_cookie")


def database() -> Database:
    """The database of this server (one engine per database for the whole process)."""
    return shared(database_url())


def choose_first_language() -> None:
    """A new session speaks the language of its link (``?lang=zh``), else the browser's when it
    is Chinese, else English; a choice made in the sidebar is kept in the address."""
    if LANG not in st.session_state:
        asked = st.query_params.get("lang")
        locale = st.context.locale
        browser = "zh" if isinstance(locale, str) and locale.lower().startswith("zh") else "en"
        st.session_state[LANG] = asked if asked in LANGS else browser
    if st.query_params.get("lang") != lang():
        st.query_params["lang"] = lang()


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


def sign_in(who: Actor, session_id: str | None = None) -> None:
    st.session_state[ACTOR] = who
    if session_id is not None:
        st.session_state[SESSION] = session_id


def session_id() -> str | None:
    value = st.session_state.get(SESSION)
    return value if isinstance(value, str) else None


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        if key not in _KEPT_AT_SIGN_OUT:
            del st.session_state[key]


def selected_procurement() -> int | None:
    value = st.session_state.get(PROCUREMENT)
    return value if isinstance(value, int) else None


def select_procurement(procurement_id: int) -> None:
    st.session_state[PROCUREMENT] = procurement_id


def tm(msgid: str, /, **params: Any) -> Md:
    """``msgid`` in the reader's language as Markdown, its parameters shown as plain text
    (see :mod:`procurement.ui.text`)."""
    return md(msgid, lang(), **params)
