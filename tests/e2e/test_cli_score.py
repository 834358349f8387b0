"""``procure score`` through the installed entry point, including every bad input."""

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import MINI_BIDS, MINI_HEADER, MINI_RUBRIC
from tests.e2e.cli import procure

RUBRIC = ("--rubric", str(MINI_RUBRIC))


def test_readable_table():
    run = procure("score", MINI_BIDS, *RUBRIC, "--sme-deduction", "0.1")
    assert run.returncode == 0, run.stderr
    assert "Beta 有限公司" in run.stdout
    assert "Disqualified (2)" in run.stdout
    assert "Robustness: 10,000 weight draws" in run.stdout


def test_json_has_the_published_fields():
    run = procure("score", MINI_BIDS, *RUBRIC, "--json", "--sensitivity", "500", "--seed", "3")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert {"rubric", "method", "ranking", "sensitivity", "warnings"} <= set(result)
    first = result["ranking"][0]
    assert {"bid_id", "supplier", "rank", "total", "status", "scores", "evaluated_cost", "flags",
            "reasons"} <= set(first)
    assert [b["status"] for b in result["ranking"]][-2:] == ["disqualified", "disqualified"]
    sensitivity = result["sensitivity"]
    assert sensitivity["samples"] == 500 and sensitivity["seed"] == 3
    assert {"win_probability", "percentile_ranks", "tipping_points", "rank_reversals"} <= set(
        sensitivity)
    assert {"criterion", "weight", "tipping_weight", "new_winner"} == set(
        sensitivity["tipping_points"][0])


def test_sensitivity_zero_turns_it_off():
    result = json.loads(procure("score", MINI_BIDS, *RUBRIC, "--json", "--sensitivity", "0").stdout)
    assert result["sensitivity"] is None


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_results_file(tmp_path: Path, suffix):
    out = tmp_path / f"results{suffix}"
    run = procure("score", MINI_BIDS, *RUBRIC, "--out", out)
    assert run.returncode == 0, run.stderr
    assert out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left over


def _bids(tmp_path: Path, rows, header=MINI_HEADER, name: str = "bids.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


GOOD = ["A", "Alpha", "no", "3", "8", "yes", "100"]


def _bad(tmp_path, rows=None, header=MINI_HEADER, raw: bytes | None = None, extra=()):
    if raw is not None:
        bids = tmp_path / "bids.csv"
        bids.write_bytes(raw)
    else:
        bids = _bids(tmp_path, rows or [GOOD], header)
    out = tmp_path / "results.csv"
    run = procure("score", bids, *RUBRIC, "--out", out, *extra)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert not out.exists()
    lines = run.stderr.strip().splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)
    return lines


@pytest.mark.parametrize(("change", "expected"), [
    ({"header": ["supplier", *MINI_HEADER[2:]], "rows": [GOOD[1:]]},
     "row 1, column bid_id: required column is missing"),
    ({"rows": [GOOD, GOOD]}, "row 3, column bid_id: bid A appears again (first in row 2)"),
    ({"header": MINI_HEADER[:3] + MINI_HEADER[4:], "rows": [GOOD[:3] + GOOD[4:]]},
     "row 1, column quality: required column is missing"),
    ({"rows": [[*GOOD[:3], "three", *GOOD[4:]]]}, "row 2, column quality: 'three' is not a number"),
    ({"rows": [[*GOOD[:3], "7", *GOOD[4:]]]}, "row 2, column quality: 7 is outside the scale 0–4"),
    ({"rows": [[*GOOD[:6], "-100"]]}, "row 2, column price: must be greater than 0, not -100"),
    ({"rows": [[*GOOD[:6], "0"]]}, "row 2, column price: must be greater than 0, not 0"),
    ({"rows": [[*GOOD[:6], ""]]}, "row 2, column price: the value is empty"),
    ({"rows": [[*GOOD[:5], "perhaps", "100"]]},
     "row 2, column eligible: 'perhaps' is not a yes/no answer"),
    ({"raw": b""}, "the file is empty"),
    ({"raw": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
     "this is a binary file, not a CSV or XLSX table"),
])
def test_bad_bids_get_one_clear_line_and_nothing_written(tmp_path, change, expected):
    lines = _bad(tmp_path, **change)
    assert lines[0].startswith(f"error: {tmp_path / 'bids.csv'}")
    assert lines[0].endswith(expected)


def test_missing_path(tmp_path):
    run = procure("score", tmp_path / "nope.csv", *RUBRIC)
    assert run.returncode == 2 and run.stderr.strip() == f"error: {tmp_path / 'nope.csv'}: no such file"


def test_bad_rubric(tmp_path):
    rubric = tmp_path / "r.yaml"
    rubric.write_text("format_version: 1\nid: [oops\n", encoding="utf-8")
    run = procure("score", MINI_BIDS, "--rubric", rubric)
    assert run.returncode == 2 and "not valid YAML" in run.stderr and "Traceback" not in run.stderr


def test_bad_option_values_exit_2(tmp_path):
    run = procure("score", MINI_BIDS, *RUBRIC, "--discount-rate", "1.5")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    run = procure("score", MINI_BIDS, *RUBRIC, "--price-formula", "benchmark")
    assert run.returncode == 2 and "benchmark price" in run.stderr
    run = procure("score", MINI_BIDS, *RUBRIC, "--out", tmp_path / "r.pdf")
    assert run.returncode == 2 and "must end in .csv or .xlsx" in run.stderr


def test_gbk_semicolon_and_bom_files_are_read(tmp_path):
    for encoding, delimiter in (("gbk", ";"), ("utf-8-sig", ";"), ("utf-8-sig", ",")):
        path = tmp_path / f"{encoding}.csv"
        rows = [MINI_HEADER, ["A", "港湾出行有限公司", "否", "3", "8", "是", "100"],
                ["B", "Beta", "no", "2", "5", "yes", "90"]]
        path.write_bytes(("\n".join(delimiter.join(r) for r in rows) + "\n").encode(encoding))
        run = procure("score", path, *RUBRIC, "--json", "--sensitivity", "0")
        assert run.returncode == 0, run.stderr
        assert {b["supplier"] for b in json.loads(run.stdout)["ranking"]} == {"港湾出行有限公司",
                                                                              "Beta"}


def test_formulas_are_neutralised_in_exports(tmp_path):
    bids = tmp_path / "bids.csv"
    bids.write_text(",".join(MINI_HEADER) + "\n"
                    + 'A,"=HYPERLINK(""http://evil"";""x"")",no,3,8,yes,100\n'
                    + 'B,+SUM(1;2),no,2,5,yes,90\nC,@cmd,no,2,5,yes,95\n', encoding="utf-8")
    csv_out, xlsx_out = tmp_path / "r.csv", tmp_path / "r.xlsx"
    assert procure("score", bids, *RUBRIC, "--out", csv_out).returncode == 0
    assert procure("score", bids, *RUBRIC, "--out", xlsx_out).returncode == 0
    text = csv_out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+SUM(1;2)" in text and "'@cmd" in text
    sheet = load_workbook(xlsx_out)["ranking"]
    values = [cell for row in sheet.iter_rows() for cell in row]
    formulas = [c for c in values if c.data_type == "f"]
    assert formulas == []
    assert '=HYPERLINK("http://evil";"x")' in [c.value for c in values]


def test_errors_in_chinese():
    run = procure("score", "nope.csv", *RUBRIC, "--lang", "zh")
    assert run.returncode == 2 and run.stderr.strip() == "错误：nope.csv：文件不存在"
