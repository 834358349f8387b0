"""Broken and hostile input through the real command (issue 12): one clear line, exit status 2,
never a traceback, nothing written."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]

RUBRIC = ROOT / "rubrics" / "iso37106-smart.yaml"
BIDS = ROOT / "examples" / "smart-parking" / "bids.csv"
PANEL = ROOT / "examples" / "smart-parking" / "panel.csv"


def _one_line(run, message: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert message in line, line


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path: Path = tmp_path_factory.mktemp("db") / "city.sqlite"
    assert procure("user", "add", "li.na", "--name", "Li Na", "--role", "lead",
                   "--no-password", "--db", path).returncode == 0
    return path


@pytest.mark.parametrize(("content", "message"), [
    (b"hello, this is text\n", "is not a database (not an SQLite file)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "is not a database (not an SQLite file)"),
])
def test_a_file_that_is_not_a_database(tmp_path, content, message):
    path = tmp_path / "city.sqlite"
    path.write_bytes(content)
    _one_line(procure("list", "--db", path), message)
    assert path.read_bytes() == content


def test_a_truncated_database_is_damaged(tmp_path, database):
    path = tmp_path / "city.sqlite"
    path.write_bytes(database.read_bytes()[:5000])
    _one_line(procure("list", "--db", path), "is damaged (database disk image is malformed)")


def test_a_database_made_by_a_newer_toolkit(tmp_path, database):
    path = tmp_path / "city.sqlite"
    shutil.copyfile(database, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    _one_line(procure("list", "--db", path),
              "was made by a newer version of the toolkit (schema 0099, this version knows up "
              "to")


def test_a_folder_named_as_the_database(tmp_path):
    _one_line(procure("list", "--db", tmp_path), "is a folder; give a database file")


def test_deeply_nested_yaml(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("criteria: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    _one_line(procure("rubric", "show", path), "line 1: nested more than 50 levels deep")


def test_an_impossible_date_in_a_pipeline_entry(tmp_path):
    entry = tmp_path / "HC-1.yaml"
    entry.write_text("id: HC-1\ntitle: t\nbuyer: b\nexpected_tender_date: 2027-02-30\n",
                     encoding="utf-8")
    out = tmp_path / "site"
    _one_line(procure("publish", entry, "--out", out, "--ocid-prefix", "ocds-abcdef"),
              "field expected_tender_date: must be a date written YYYY-MM-DD")
    assert not out.exists()


def test_an_infinite_weight_is_refused(tmp_path):
    rubric = tmp_path / "inf.yaml"
    text = RUBRIC.read_text(encoding="utf-8")
    rubric.write_text(text.replace("    weight: 25", "    weight: .inf", 1), encoding="utf-8")
    assert rubric.read_text(encoding="utf-8") != text
    run = procure("rubric", "show", rubric)
    assert run.returncode == 2 and "must be a finite number (not .inf or .nan)" in run.stderr


def test_out_naming_a_folder_is_refused_before_any_work(tmp_path):
    folder = tmp_path / "results.csv"
    folder.mkdir()
    run = procure("score", BIDS, "--rubric", "iso37106-smart", "--panel", PANEL,
                  "--out", folder)
    _one_line(run, "results.csv is a folder; give a file name")
    assert run.stdout == "" and list(folder.iterdir()) == []


# --- CSV tables: said once, in the user's terms (issue 12) -----------------------------------

def _bids_lines() -> list[str]:
    return BIDS.read_text(encoding="utf-8").splitlines()


def test_a_table_mixing_utf8_and_gbk_names_a_line_in_each(tmp_path):
    lines = _bids_lines()
    mixed = tmp_path / "bids.csv"
    mixed.write_bytes(("\n".join(lines[:2]) + "\n").encode() +
                      ("\n".join(lines[2:]) + "\n").encode("gbk", errors="replace"))
    out = tmp_path / "out.csv"
    _one_line(procure("score", mixed, "--panel", PANEL, "--out", out),
              "the file mixes encodings: line 2 is UTF-8 but line 3 is not (GBK?)")
    assert not out.exists()


def test_an_unbalanced_quote_is_named_where_it_opens(tmp_path):
    lines = _bids_lines()
    cells = lines[2].split(",")
    cells[1] = '"' + cells[1]
    lines[2] = ",".join(cells)
    broken = tmp_path / "bids.csv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _one_line(procure("score", broken, "--panel", PANEL),
              'a quote (") opens on line 3, column supplier, and is not closed where the cell '
              "ends")


def test_a_row_of_twenty_thousand_cells_is_one_line(tmp_path):
    lines = _bids_lines()
    lines[1] += "," * 20_000
    wide = tmp_path / "bids.csv"
    wide.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _one_line(procure("score", wide, "--panel", PANEL),
              "row 2: the row has 20,013 cells, the header 13")


def test_a_20_mb_cell_is_accepted(tmp_path):
    lines = _bids_lines()
    cells = lines[1].split(",")
    cells[-1] = "x" * (20 * 1024 * 1024)
    lines[1] = ",".join(cells)
    big = tmp_path / "bids.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = procure("score", big, "--panel", PANEL, "--sensitivity", "0", "--json")
    assert run.returncode == 0, run.stderr
    assert '"bid_id": "SP-01"' in run.stdout


def test_a_control_character_in_yaml_is_named_by_its_line(tmp_path):
    rubric = tmp_path / "rubric.yaml"
    text = RUBRIC.read_text(encoding="utf-8").splitlines()
    text[3] = "\x08" + text[3]
    rubric.write_text("\n".join(text) + "\n", encoding="utf-8")
    _one_line(procure("rubric", "show", rubric),
              "line 4: the character U+0008 is not allowed in YAML")


def test_summaries_into_a_file_where_a_folder_is_meant(tmp_path):
    city = tmp_path / "city.sqlite"
    assert procure("demo", "--db", city).returncode == 0
    taken = tmp_path / "summaries"
    taken.write_text("not a folder", encoding="utf-8")
    _one_line(procure("summaries", "--procurement", "3", "--db", city, "--out", taken),
              "is a file, not a folder; give a folder or a name ending in .zip")
    assert taken.read_text(encoding="utf-8") == "not a folder"
