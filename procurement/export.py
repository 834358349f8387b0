"""Results as spreadsheet files (CSV, XLSX), safe to open in Excel.

Any text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return; OWASP "CSV injection") is neutralised: in CSV it gets a
leading apostrophe, in XLSX it is stored as a string cell, never as a formula. Files are
written to a temporary name and renamed, so a failure leaves no partial file behind.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from procurement.atomic import atomic_path, refuse_folder, writable_file
from procurement.i18n import N_, Lang
from procurement.tables import arrow

if TYPE_CHECKING:
    import pandas as pd
    from numpy.typing import NDArray

    from procurement.scoring.result import Note
    from procurement.scoring.scorecard import Scorecard

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EXPORT_SUFFIXES = (".csv", ".xlsx")
_ROWS_PER_SLICE = 20_000  # below this a second thread costs more than it saves


def neutralise(text: str) -> str:
    """Return ``text`` so that a spreadsheet shows it instead of evaluating it (CSV)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def ranking_columns(card: Scorecard, lang: Lang = "en") -> dict[str, Any]:
    """One entry per bid in report order: rank (NaN when disqualified), totals, scores,
    costs, flags and reasons as numpy arrays; the bids table's other columns follow, as
    read (pyarrow arrays), named ``input_*``."""
    order = card.order
    take = arrow.from_numbers(order)  # Arrow puts the text columns in order, not Python
    bids = card.bids
    qualified = card.qualified[order]
    columns: dict[str, Any] = {
        "rank": np.where(qualified, card.ranks[order], np.nan),
        "bid_id": arrow.from_strings(bids.bid_ids).take(take),
        "supplier": arrow.from_strings(bids.suppliers).take(take),
        "sme": arrow.from_choice(bids.sme[order], "yes", "no"),
        "status": arrow.from_choice(qualified, "ranked", "disqualified"),
        "total": np.round(card.totals[order], 4),
    }
    for j, criterion_id in enumerate(card.criteria):
        columns[f"score_{criterion_id}"] = np.round(card.matrix[order, j], 6)
    for criterion in card.rubric.scale_criteria:
        columns[f"raw_{criterion.id}"] = card.raw[criterion.id][order]
    if card.cost is not None and card.evaluated_cost is not None:
        columns["cost"] = np.round(card.cost[order], 2)
        columns["evaluated_cost"] = np.round(card.evaluated_cost[order], 2)
    if card.tco is not None:
        columns["tco_capex"] = np.round(card.tco.capex[order], 2)
        columns["tco_opex_pv"] = np.round(card.tco.opex_pv[order], 2)
        columns["tco_exit_pv"] = np.round(card.tco.exit_pv[order], 2)
    # Most bids carry no note: fill only the rows that do (None, not "": pyarrow converts a
    # column of 100,000 empty strings 200 times slower than one of None).
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    def codes(notes: list[Note]) -> str:
        return "; ".join(sorted({n.code for n in notes}))

    def messages(notes: list[Note]) -> str:
        return " | ".join(n.text(lang) for n in notes)

    for name, notes_by_bid, text in (("flags", card.flags, codes),
                                     ("flag_details", card.flags, messages),
                                     ("reasons", card.reasons, messages)):
        column = np.full(len(order), None, dtype=object)
        for bid, notes in notes_by_bid.items():
            column[position[bid]] = text(notes)
        columns[name] = column
    if bids.extra:
        for name, column in bids.extra.items():
            columns[f"input_{name}"] = column.take(take)
    return columns


def ranking_frame(card: Scorecard, lang: Lang = "en") -> pd.DataFrame:
    """:func:`ranking_columns` as a DataFrame (rank as a nullable integer)."""
    import pandas as pd

    columns = ranking_columns(card, lang)
    columns["rank"] = pd.array(columns["rank"], dtype="Float64").astype("Int64")
    for name, values in columns.items():
        if not isinstance(values, np.ndarray | pd.api.extensions.ExtensionArray):
            columns[name] = values.to_pandas()  # a pyarrow column of the bids table
    return pd.DataFrame(columns)


def sensitivity_frames(card: Scorecard, lang: Lang = "en") -> dict[str, pd.DataFrame]:
    """Further sheets for a workbook: sensitivity, tipping points, panel, warnings."""
    import pandas as pd

    sheets: dict[str, pd.DataFrame] = {}
    sensitivity = card.sensitivity
    if sensitivity is not None and sensitivity.win_probability:
        sheets["win_probability"] = pd.DataFrame([
            {"bid_id": bid, "win_probability": p,
             "rank_p5": sensitivity.percentile_ranks[bid].p5,
             "rank_p50": sensitivity.percentile_ranks[bid].p50,
             "rank_p95": sensitivity.percentile_ranks[bid].p95}
            for bid, p in sensitivity.win_probability.items()])
        sheets["tipping_points"] = pd.DataFrame([t.model_dump() for t in sensitivity.tipping_points])
    if card.panel:
        sheets["panel"] = pd.DataFrame([
            {"bid_id": c.bid_id, "criterion": c.criterion, "consensus": c.consensus,
             "source": c.consensus_source, "spread": round(c.spread, 4), "level": c.level,
             **{f"score_{e}": s for e, s in c.scores.items()}} for c in card.panel])
    sheets["warnings"] = pd.DataFrame(
        {"code": [w.code for w in card.warnings], "message": [w.text(lang) for w in card.warnings]})
    return sheets


def check_output_path(path: str | Path) -> Path:
    """Refuse an output path we cannot write, before any work is done."""
    path = Path(path)
    refuse_folder(path)
    return writable_file(path, EXPORT_SUFFIXES,
                         N_("cannot write {file}: the output must end in .csv or .xlsx"))


def write_results(card: Scorecard, path: str | Path, lang: Lang = "en") -> None:
    """Write the ranking to ``path`` (.csv, or .xlsx with the further sheets)."""
    path = check_output_path(path)
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".csv":
            write_csv(temporary, ranking_columns(card, lang))
        else:
            write_workbook(temporary, {"ranking": ranking_frame(card, lang),
                                       **sensitivity_frames(card, lang)})


def results_bytes(card: Scorecard, suffix: str, lang: Lang = "en") -> bytes:
    """The results file as bytes, for a download button (".csv" or ".xlsx")."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"results{suffix}"
        write_results(card, path, lang)
        return path.read_bytes()


def write_workbook(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """Write ``sheets`` with every text cell typed as text (no formula can run)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False, name=None):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=_cell_value(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl would make "=…" a formula otherwise
                cells.append(cell)
            sheet.append(cells)
    book.save(path)


def _cell_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if type(value).__name__ == "NAType":
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_csv(path: Path, columns: dict[str, Any]) -> None:
    """Write ``columns`` as UTF-8 CSV with a BOM (Excel then reads Chinese correctly)."""
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    arrays = []
    for values in columns.values():
        if isinstance(values, pa.Array):  # a column of the bids table, as read
            is_text = pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
            arrays.append(_neutralised_text(values) if is_text else values)
        elif values.dtype.kind in "OU":
            arrays.append(_neutralised_text(arrow.from_strings(values)))
        elif values.dtype.kind == "f" and _whole(values):
            # Whole numbers (ranks, raw scores) as integers: the same text, formatted faster.
            missing = np.isnan(values)
            arrays.append(arrow.from_numbers(np.nan_to_num(values).astype(np.int64),
                                             missing=missing if missing.any() else None))
        elif values.dtype.kind == "f":
            arrays.append(arrow.from_numbers(values, missing=np.isnan(values)))
        else:
            arrays.append(arrow.from_numbers(values))
    table = pa.Table.from_arrays(arrays, names=list(columns))
    # pyarrow formats numbers several times faster than pandas and releases the GIL, so a
    # large table is written as one slice per core, in parallel, then joined in order.
    workers = max(1, min(os.cpu_count() or 1, table.num_rows // _ROWS_PER_SLICE))
    size = -(-table.num_rows // workers)

    def render(index: int) -> bytes:
        buffer = pa.BufferOutputStream()
        arrow_csv.write_csv(table.slice(index * size, size), buffer,
                            write_options=arrow_csv.WriteOptions(include_header=index == 0))
        return bytes(buffer.getvalue())

    with ThreadPoolExecutor(workers) as pool, path.open("wb") as handle:
        handle.write("\ufeff".encode())
        for part in pool.map(render, range(workers)):
            handle.write(part)


def _neutralised_text(text: Any) -> Any:
    """Return the Arrow string array ``text`` with formula-like cells neutralised."""
    import pyarrow.compute as pc

    return pc.replace_substring_regex(text, pattern="^([=+\\-@\t\r])", replacement="'\\1")


def _whole(values: NDArray[np.float64]) -> bool:
    """Whole numbers that an int64 holds exactly (so written the same as integers)."""
    finite = values[np.isfinite(values)]
    return bool(np.array_equal(finite, np.round(finite))
                and (not len(finite) or np.abs(finite).max() < 2.0 ** 53))
