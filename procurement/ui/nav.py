"""Which pages each role sees, the sidebar, and sign-in through an identity provider."""

from __future__ import annotations

from typing import Any

import streamlit as st

from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.services import users
from procurement.services.actors import ROLE_NAMES
from procurement.ui import context
from procurement.ui.context import t
from procurement.ui.widgets import language_names

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
}
ROLE_PAGES = {
    "lead": ("home", "procurement", "new_procurement", "design_review", "pipeline", "bids",
             "moderate", "results", "award", "documents", "audit", "rubrics"),
    "evaluator": ("home", "score", "rubrics"),
    "approver": ("home", "procurement", "design_review", "pipeline", "results", "award",
                 "documents", "audit", "rubrics"),
    "observer": ("home", "procurement", "pipeline", "award", "documents", "audit", "rubrics"),
}
SIGN_IN = ("app_pages/sign_in.py", N_("Sign in"), ":material/login:")


def pages() -> list[Any]:
    """The pages of the signed-in user's role, or the sign-in page."""
    who = context.actor()
    if who is None:
        path, title, icon = SIGN_IN
        return [st.Page(path, title=t(title), icon=icon, default=True)]
    return [st.Page(PAGES[p][0], title=t(PAGES[p][1]), icon=PAGES[p][2], default=i == 0)
            for i, p in enumerate(ROLE_PAGES[who.role])]


def sidebar() -> None:
    with st.sidebar:
        names = language_names()
        st.segmented_control("Language · 语言", list(names), key=context.LANG,
                             format_func=lambda code: names[code], required=True)
        who = context.actor()
        if who is not None:
            st.markdown(f":material/person: **{who.display_name}**  \n"
                        f"{t(ROLE_NAMES[who.role])} · `{who.username}`")
            if st.button(t("Sign out"), icon=":material/logout:"):
                context.sign_out()
                if oidc_configured() and st.user.is_logged_in:
                    st.logout()
                st.rerun()


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
        st.error(exc.render(context.lang()))
        st.button(t("Sign out"), on_click=st.logout)
        st.stop()
    context.sign_in(who)
