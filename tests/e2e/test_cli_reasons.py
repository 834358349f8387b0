"""The reasons the letters to bidders give, through the installed `procure`: listed with what
is missing, released one by one or from a file (a bad file releases nothing), refused to
anyone but the lead, and then in the letters, each in its own language."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from tests.e2e.cli import procure
from tests.e2e.test_cli_documents import text_of


@pytest.fixture
def city(tmp_path: Path) -> Path:
    path = tmp_path / "city.sqlite"
    assert procure("demo", "--db", path).returncode == 0
    return path


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["bid_id", "criterion", "reason_en", "reason_zh"], *rows])
    return path


def test_release_list_and_refusals(city, tmp_path):
    base = ["--procurement", "1", "--db", city]
    listed = procure("reasons", "list", *base, "--as", "li.na")
    assert listed.returncode == 0, listed.stderr
    # SP-02's moderated consensus reason is bilingual: each letter has its half.
    assert "lead partner is new to city-scale roll-out" in listed.stdout
    # 5 bids × 9 scored criteria × 2 languages, less the consensus reason's two halves.
    assert "88 reasons are missing: the letters show – for them." in listed.stdout
    run = procure("reasons", "release", *base, "--bid", "SP-01", "--criterion", "open_data",
                  "--en", "City owns the data; the live API is incompletely documented.",
                  "--zh", "数据归城市所有；实时接口文档不完整。", "--as", "li.na")
    assert run.returncode == 0, run.stderr
    assert "Reason released for SP-01 · open_data." in run.stdout
    refused = procure("reasons", "release", *base, "--bid", "SP-01", "--criterion", "open_data",
                      "--en", "Mine.", "--as", "li.wei")
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    empty = procure("reasons", "release", *base, "--bid", "SP-01", "--criterion", "exit_plan",
                    "--as", "li.na")
    assert empty.returncode == 2
    assert empty.stderr.strip() == "error: give the reason in English, in Chinese or in both"
    unknown = procure("reasons", "release", *base, "--bid", "SP-09", "--criterion", "exit_plan",
                      "--en", "x", "--as", "li.na")
    assert unknown.returncode == 2 and "no bid SP-09" in unknown.stderr
    shown = procure("reasons", "list", *base, "--as", "li.na", "--json")
    cell = next(r for r in json.loads(shown.stdout)
                if (r["bid"], r["criterion"]) == ("SP-01", "open_data"))
    assert cell["zh"] == "数据归城市所有；实时接口文档不完整。"


def test_a_bad_file_releases_nothing_and_a_good_one_everything(city, tmp_path):
    base = ["--procurement", "1", "--db", city, "--as", "li.na"]
    before = procure("reasons", "list", *base, "--json").stdout
    bad = _write(tmp_path / "bad.csv", [["SP-01", "open_data", "Fine.", ""],
                                        ["SP-09", "open_data", "No such bid.", ""],
                                        ["SP-02", "price", "Not scored.", ""],
                                        ["SP-03", "exit_plan", "", ""]])
    run = procure("import", "reasons", bad, *base)
    assert run.returncode == 2
    assert "row 3, column bid_id: no bid SP-09 in this procurement" in run.stderr
    assert "row 4, column criterion: price is not a scored criterion" in run.stderr
    assert "row 5, column reason_en: give the reason in English, in Chinese or in both" \
        in run.stderr
    assert procure("reasons", "list", *base, "--json").stdout == before  # nothing stored
    good = _write(tmp_path / "good.csv", [["SP-01", "open_data", "Fine.", "良好。"],
                                          ["SP-03", "exit_plan", "Costed plan.", ""]])
    run = procure("import", "reasons", good, *base)
    assert run.returncode == 0 and run.stdout.strip() == "Released 2 reasons."


def test_the_letters_give_the_released_reason_in_their_language(city, tmp_path):
    base = ["--procurement", "1", "--db", city]
    _write(tmp_path / "r.csv", [["SP-01", "open_data", "City-owned data, thin live API docs.",
                                 "数据归城市所有，实时接口文档不足。"]])
    assert procure("import", "reasons", tmp_path / "r.csv", *base, "--as", "li.na").returncode == 0
    assert procure("recommend", "1", "--note", "best value", "--as", "li.na",
                   "--db", city).returncode == 0
    assert procure("approve", "1", "--as", "zhou.min", "--db", city).returncode == 0
    letters = {}
    for lang in ("en", "zh"):
        run = procure("summaries", *base, "--lang", lang, "--out", tmp_path / f"{lang}.zip")
        assert run.returncode == 0, run.stderr
        # The ranked bids' scores without a reason in this language are named (4 bids × 9
        # criteria, less the one released and the one moderated; SP-05 was disqualified).
        assert run.stderr.startswith("warning: 34 scores have no reason in this language"
                                     if lang == "en" else "警告：34 项得分没有该语言的理由")
        with zipfile.ZipFile(tmp_path / f"{lang}.zip") as zipped:
            letters[lang] = text_of(zipped.read(
                f"HC-2026-017-SP-01-assessment-summary.{lang}.docx"))
    assert "City-owned data, thin live API docs." in letters["en"]
    assert "数据归城市所有" not in letters["en"]
    assert "数据归城市所有，实时接口文档不足。" in letters["zh"]
    # An evaluator's own note never reaches a bidder.
    assert "实时泊位接口文档不完整" not in letters["zh"]
