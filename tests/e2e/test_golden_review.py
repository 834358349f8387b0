"""``procure review`` outputs compared with reviewed golden files (UPDATE_GOLDEN=1 rewrites
them)."""

import json
from pathlib import Path

import pytest

from procurement.i18n import tr
from tests.e2e.cli import procure
from tests.e2e.test_golden import _check

DESIGN = Path(__file__).resolve().parents[2] / "examples" / "design" / "smart-parking.yaml"


def test_review_smart_parking_text():
    run = procure("review", DESIGN)
    assert run.returncode == 0, run.stderr
    _check("review-smart-parking.en.txt", run.stdout)


def test_review_smart_parking_json():
    run = procure("review", DESIGN, "--json")
    assert run.returncode == 0, run.stderr
    view = json.loads(run.stdout)
    _check("review-smart-parking.json", json.dumps(view, ensure_ascii=False, indent=1) + "\n")


def test_review_smart_parking_text_in_chinese():
    # The golden file holds the reviewed Chinese wording of the reasons and labels, which
    # reaches the catalog when the design-review messages are merged (./dev i18n).
    if tr("Design review", "zh") == "Design review":
        pytest.skip("the zh_CN catalog does not have the design-review messages yet")
    run = procure("review", DESIGN, "--lang", "zh")
    assert run.returncode == 0, run.stderr
    _check("review-smart-parking.zh.txt", run.stdout)
