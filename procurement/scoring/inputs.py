"""What the scoring engine takes: the bids and the panel's scores as arrays, whichever way
they came (a bids file, or a procurement's record in the database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    import pyarrow as pa

TCO_COLUMNS = ("capex", "opex_per_year", "term_years", "exit_cost")


@dataclass(frozen=True)
class CostInputs:
    """What bidders priced: a price, or the parts of a total cost of ownership."""

    price: NDArray[np.float64] | None = None
    capex: NDArray[np.float64] | None = None
    opex_per_year: NDArray[np.float64] | None = None
    term_years: NDArray[np.float64] | None = None
    exit_cost: NDArray[np.float64] | None = None


@dataclass(frozen=True)
class BidSet:
    """Validated bids, one array entry per bid. ``source`` names where they came from (a
    file, or a procurement) in messages; ``rows`` are the spreadsheet rows when a file."""

    source: str
    bid_ids: list[str]
    suppliers: list[str]
    sme: NDArray[np.bool_]
    scores: dict[str, NDArray[np.float64]]  # raw scale scores by criterion (absent: from panel)
    gates: dict[str, NDArray[np.bool_]]
    cost: CostInputs
    extra: dict[str, pa.Array] = field(default_factory=dict)  # other columns, kept as read
    rows: list[int] | None = None

    def __len__(self) -> int:
        return len(self.bid_ids)

    def row(self, position: int) -> int | None:
        """The spreadsheet row of entry ``position``, when these came from a file."""
        return self.rows[position] if self.rows else None


@dataclass(frozen=True)
class PanelScores:
    """Individual evaluators' scores, one entry per score (``rows``: of the panel file)."""

    source: str
    bid_ids: list[str]
    evaluators: list[str]
    criteria: list[str]
    scores: NDArray[np.float64]
    rationales: list[str]
    rows: list[int] | None = None

    def __len__(self) -> int:
        return len(self.bid_ids)

    def row(self, position: int) -> int | None:
        """The spreadsheet row of entry ``position``, when these came from a file."""
        return self.rows[position] if self.rows else None
