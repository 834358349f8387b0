"""The sign-in form, shown by the sign-in page and, to a signed-out reader, by every page a
link points to (so that the link still opens its page once they have signed in).

A local account or, when configured, the organisation's identity provider. On an empty
database: load the demo city or create the first procurement lead."""

from __future__ import annotations

import streamlit as st

from procurement.services import users
from procurement.services.actors import Actor
from procurement.ui import context, nav
from procurement.ui.context import t
from procurement.ui.feedback import guarded


def require_actor() -> Actor:
    """The signed-in user. A signed-out reader who followed a link here gets the sign-in form
    on this very page, which then opens once they have signed in."""
    who = context.actor()
    if who is None:
        show_sign_in()
        st.stop()
    assert who is not None
    return who


def show_sign_in() -> None:
    db = context.database()
    st.title(t("Smart procurement evaluation"))
    st.markdown(t("Score bids on long-term value, as ISO 37106 asks: total cost of ownership "
                  "including exit costs, supplier innovation and confidence in the benefits."))

    if not users.list_users(db):
        st.info(t("This database has no users yet."), icon=":material/info:")
        if st.button(t("Load the demo city (Harbourside smart parking)"),
                     icon=":material/location_city:"):
            from procurement.services import demo  # only an empty database needs it

            with guarded(), st.spinner(t("Building the demo city…")):
                demo.build_demo(db)
                st.success(t("Demo loaded. Sign in as li.na (lead), li.wei (evaluator) or zhou.min "
                             "(approver); the password is {password}.", password=demo.DEMO_PASSWORD))
        with st.form("first_lead"):
            st.markdown(t("**Or create the first procurement lead**"))
            username = st.text_input(t("User name"), key="first_username")
            name = st.text_input(t("Full name"), key="first_name")
            password = st.text_input(t("Password (at least 10 characters)"), type="password",
                                     key="first_password")
            if st.form_submit_button(t("Create account")):
                with guarded():
                    users.add_user(db, username, name, "lead", password=password)
                    st.success(t("Account created: sign in below."))

    with st.form("sign_in"):
        username = st.text_input(t("User name"), autocomplete="username", key="sign_in_username")
        password = st.text_input(t("Password"), type="password", autocomplete="current-password",
                                 key="sign_in_password")
        submitted = st.form_submit_button(t("Sign in"), type="primary", icon=":material/login:")
    if submitted:
        with guarded():
            nav.signed_in(users.authenticate(db, username, password))
            st.rerun()

    if nav.oidc_configured():
        st.button(t("Sign in with your organisation's account"), on_click=st.login,
                  icon=":material/badge:")
