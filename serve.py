"""The app's server: ``streamlit run serve.py`` (``./dev app`` does this).

Streamlit serves ``streamlit_app.py`` as usual; the extra routes keep a signed-in browser
signed in across a refresh or a link (procurement/ui/server.py).
"""

import streamlit as st

from procurement.ui.server import routes

app = st.App("streamlit_app.py", routes=routes())
