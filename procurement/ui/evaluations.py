"""The current result of a procurement, computed once per change of the database."""

from __future__ import annotations

import streamlit as st

from procurement.services import audit_log, results
from procurement.services.actors import Actor
from procurement.services.results import ProcurementResult
from procurement.ui.context import database, t

_CACHE = "_result_cache"


def current_result(who: Actor, procurement_id: int, lot: str | None = None) -> ProcurementResult:
    """The evaluation as it stands. It is recomputed only when something was written since
    (the audit log's newest entry moved), so a page's widgets re-render it at no cost; the
    lots of one procurement are kept side by side (the award page reads every lot)."""
    db = database()
    key = (who.id, procurement_id, lot, audit_log.revision(db))
    cache: dict[object, ProcurementResult] = st.session_state.setdefault(_CACHE, {})
    if key not in cache:
        with st.spinner(t("Computing the result and its sensitivity…")):
            result = results.evaluate_procurement(db, who, procurement_id, lot)
        for old in [k for k in cache if not isinstance(k, tuple) or k[:2] != key[:2]
                    or k[3] != key[3]]:
            del cache[old]
        cache[key] = result
    return cache[key]
