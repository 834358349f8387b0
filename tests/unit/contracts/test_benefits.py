"""A benefit's plan and how much of it a measurement realised (ISO 37106 clause 7: benefits
planned against realised)."""

from datetime import date

import pytest
from pydantic import ValidationError

from procurement.contracts.benefits import Benefit, planned, realised
from procurement.vocabulary import Direction

# "Average time to find a parking bay −30 % by month 18" (the example).
PARKING = Benefit(description="Average time to find a parking bay", owner="Head of Transport",
                  unit="min", baseline=12.0, target=8.4, due=date(2027, 6, 30))
START = date(2026, 1, 1)


def test_the_plan_is_a_straight_line_from_the_baseline_to_the_target():
    assert planned(PARKING, START, START) == 12.0
    assert planned(PARKING, START, date(2025, 6, 1)) == 12.0
    halfway = START + (PARKING.due - START) / 2
    assert planned(PARKING, START, halfway) == pytest.approx(10.2, abs=0.01)  # whole days
    assert planned(PARKING, START, date(2028, 1, 1)) == 8.4


def test_realised_is_the_share_of_the_planned_change_either_way():
    assert PARKING.direction == Direction.LOWER
    assert realised(PARKING, 12.0) == 0 and realised(PARKING, 8.4) == pytest.approx(1)
    assert realised(PARKING, 13.2) == pytest.approx(-1 / 3)  # worse than the baseline
    uptake = Benefit(description="Open datasets published", owner="CDO", baseline=40,
                     target=100, due=date(2027, 1, 1))
    assert uptake.direction == Direction.HIGHER and realised(uptake, 70) == pytest.approx(0.5)


def test_a_benefit_must_move_and_be_owned():
    for bad in ({"target": 12.0}, {"owner": ""}, {"baseline": float("nan")}, {"colour": "red"}):
        with pytest.raises(ValidationError):
            Benefit.model_validate({**PARKING.model_dump(), **bad})
