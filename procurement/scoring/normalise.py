"""Absolute scale normalisation: a score depends on its scale, never on the other bids."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def scale_score(raw: NDArray[np.float64], low: float, high: float) -> NDArray[np.float64]:
    """Map raw scores on ``[low, high]`` to ``[0, 1]``: ``(score − low) / (high − low)``."""
    return (raw - low) / (high - low)
