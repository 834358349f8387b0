"""The version of a record as the user saw it when they filled in its form.

A form's submit reruns the page, and the page reads the record again before it handles the
submit. Saving with *that* version would let a save overwrite a change made elsewhere in the
meantime (another instance, another tab) without a word: a lost update, which the scale-out
browser test caught. So the version shown when a form is first drawn is kept, for the
session, until the save succeeds or is refused; the service compares it with the stored one
and refuses a save over a newer change (:class:`~procurement.services.errors.ConflictError`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager

import streamlit as st

_STATE = "_seen_versions"


def seen(record: Hashable, current: int | None) -> int | None:
    """The version of ``record`` the user's form was drawn with (``current`` the first time)."""
    versions: dict[Hashable, int | None] = st.session_state.setdefault(_STATE, {})
    return versions.setdefault(record, current)


def settled(record: Hashable) -> None:
    """The save of ``record`` succeeded or was refused: the next form starts from the record
    as stored."""
    st.session_state.setdefault(_STATE, {}).pop(record, None)


@contextmanager
def settling(record: Hashable) -> Iterator[None]:
    """:func:`settled` once the block ends, whether the save succeeded or raised."""
    try:
        yield
    finally:
        settled(record)
