"""The app's server: ``streamlit run serve.py`` (``./dev app`` does this).

Streamlit serves ``streamlit_app.py`` as usual; the extra routes keep a signed-in browser
signed in across a refresh or a link (procurement/ui/server.py). While a browser loads
Streamlit's JavaScript after the server starts, a thread imports what the first page needs
and opens the database, so that the sign-in page appears sooner.
"""

import streamlit as st

from procurement.ui.server import lifespan, routes

app = st.App("streamlit_app.py", routes=routes(), lifespan=lifespan)
