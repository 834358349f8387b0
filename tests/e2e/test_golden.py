"""Generated outputs compared with reviewed golden files (UPDATE_GOLDEN=1 rewrites them)."""

import json
import os
from pathlib import Path
from typing import Any

from tests.conftest import MINI_BIDS, MINI_RUBRIC
from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = ROOT / "examples" / "smart-parking"


def _rounded(value: Any) -> Any:
    # Floats to 9 significant digits: the last bits of a sum may differ between CPUs.
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; review the diff"


def test_smart_parking_json():
    run = procure("score", EXAMPLE / "bids.csv", "--panel", EXAMPLE / "panel.csv",
                  "--sme-deduction", "0.1", "--sensitivity", "2000", "--seed", "1", "--json")
    assert run.returncode == 0, run.stderr
    result = _rounded(json.loads(run.stdout))
    _check("smart-parking.json", json.dumps(result, ensure_ascii=False, indent=1) + "\n")


def test_smart_parking_report_in_chinese():
    run = procure("score", EXAMPLE / "bids.csv", "--panel", EXAMPLE / "panel.csv",
                  "--sme-deduction", "0.1", "--sensitivity", "2000", "--seed", "1", "--lang", "zh")
    assert run.returncode == 0, run.stderr
    _check("smart-parking.zh.txt", run.stdout)


def test_mini_results_csv(tmp_path):
    out = tmp_path / "results.csv"
    assert procure("score", MINI_BIDS, "--rubric", MINI_RUBRIC, "--sme-deduction", "0.1",
                   "--out", out).returncode == 0
    _check("mini-results.csv", out.read_text(encoding="utf-8-sig"))
