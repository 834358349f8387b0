"""Errors on a page: a clear message in the reader's language, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from procurement.errors import ProcurementError
from procurement.ui.context import lang, t
from procurement.ui.text import plain

log = logging.getLogger("procurement.ui")


_FLASH = "_flash"


def flash(message: str) -> None:
    """Show ``message`` on the next run of the page (after ``st.rerun``)."""
    st.session_state[_FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(plain(message), icon=":material/check_circle:")


@contextmanager
def guarded() -> Iterator[None]:
    """Run a page's action: a user-fixable error is shown with ``st.error``; anything else
    is logged and shown as a short apology (Streamlit's own details are switched off)."""
    try:
        yield
    except ProcurementError as exc:
        # A message names what the user typed (a file, a bid, a value): shown as text.
        lines = [plain(line) for line in exc.lines(lang())]
        st.error("\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0],
                 icon=":material/error:")
    except Exception:
        log.exception("unexpected error on a page")
        st.error(t("Something went wrong; the error was logged. Please try again."),
                 icon=":material/error:")
