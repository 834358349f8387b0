"""Every shipped rubric: loads, is bilingual, cites its sources, meets its profile."""

import pytest

from procurement.rubric import list_rubrics, load_rubric
from procurement.rubric.load import shipped_rubric_paths

SHIPPED = [path.stem for path in shipped_rubric_paths()]


@pytest.mark.parametrize("rubric_id", SHIPPED)
def test_loads_and_file_name_is_its_id(rubric_id):
    rubric = load_rubric(rubric_id)
    assert rubric.id == rubric_id
    assert sum(rubric.weights().values()) == pytest.approx(1.0)


@pytest.mark.parametrize("rubric_id", SHIPPED)
def test_every_text_in_both_languages_and_every_level_described(rubric_id):
    rubric = load_rubric(rubric_id)
    for criterion in rubric.criteria:
        assert criterion.name.en.strip() and criterion.name.zh.strip()
        assert criterion.description is not None
        if criterion.kind == "scale":
            assert criterion.scale is not None
            values = [level.value for level in criterion.scale.levels]
            assert values == list(range(int(criterion.scale.min), int(criterion.scale.max) + 1))
            assert len(criterion.evidence) >= 2


def test_iso_rubric_covers_the_smart_contracting_principles():
    rubric = load_rubric("iso37106-smart")
    ids = {c.id for c in rubric.criteria}
    assert {"outcome_focus", "open_data", "interoperability", "exit_plan", "tco", "innovation",
            "collaboration", "benefits_confidence", "sme_ecosystem", "flexibility"} <= ids
    assert rubric.cost is not None and rubric.cost.basis == "tco"
    for criterion in rubric.criteria:
        refs = [s.ref for s in criterion.sources if s.document == "ISO 37106:2018"]
        assert any(r.startswith("Table 3") for r in refs), criterion.id
        assert any(r.startswith("6.6.3") for r in refs), criterion.id


@pytest.mark.parametrize(("rubric_id", "low", "high"), [("cn-goods", .30, .60),
                                                       ("cn-services", .10, .30)])
def test_china_price_weights(rubric_id, low, high):
    rubric = load_rubric(rubric_id)
    assert rubric.cost is not None
    assert low <= rubric.weights()[rubric.cost.id] <= high


def test_uk_social_value():
    rubric = load_rubric("uk-mat")
    weights = rubric.weights()
    assert sum(weights[c.id] for c in rubric.weighted if c.group == "social_value") >= 0.10


def test_listing_matches_files():
    assert sorted(info.id for info in list_rubrics()) == sorted(SHIPPED)
