"""The Python API: score bids files against a rubric and get a result model back.

    >>> from procurement.api import score_file
    >>> result = score_file("bids.csv", rubric="iso37106-smart", method="wsm")
    >>> result.ranking[0].bid_id

Every function raises :class:`procurement.errors.ProcurementError` (or its
:class:`~procurement.errors.InputError`) for input a user can fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from procurement.errors import ProcurementError
from procurement.i18n import N_
from procurement.rubric import DEFAULT_RUBRIC, Rubric, load_rubric
from procurement.scoring.engine import score_bids
from procurement.scoring.inputs import BidSet, PanelScores
from procurement.scoring.options import ScoringOptions
from procurement.scoring.result import Evaluation
from procurement.scoring.scorecard import Scorecard
from procurement.tables.bids import read_bids
from procurement.tables.panel import read_panel


def scoring_options(rubric: Rubric, **settings: Any) -> ScoringOptions:
    """Return the rubric's default settings with ``settings`` (not ``None``) applied."""
    try:
        return ScoringOptions.for_rubric(rubric, **settings)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = ".".join(str(part) for part in err["loc"]) or "options"
        raise ProcurementError(N_("invalid setting {name}: {detail}"), name=name,
                               detail=err["msg"]) from exc


def evaluate(rubric: Rubric, bids: BidSet, options: ScoringOptions | None = None, *,
             panel: PanelScores | None = None,
             moderated: Mapping[tuple[str, str], float] | None = None) -> Evaluation:
    """Score validated ``bids`` against ``rubric`` and return the full result."""
    options = options or scoring_options(rubric)
    return score_bids(rubric, bids, options, panel=panel, moderated=moderated).evaluation()


def score_file_card(bids_path: str | Path, *, rubric: str | Path | Rubric = DEFAULT_RUBRIC,
                    panel_path: str | Path | None = None, **settings: Any) -> Scorecard:
    """Like :func:`score_file` but return the columnar scorecard (for exports of big tables)."""
    rubric = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    options = scoring_options(rubric, **settings)
    bids = read_bids(bids_path, rubric, scores_from_panel=panel_path is not None)
    panel = read_panel(panel_path, rubric, bids.bid_ids) if panel_path is not None else None
    return score_bids(rubric, bids, options, panel=panel)


def score_file(bids_path: str | Path, *, rubric: str | Path | Rubric = DEFAULT_RUBRIC,
               panel_path: str | Path | None = None, **settings: Any) -> Evaluation:
    """Read a bids file (and a panel file), score it and return the result.

    ``settings`` are the fields of :class:`ScoringOptions` (``method``, ``price_formula``,
    ``benchmark_price``, ``discount_rate``, ``sme_deduction``, ``aggregation``,
    ``sensitivity_samples``, ``seed``, …); unset ones take the rubric's defaults.
    """
    return score_file_card(bids_path, rubric=rubric, panel_path=panel_path,
                                         **settings).evaluation()
