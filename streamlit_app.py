"""The Streamlit app: page config, language, sign-in, and navigation filtered by role.

Pages live in ``app_pages/``; each calls the services (procurement.services) and renders.
Run it with ``./dev app`` or ``streamlit run streamlit_app.py``; the database is the one the
command line uses (PROCUREMENT_DATABASE_URL, PROCUREMENT_DB or ./procurement.sqlite).
"""

import streamlit as st

from procurement.ui import context, nav
from procurement.ui.feedback import show_flash

st.set_page_config(page_title="Smart procurement · 智慧采购", page_icon=":material/balance:",
                   layout="wide")
st.session_state.setdefault(context.LANG, "en")
nav.resolve_identity()
nav.sidebar()
page = st.navigation(nav.pages())
show_flash()
page.run()
