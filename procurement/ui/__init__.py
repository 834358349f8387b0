"""Streamlit helpers shared by the pages: the session, text, errors, widgets and charts.

Only this package and ``app_pages/`` import Streamlit. Pages call services; no business
rule lives here.
"""
