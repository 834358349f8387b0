"""Loading rubric files: shipped ids, user paths, and every malformed file."""

import re
from pathlib import Path

import pytest
import yaml

from procurement.errors import InputError
from procurement.rubric import list_rubrics, load_rubric, parse_rubric
from tests.conftest import MINI_RUBRIC, rubric_from


def test_shipped_id_and_user_path():
    assert load_rubric().id == "iso37106-smart"
    assert load_rubric(MINI_RUBRIC).id == "mini"
    assert load_rubric(str(MINI_RUBRIC)).id == "mini"


def test_list_puts_the_default_first():
    ids = [info.id for info in list_rubrics()]
    assert ids[0] == "iso37106-smart"
    assert {"cn-goods", "cn-services", "uk-mat"} <= set(ids)


def test_unknown_id_lists_the_shipped_ones():
    with pytest.raises(InputError, match="no such rubric; shipped rubrics are: cn-goods"):
        load_rubric("smart-nope")


def test_missing_file():
    with pytest.raises(InputError, match="no such rubric file"):
        load_rubric("rubrics/nope.yaml")


def _error(data) -> str:
    with pytest.raises(InputError) as caught:
        rubric_from(data)
    return str(caught.value)


def test_weights_are_normalised(mini_rubric):
    assert mini_rubric.weights() == pytest.approx({"quality": 0.4, "openness": 0.2, "cost": 0.4})


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["criteria"][0].update(weight=-5), "field criteria.quality.weight: must be at least 0"),
    (lambda d: [c.update(weight=0) for c in d["criteria"]],
     "at least one criterion must have a weight greater than 0"),
    (lambda d: d["criteria"][0].update(colour="red"),
     "field criteria.quality.colour: unknown field (not part of the rubric format)"),
    (lambda d: d.update(format_version=2), "field format_version: must be one of 1"),
    (lambda d: d["title"].pop("zh"), "field title.zh: required field is missing"),
    (lambda d: d["criteria"][0].update(kind="stars"),
     "field criteria.quality.kind: must be one of 'scale', 'cost' or 'gate'"),
    (lambda d: d["criteria"][0].update(threshold=9), "the threshold of quality lies outside its scale"),
    (lambda d: d["criteria"][0].update(id="price"),
     "criterion id price is a reserved column of the bids table"),
    (lambda d: d["criteria"][1].update(id="quality"), "duplicate criterion ids: quality"),
    (lambda d: d["criteria"][1].update(group="nowhere"),
     "criteria refer to undefined groups: nowhere"),
    (lambda d: d["criteria"][2].update(weight=5), "gate eligible is pass or fail and must weigh 0"),
    (lambda d: d["criteria"][3].pop("basis"), "cost criterion cost needs a 'basis'"),
    (lambda d: d["criteria"][0]["scale"].update(max=0), "scale max (0) must be greater than min (0)"),
    (lambda d: d["criteria"][0]["scale"]["levels"].reverse(),
     "scale levels must be unique and in ascending order"),
    (lambda d: d["criteria"][0].update(evidence=[]), "scale criterion quality needs evidence prompts"),
    (lambda d: d["criteria"].append(dict(d["criteria"][3], id="cost2")),
     "a rubric has at most one cost criterion"),
])
def test_inconsistent_rubrics_are_refused(mini_data, change, expected):
    change(mini_data)
    assert expected in _error(mini_data)


def test_errors_render_in_chinese(mini_data):
    mini_data["criteria"][0]["weight"] = -5
    with pytest.raises(InputError) as caught:
        rubric_from(mini_data)
    assert caught.value.render("zh") == "test-rubric.yaml，字段 criteria.quality.weight：不得小于 0"


@pytest.mark.parametrize(("raw", "expected"), [
    (b"", "the file is empty"),
    (b"\x00\x01binary", "this is a binary file, not a YAML file"),
    (b"id: [unclosed", "not valid YAML"),
    (b"- a\n- list\n", "the file must be a mapping of fields (key: value)"),
    (b"\xff\xfe\xfa", "the file is not UTF-8 text"),
])
def test_malformed_files(raw, expected):
    with pytest.raises(InputError, match=re.escape(expected)):
        parse_rubric(raw, "r.yaml")


def test_a_user_rubric_file_round_trips(tmp_path: Path, mini_rubric):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(mini_rubric.model_dump(mode="json", exclude_defaults=False),
                                   allow_unicode=True), encoding="utf-8")
    assert load_rubric(path) == mini_rubric
