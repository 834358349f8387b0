"""Every input the ``procure`` command reads, mutated at random (issue 12, property-based):
whatever the bytes, the command succeeds or refuses with exit status 2 and lines that start
with "error:", never a traceback, and a refused run writes nothing.

The commands run in this process through Click's runner on the real command group (the
same code as the installed script, without a process start per example); hypothesis
mutates a valid file of each kind with byte flips, cuts, repeats and the tokens that broke
or could break a reader (quotes, NUL, BOMs, GBK bytes, YAML tags and anchors, Jinja, huge
numbers, impossible dates, deep nesting). ``derandomize`` keeps CI's examples the same from
run to run; raise ``FUZZ_EXAMPLES`` to search longer.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import traceback
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procurement.cli import cli
from procurement.services import demo, lifecycle, procurements, users
from procurement.store.db import Database

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BIDS = (EXAMPLES / "smart-parking" / "bids.csv").read_bytes()
PANEL = (EXAMPLES / "smart-parking" / "panel.csv").read_bytes()
RUBRIC = (ROOT / "rubrics" / "iso37106-smart.yaml").read_bytes()
DESIGN = (EXAMPLES / "design" / "smart-parking.yaml").read_bytes()
ENTRY = (ROOT / "pipeline" / "HC-2027-001.yaml").read_bytes()
TEMPLATE = (ROOT / "templates" / "evaluation-report.en.docx").read_bytes()
EXAMPLES_PER_INPUT = int(os.environ.get("FUZZ_EXAMPLES", "20"))

NASTY = [b'"', b"'", b",", b";", b"\t", b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
         "港湾".encode("gbk"), "港湾".encode(), b".inf", b"-.inf", b".nan", b"NaN", b"1e309",
         b"-1", b"0x1F", b"00123", b"2027-02-30", b"=HYPERLINK(\"x\")", b"{{ 7*7 }}",
         b"{% include 'x' %}", b"{% for i in range(10**12) %}x{% endfor %}",
         b"&a [*a, *a, *a]", b"!!python/object/apply:os.system ['true']", b"[" * 300,
         b"- " * 200, b"x" * 70_000, b"<script>alert(1)</script>", b"%s%n", b"\xe2\x80\xae",
         b": ", b"---\n", b"...\n"]

SETTINGS = settings(max_examples=EXAMPLES_PER_INPUT, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "replace", "delete", "cut", "repeat", "flip"]))
        at = draw(st.integers(0, len(data)))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=8))
        elif kind == "replace":
            data[at:at + draw(st.integers(1, 16))] = draw(st.sampled_from(NASTY))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "cut":
            del data[at:]
        elif kind == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 400))] * draw(st.integers(1, 3))
        elif data:
            data[min(at, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)


@st.composite
def mutated_template(draw: st.DrawFn) -> bytes:
    """A Word template mutated as bytes, or (more often) a whole package whose document
    text was mutated: what a user's own template can hold."""
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(mutated(TEMPLATE))
    source = zipfile.ZipFile(io.BytesIO(TEMPLATE))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = draw(mutated(content))
            package.writestr(item, content)
    return out.getvalue()


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def assert_clean(result: Result) -> None:
    """Success, or exit status 2 with one "error:" line per problem; never a traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert lines and all(line.startswith("error: ") for line in lines), result.stderr


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def written(where: Path, inputs: set[str]) -> list[str]:
    return sorted(p.name for p in where.iterdir() if p.name not in inputs)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city with HC-2026-021 open for bids."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    db = Database(f"sqlite+pysqlite:///{path}")
    demo.build_demo(db)
    lead = users.get_actor(db, "li.na")
    portal = next(p for p in procurements.list_procurements(db) if p.reference == demo.PORTAL)
    lifecycle.open_for_bids(db, lead, portal.id)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.mark.slow
@SETTINGS
@given(bids=mutated(BIDS))
def test_score_any_bids_table(bids: bytes) -> None:
    with folder() as where:
        (where / "bids.csv").write_bytes(bids)
        (where / "panel.csv").write_bytes(PANEL)
        result = run("score", where / "bids.csv", "--panel", where / "panel.csv",
                     "--sensitivity", "100", "--out", where / "out.csv")
        assert_clean(result)
        if result.exit_code:
            assert written(where, {"bids.csv", "panel.csv"}) == []


@pytest.mark.slow
@SETTINGS
@given(panel=mutated(PANEL))
def test_score_any_panel_table(panel: bytes) -> None:
    with folder() as where:
        (where / "bids.csv").write_bytes(BIDS)
        (where / "panel.csv").write_bytes(panel)
        result = run("score", where / "bids.csv", "--panel", where / "panel.csv",
                     "--sensitivity", "100", "--json")
        assert_clean(result)


@pytest.mark.slow
@SETTINGS
@given(rubric=mutated(RUBRIC))
def test_score_with_any_rubric(rubric: bytes) -> None:
    with folder() as where:
        (where / "rubric.yaml").write_bytes(rubric)
        result = run("score", EXAMPLES / "smart-parking" / "bids.csv", "--rubric",
                     where / "rubric.yaml", "--sensitivity", "0", "--out", where / "out.xlsx")
        assert_clean(result)
        if result.exit_code:
            assert written(where, {"rubric.yaml"}) == []


@pytest.mark.slow
@SETTINGS
@given(design=mutated(DESIGN))
def test_review_any_design(design: bytes) -> None:
    with folder() as where:
        (where / "design.yaml").write_bytes(design)
        result = run("review", where / "design.yaml", "--out", where / "report.md")
        assert_clean(result)
        if result.exit_code:
            assert written(where, {"design.yaml"}) == []


@pytest.mark.slow
@SETTINGS
@given(entry=mutated(ENTRY))
def test_publish_any_pipeline_entry(entry: bytes) -> None:
    with folder() as where:
        source = where / "pipeline"
        shutil.copytree(ROOT / "pipeline", source)
        (source / "HC-2027-001.yaml").write_bytes(entry)
        result = run("publish", source, "--out", where / "site", "--no-pages",
                     "--ocid-prefix", "ocds-213czf")
        assert_clean(result)
        if result.exit_code:
            assert written(where, {"pipeline"}) == []


@pytest.mark.slow
@SETTINGS
@given(bids=mutated(BIDS))
def test_import_any_bids_table(city: Path, bids: bytes) -> None:
    with folder() as where:
        db = where / "city.sqlite"
        shutil.copyfile(city, db)
        (where / "bids.csv").write_bytes(bids)
        before = _counts(db)
        result = run("import", "bids", where / "bids.csv", "--procurement", "2", "--as",
                     "li.na", "--db", db)
        assert_clean(result)
        if result.exit_code:
            assert _counts(db) == before  # no bid, no envelope, no audit entry


@pytest.mark.slow
@settings(SETTINGS, max_examples=max(EXAMPLES_PER_INPUT // 2, 1))
@given(template=mutated_template())
def test_a_report_from_any_word_template(city: Path, template: bytes) -> None:
    with folder() as where:
        db = where / "city.sqlite"
        shutil.copyfile(city, db)
        (where / "mine.docx").write_bytes(template)
        result = run("report", "--procurement", "1", "--db", db, "--template",
                     where / "mine.docx", "--out", where / "report.docx")
        assert_clean(result)
        if result.exit_code:
            assert written(where, {"city.sqlite", "city.sqlite-wal", "city.sqlite-shm",
                                   "mine.docx"}) == []


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_any_database_file(city: Path, data: st.DataObject) -> None:
    original = city.read_bytes()
    # Mutations where SQLite looks: the header and the first pages (the schema).
    head = data.draw(mutated(original[:8192]))
    with folder() as where:
        db = where / "city.sqlite"
        db.write_bytes(head + original[8192:] if data.draw(st.booleans()) else head)
        result = run("list", "--db", db)
        assert_clean(result)


def _counts(db: Path) -> tuple[int, ...]:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("bids", "price_envelopes", "audit_log"))
