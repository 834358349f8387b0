"""``procure indicators`` as a user runs it: on the packages this project publishes, on
JSON lines, on the city's database, and on bad input (one line on stderr, exit status 2)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.e2e.cli import procure
from tests.unit.indicators import dataset

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
AWARDS = GOLDEN / "publish-awards" / "release-package.json"
KEYS = {"procedures", "competitive_procedures", "single_bid_rate", "average_bidders",
        "sme_share_count", "sme_share_value", "hhi", "top_supplier_share", "price_only_share",
        "new_suppliers_by_year"}


def _json(*args: str | Path) -> dict:  # type: ignore[type-arg]
    done = procure("indicators", *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_golden_award_package() -> None:
    found = _json(AWARDS)["overall"]
    assert set(found) >= KEYS
    # Four ocids: three pipeline entries (open) and the awarded HC-2025-009, whose award
    # release gives 3 tenderers and one SME supplier.
    assert (found["procedures"], found["competitive_procedures"]) == (4, 3)
    assert found["average_bidders"] == 3
    assert found["sme_share_count"] == 1 and found["hhi"] == 10_000
    assert found["top_supplier_share"] == 1
    assert found["price_only_share"] == 0  # ratedCriteria


def test_golden_pipeline_package_by_buyer() -> None:
    found = _json(GOLDEN / "publish" / "release-package.json", "--by", "buyer")
    assert [g["procedures"] for g in found["groups"]] == [found["overall"]["procedures"]]
    assert all(set(g) | {"key"} >= KEYS and "key" in g for g in found["groups"])


def test_record_package_and_gzipped_lines_give_the_same(tmp_path: Path) -> None:
    package = json.loads(AWARDS.read_text("utf-8"))
    records = {"version": "1.1", "records": [
        {"ocid": ocid, "releases": [r for r in package["releases"] if r["ocid"] == ocid]}
        for ocid in dict.fromkeys(r["ocid"] for r in package["releases"])]}
    (tmp_path / "records.json").write_text(json.dumps(records), "utf-8")
    with gzip.open(tmp_path / "releases.jsonl.gz", "wt", encoding="utf-8") as sink:
        sink.writelines(json.dumps(r) + "\n" for r in package["releases"])
    expected = _json(AWARDS)
    assert _json(tmp_path / "records.json") == expected
    assert _json(tmp_path / "releases.jsonl.gz") == expected


def test_lines_by_buyer_table(tmp_path: Path) -> None:
    lines = tmp_path / "releases.ndjson"
    lines.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    assert _json(lines)["overall"]["single_bid_rate"] == pytest.approx(1 / 3)
    done = procure("indicators", lines, "--by", "buyer")
    assert done.returncode == 0, done.stderr
    assert "Single-bid rate" in done.stdout and "33.3 %" in done.stdout
    assert "2024: 2, 2025: 1" in done.stdout


def test_city_database(tmp_path: Path) -> None:
    db = tmp_path / "city.sqlite"
    assert procure("demo", "--db", db).returncode == 0
    found = _json(db, "--by", "year")
    assert found["overall"]["procedures"] >= 1
    assert found["overall"]["competitive_procedures"] == found["overall"]["procedures"]
    assert [g["key"] for g in found["groups"]]
    # The demo records three design reviews: two in 2025 (6 and 0 rows smart), one in 2026 (13).
    periods = found["maturity"]["periods"]
    assert [(p["period"], p["designs"], p["average_smart_rows"]) for p in periods] == [
        ("2025", 2, 3.0), ("2026", 1, 13.0)]
    assert periods[0]["rows"][2] == {"row": 3, "traditional": 1, "transition": 0, "smart": 1}
    done = procure("indicators", db)
    assert done.returncode == 0, done.stderr
    assert "Table 3 maturity of the designs reviewed each year" in done.stdout
    assert "3. What is specified" in done.stdout and "1 / 2" in done.stdout
    zh = procure("indicators", db, "--lang", "zh")
    assert zh.returncode == 0 and "Table 3 maturity" not in zh.stdout


@pytest.mark.parametrize(("content", "message"), [
    ("this is not json", "not JSON"),
    ('{"releases": [', "not JSON"),
    ('[{"ocid": "x"}]', "not an OCDS release or record package"),
    ('{"version": "1.1", "name": "something else"}', "not an OCDS release or record package"),
    ('{"version": "1.0", "releases": [{"ocid": "x"}]}', "OCDS version 1.0"),
    ('{"releases": [{"ocid": "x"}]}', "OCDS version 1.0"),
    ('{"releases": [{"ocid": "x"}], "version": "2.0"}', "OCDS version 2.0"),
    ('{"version": "1.1", "releases": [{"ocid": "x"}, {"id": "2"}]}',
     "field releases[1].ocid: a release has no ocid"),
])
def test_bad_package(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "package.json"
    path.write_text(content, "utf-8")
    done = procure("indicators", path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


@pytest.mark.parametrize(("content", "message"), [
    ("not json\n", "not OCDS releases in JSON lines"),
    ('{"ocid": "a", "date": "2024"}\n{"id": "2"}\n', "1 releases have no ocid"),
])
def test_bad_lines(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "releases.jsonl"
    path.write_text(content, "utf-8")
    done = procure("indicators", path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and message in done.stderr


def test_a_2_gb_package_is_streamed_not_loaded(tmp_path: Path) -> None:
    # A sparse 2 GiB file: read as a stream, its first bytes already show it is not JSON.
    path = tmp_path / "huge.json"
    with path.open("wb") as sink:
        sink.truncate(2 * 1024 ** 3)
    done = procure("indicators", path)
    assert done.returncode == 2 and "not JSON" in done.stderr


def test_csv_has_the_json_numbers_one_row_a_group(tmp_path: Path) -> None:
    import csv

    lines = tmp_path / "releases.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    out = tmp_path / "indicators.csv"
    done = procure("indicators", lines, "--by", "year", "--csv", out, "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)  # the JSON is printed as before
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw  # as pipeline.csv
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [(r["grouping"], r["key"]) for r in rows] == [
        ("overall", ""), *(("year", g["key"]) for g in found["groups"])]
    assert float(rows[0]["single_bid_rate"]) == found["overall"]["single_bid_rate"]
    assert rows[0]["hhi"] == repr(found["overall"]["hhi"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftover


@pytest.mark.parametrize("where", ["no-such-folder/indicators.csv", "."])
def test_csv_to_a_bad_path_is_one_line_and_nothing_is_written(tmp_path: Path,
                                                              where: str) -> None:
    done = procure("indicators", AWARDS, "--csv", tmp_path / where)
    assert done.returncode == 2 and done.stdout == "", done.stderr
    assert done.stderr.count("\n") == 1 and str(tmp_path) in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_file() -> None:
    done = procure("indicators", "no-such-file.json")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_csv_has_a_row_overall_and_one_per_group(tmp_path: Path) -> None:
    import csv

    lines = tmp_path / "releases.ndjson"
    lines.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    out = tmp_path / "indicators.csv"
    done = procure("indicators", lines, "--by", "buyer", "--csv", out)
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw  # as pipeline.csv: Excel-ready
    rows = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    found = _json(lines, "--by", "buyer")
    assert [(r["grouping"], r["key"]) for r in rows] == [("overall", "")] + [
        ("buyer", str(g["key"])) for g in found["groups"]]
    assert float(rows[0]["single_bid_rate"]) == pytest.approx(1 / 3, abs=1e-5)
    assert rows[0]["procedures"] == str(found["overall"]["procedures"])


@pytest.mark.parametrize(("name", "message"), [
    ("missing/indicators.csv", "does not exist"), ("indicators.txt", "must end in .csv")])
def test_csv_to_a_bad_path_is_one_line(tmp_path: Path, name: str, message: str) -> None:
    lines = tmp_path / "releases.ndjson"
    lines.write_text("".join(json.dumps(r) + "\n" for r in dataset.releases()), "utf-8")
    done = procure("indicators", lines, "--csv", tmp_path / name)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert not (tmp_path / name).exists()
