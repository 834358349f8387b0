"""Legal profiles: 综合评分法 price-weight bounds and the UK social value minimum."""

import pytest

from procurement.errors import InputError, ProcurementError
from procurement.rubric import load_rubric
from procurement.rubric.profiles import check_price_formula
from tests.conftest import rubric_from


def _with_profile(data, profile, cost_percent):
    data["profile"] = profile
    data["criteria"][0]["weight"] = (100 - cost_percent) / 2
    data["criteria"][1]["weight"] = (100 - cost_percent) / 2
    data["criteria"][3]["weight"] = cost_percent
    return data


@pytest.mark.parametrize(("profile", "cost_percent", "ok"), [
    ("cn-goods", 30, True), ("cn-goods", 60, True), ("cn-goods", 29, False),
    ("cn-goods", 61, False), ("cn-services", 10, True), ("cn-services", 30, True),
    ("cn-services", 31, False), ("cn-services", 9, False),
])
def test_price_weight_bounds(mini_data, profile, cost_percent, ok):
    data = _with_profile(mini_data, profile, cost_percent)
    if ok:
        assert rubric_from(data).profile == profile
    else:
        with pytest.raises(InputError, match=f"profile {profile} allows a price weight of"):
            rubric_from(data)


def test_cn_profiles_need_a_price_basis(mini_data):
    data = _with_profile(mini_data, "cn-goods", 40)
    data["criteria"][3]["basis"] = "tco"
    with pytest.raises(InputError, match="needs a cost criterion on the basis of price"):
        rubric_from(data)


def test_cn_profiles_prescribe_the_lowest_price_formula():
    rubric = load_rubric("cn-goods")
    assert check_price_formula(rubric, "lowest_ratio") == []
    assert check_price_formula(rubric, "linear")
    assert check_price_formula(load_rubric("iso37106-smart"), "linear") == []


def test_uk_mat_needs_ten_percent_social_value(mini_data):
    mini_data["profile"] = "uk-mat"
    with pytest.raises(InputError, match="at least 10 % weight on social value"):
        rubric_from(mini_data)
    mini_data["groups"].append({"id": "social_value", "name": {"en": "Social value", "zh": "社会价值"}})
    mini_data["criteria"][1]["group"] = "social_value"  # openness: 20 % of the weight
    assert rubric_from(mini_data).profile == "uk-mat"


def test_scoring_with_another_formula_under_a_cn_profile_is_refused():
    from procurement.api import scoring_options
    from procurement.scoring.engine import score_bids
    from procurement.scoring.inputs import BidSet

    rubric = load_rubric("cn-services")
    options = scoring_options(rubric, price_formula="linear")
    with pytest.raises(ProcurementError, match="requires the price formula lowest_ratio"):
        score_bids(rubric, BidSet("x", [], [], None, {}, {}, None), options)  # type: ignore[arg-type]
