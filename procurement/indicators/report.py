"""The indicators of OCDS releases in JSON lines: the inputs from :mod:`.queries`, each
indicator by its formula in :mod:`.formulas`."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from procurement.errors import fail
from procurement.i18n import N_
from procurement.indicators import formulas, queries
from procurement.indicators.names import NONE_KEY
from procurement.indicators.queries import GroupBy, Inputs


def indicators(inputs: Inputs) -> dict[str, Any]:
    """One group's indicators, by their formulas."""
    market = formulas.shares(inputs.supplier_values)
    return {
        "procedures": inputs.procedures,
        "competitive_procedures": inputs.competitive,
        "single_bid_rate": formulas.rate(inputs.single_bid, inputs.competitive_counted),
        "average_bidders": formulas.mean(inputs.bidders_total, inputs.bidders_counted),
        "sme_share_count": formulas.rate(inputs.awards_sme, inputs.awards_scaled),
        "sme_share_value": formulas.rate(inputs.value_sme, inputs.value_scaled),
        "hhi": formulas.hhi(market),
        "top_supplier_share": formulas.top_share(market),
        "price_only_share": formulas.rate(inputs.price_only, inputs.criteria_known),
        "suppliers": inputs.suppliers,
        "new_suppliers_by_year": formulas.new_suppliers_by_year(inputs.first_years),
    }


def compute(lines: Path, by: GroupBy | None = None, *, name: str | None = None
            ) -> dict[str, Any]:
    """``{"overall": {...}}``, and with ``by`` ``"groups": [{"key": ..., ...}]``, of the
    releases in ``lines`` (``name``: the file as the user gave it, for errors)."""
    overall, groups = compute_groupings(lines, (by,) if by else (), name=name)
    result: dict[str, Any] = {"overall": overall}
    if by:
        result["by"], result["groups"] = by, groups[by]
    return result


def compute_groupings(lines: Path, groupings: Sequence[GroupBy], *, name: str | None = None
                      ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The overall indicators and each grouping's groups, the releases read once."""
    shown = name or str(lines)
    with tempfile.TemporaryDirectory(prefix="procure-duckdb-") as spill:
        return _compute(lines, groupings, shown, queries.connect(Path(spill)))


def _compute(lines: Path, groupings: Sequence[GroupBy], shown: str,
             con: duckdb.DuckDBPyConnection
             ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    try:
        try:
            queries.load(con, lines)
        except duckdb.Error as exc:
            detail = " ".join(str(exc).split())[:120]
            raise fail(shown, N_("not OCDS releases in JSON lines ({detail})"),
                       detail=detail) from exc
        missing = queries.missing_ocid(con)
        if missing:
            raise fail(shown, N_("{count} releases have no ocid"), count=missing)
        overall = indicators(queries.inputs(con, None).get(None, Inputs()))
        return overall, {by: _groups(queries.inputs(con, by)) for by in groupings}
    finally:
        con.close()


def _groups(groups: dict[str | None, Inputs]) -> list[dict[str, Any]]:
    return [{"key": key if key is not None else NONE_KEY, **indicators(groups[key])}
            for key in sorted(groups, key=lambda k: (k is None, k or ""))]
