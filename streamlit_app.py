"""The Streamlit app: page config, language, sign-in, and navigation filtered by role.

Pages live in ``app_pages/``; each calls the services (procurement.services) and renders.
Run it with ``./dev app`` (``streamlit run serve.py``, which adds the routes that keep a
browser signed in); the database is the one the command line uses
(PROCUREMENT_DATABASE_URL, PROCUREMENT_DB or ./procurement.sqlite).
"""

import streamlit as st

from procurement.ui import context, nav
from procurement.ui.feedback import show_flash
from procurement.ui.streamlit_words import localise_streamlit

st.set_page_config(page_title="Smart procurement · 智慧采购", page_icon=":material/balance:",
                   layout="wide")
# A first visit opens in the browser's language when it is Chinese.
context.choose_first_language()
nav.resume_session()
nav.resolve_identity()
nav.sidebar()
localise_streamlit(context.lang())
navigation = nav.pages()
# expanded: every page of the role in view (Streamlit folds the list after ten by default).
page = st.navigation(navigation, position="sidebar" if context.actor() else "hidden",
                     expanded=True)
show_flash()
page.run()
