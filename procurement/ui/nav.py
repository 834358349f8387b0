"""Which pages each role sees, in sections by stage; the sidebar; and the sign-in session
(a refresh or a link keeps the user signed in, see :mod:`procurement.services.sessions`).
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from procurement.errors import ProcurementError
from procurement.i18n import N_, language_names
from procurement.labels import ROLES
from procurement.services import sessions, users
from procurement.services.actors import Actor
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.text import plain

# page id → (file, title, icon)
PAGES = {
    "home": ("app_pages/home.py", N_("Home"), ":material/home:"),
    "procurement": ("app_pages/overview.py", N_("Procurement"), ":material/folder_open:"),
    "new_procurement": ("app_pages/new_procurement.py", N_("New procurement"),
                        ":material/add_circle:"),
    "design_review": ("app_pages/design_review.py", N_("Design review"), ":material/checklist:"),
    "pipeline": ("app_pages/pipeline.py", N_("Pipeline"), ":material/event_upcoming:"),
    "rubrics": ("app_pages/rubrics.py", N_("Rubrics"), ":material/rule:"),
    "bids": ("app_pages/bids.py", N_("Bids"), ":material/inbox:"),
    "score": ("app_pages/score.py", N_("Score"), ":material/edit_square:"),
    "moderate": ("app_pages/moderate.py", N_("Moderate"), ":material/balance:"),
    "results": ("app_pages/results.py", N_("Results"), ":material/leaderboard:"),
    "award": ("app_pages/award.py", N_("Award"), ":material/how_to_reg:"),
    "audit": ("app_pages/audit.py", N_("Audit log"), ":material/fact_check:"),
    "documents": ("app_pages/documents.py", N_("Documents"), ":material/description:"),
    "contract": ("app_pages/contract.py", N_("Contract"), ":material/handshake:"),
    "city_joint": ("app_pages/city_joint.py", N_("Joint procurement"), ":material/join:"),
    "city_indicators": ("app_pages/city_indicators.py", N_("City indicators"),
                        ":material/monitoring:"),
}
ROLE_PAGES = {
    "lead": ("home", "procurement", "new_procurement", "design_review", "pipeline", "bids",
             "moderate", "results", "award", "contract", "documents", "audit", "rubrics",
             "city_joint", "city_indicators"),
    "evaluator": ("home", "score", "rubrics"),
    "approver": ("home", "procurement", "design_review", "pipeline", "results", "award",
                 "contract", "documents", "audit", "rubrics", "city_joint", "city_indicators"),
    "observer": ("home", "procurement", "pipeline", "award", "contract", "documents", "audit",
                 "rubrics", "city_joint", "city_indicators"),
    "contract_manager": ("home", "procurement", "award", "contract", "documents", "audit",
                         "rubrics"),
}
# The stages of the work, in the order it is done; a role sees the sections it has pages in.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("home",)),
    (N_("Plan"), ("pipeline", "design_review", "rubrics", "new_procurement")),
    (N_("Evaluate"), ("procurement", "bids", "score", "moderate", "results")),
    (N_("Award and record"), ("award", "contract", "documents", "audit")),
    (N_("City"), ("city_joint", "city_indicators")),
)
SIGN_IN = ("app_pages/sign_in.py", N_("Sign in"), ":material/login:")
_TICKET = "_ticket"  # a sign-in's one-time ticket, for the browser to exchange for its cookie
_FORGET = "_forget_cookie"


def pages() -> dict[str, list[Any]]:
    """The pages of the signed-in user's role by section. Signed out: the sign-in page, and
    every page hidden, so that a link to one shows the sign-in form there (each page asks
    for a signed-in user) and opens the page once the reader has signed in."""
    who = context.actor()
    if who is None:
        path, title, icon = SIGN_IN
        return {"": [st.Page(path, title=t(title), icon=icon, default=True),
                     *(st.Page(file, title=t(name), icon=symbol, visibility="hidden")
                       for page_id, (file, name, symbol) in PAGES.items() if page_id != "home")]}
    allowed = ROLE_PAGES[who.role]
    sections: dict[str, list[Any]] = {}
    for title, ids in SECTIONS:
        mine = [p for p in ids if p in allowed]
        if mine:
            sections[t(title) if title else ""] = [
                st.Page(PAGES[p][0], title=t(PAGES[p][1]), icon=PAGES[p][2], default=p == "home")
                for p in mine]
    return sections


def sidebar() -> None:
    with st.sidebar:
        names = language_names()
        st.segmented_control("Language · 语言", list(names), key=context.LANG,
                             format_func=lambda code: names[code], required=True)
        who = context.actor()
        if who is not None:
            st.markdown(f":material/person: **{plain(who.display_name)}**  \n"
                        f"{plain(t(ROLES[who.role]))} · {plain(who.username)}")
            if st.button(t("Sign out"), icon=":material/logout:"):
                sign_out()
        _cookie_scripts()


def signed_in(who: Actor) -> None:
    """Sign ``who`` in for this browser: a session, and its ticket for the cookie."""
    started = sessions.start(context.database(), who)
    context.sign_in(who, started.session_id)
    st.session_state[_TICKET] = started.ticket


def sign_out() -> None:
    session_id = context.session_id()
    if session_id is not None:
        sessions.end(context.database(), session_id)
    context.sign_out()
    st.session_state[_FORGET] = True
    if oidc_configured() and st.user.is_logged_in:
        st.logout()
    st.rerun()


def resume_session() -> None:
    """Keep this browser signed in while its session lasts (a refresh, a link), and sign it
    out once the session is revoked or expired."""
    db = context.database()
    if context.actor() is not None:
        session_id = context.session_id()
        if session_id is not None and not sessions.still_valid(db, session_id):
            context.sign_out()
        return
    found = sessions.resume(db, st.context.cookies.get(sessions.COOKIE))
    if found is not None:
        context.sign_in(found[1], found[0])


def _cookie_scripts() -> None:
    """Hand the browser its session cookie after a sign-in, or remove it after sign-out. The
    cookie is set by the server (HttpOnly): the page only forwards the one-time ticket."""
    base = "/" + str(st.get_option("server.baseUrlPath") or "").strip("/")
    base = base.rstrip("/")
    ticket = st.session_state.pop(_TICKET, None)
    if ticket:
        st.html(f"<script>fetch({json.dumps(base + '/_procure/session')}, {{method: 'POST', "
                f"body: {json.dumps(ticket)}, credentials: 'same-origin'}});</script>",
                unsafe_allow_javascript=True)
    if st.session_state.pop(_FORGET, None):
        st.html(f"<script>fetch({json.dumps(base + '/_procure/session/end')}, {{method: 'POST', "
                f"credentials: 'same-origin'}});</script>", unsafe_allow_javascript=True)


def oidc_configured() -> bool:
    """Sign-in through an identity provider is offered when ``[auth]`` is in the secrets."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def resolve_identity() -> None:
    """Map an identity provider's signed-in user to their account and role."""
    if context.actor() is not None or not oidc_configured() or not st.user.is_logged_in:
        return
    try:
        email = st.user.get("email")
        who = users.identity_user(context.database(), str(st.user.get("iss") or ""),
                                  str(st.user.get("sub") or ""),
                                  email if isinstance(email, str) else None)
    except ProcurementError as exc:
        st.error(plain(exc.render(context.lang())))
        st.button(t("Sign out"), on_click=st.logout)
        st.stop()
    context.sign_in(who)
