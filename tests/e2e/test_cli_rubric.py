"""``procure rubric list|show`` through the installed entry point."""

import json

from tests.conftest import MINI_RUBRIC
from tests.e2e.cli import procure


def test_list_json():
    run = procure("rubric", "list", "--json")
    assert run.returncode == 0, run.stderr
    rubrics = json.loads(run.stdout)
    assert rubrics[0]["id"] == "iso37106-smart"
    assert {"cn-goods", "cn-services", "uk-mat"} <= {r["id"] for r in rubrics}


def test_show_json_has_the_published_fields():
    run = procure("rubric", "show", "iso37106-smart", "--json")
    assert run.returncode == 0, run.stderr
    view = json.loads(run.stdout)
    assert {"id", "version", "title", "criteria"} <= set(view)
    criterion = next(c for c in view["criteria"] if c["id"] == "open_data")
    assert {"id", "name", "group", "kind", "weight", "scale", "threshold", "basis",
            "sources"} <= set(criterion)
    assert criterion["threshold"] == 2
    assert [level["value"] for level in criterion["scale"]["levels"]] == [0, 1, 2, 3, 4]
    assert sum(c["weight"] for c in view["criteria"]) == 1.0 or abs(
        sum(c["weight"] for c in view["criteria"]) - 1.0) < 1e-9
    tco = next(c for c in view["criteria"] if c["id"] == "tco")
    assert tco["basis"] == "tco" and tco["scale"] is None


def test_show_in_chinese():
    run = procure("rubric", "show", "iso37106-smart", "--json", "--lang", "zh")
    view = json.loads(run.stdout)
    assert view["title"] == "ISO 37106 智慧城市采购评审细则"
    readable = procure("rubric", "show", "iso37106-smart", "--lang", "zh")
    assert readable.returncode == 0 and "权重" in readable.stdout


def test_show_a_user_file_and_a_broken_one(tmp_path):
    assert procure("rubric", "show", MINI_RUBRIC).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI_RUBRIC.read_text(encoding="utf-8").replace("weight: 40", "weight: -40",
                                                                         1), encoding="utf-8")
    run = procure("rubric", "show", broken)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip() == f"error: {broken}, field criteria.quality.weight: must be at least 0"
