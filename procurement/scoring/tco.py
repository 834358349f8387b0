"""Total cost of ownership including exit cost (ISO 37106 Table 3 row 8).

``TCO = capex + Σ_{t=1..T} opex_per_year / (1 + r)^t + exit_cost / (1 + r)^T``: operating
costs are paid at the end of each contract year and the exit cost at the end of the term,
all discounted to today at rate ``r`` (HM Treasury Green Book's 3.5 % is the default).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class TcoParts:
    capex: FloatArray
    opex_pv: FloatArray
    exit_pv: FloatArray

    @property
    def total(self) -> FloatArray:
        return self.capex + self.opex_pv + self.exit_pv


def annuity_factor(rate: float, years: FloatArray) -> FloatArray:
    """Return ``Σ_{t=1..T} (1 + rate)^-t`` for each whole number of years ``T``."""
    if rate == 0:
        return years.astype(np.float64)
    return (1.0 - (1.0 + rate) ** -years) / rate


def total_cost_of_ownership(capex: FloatArray, opex_per_year: FloatArray, term_years: FloatArray,
                            exit_cost: FloatArray, rate: float) -> TcoParts:
    """Return the discounted parts of each bid's total cost of ownership."""
    opex_pv = opex_per_year * annuity_factor(rate, term_years)
    exit_pv = exit_cost * (1.0 + rate) ** -term_years
    return TcoParts(capex=capex, opex_pv=opex_pv, exit_pv=exit_pv)
