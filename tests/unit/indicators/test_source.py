"""The OCDS reader on the packages this project publishes (tests/golden/publish*)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.indicators import source

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
PACKAGES = sorted(GOLDEN.glob("publish*/release-package.json"))


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name)
def test_golden_package_becomes_its_releases_one_per_line(package: Path) -> None:
    expected = json.loads(package.read_text("utf-8"))["releases"]
    with source.release_lines(str(package)) as lines:
        found = [json.loads(line) for line in lines.read_text("utf-8").splitlines()]
    assert found == expected


def test_record_package_compiled_release_first(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"version": "1.1", "records": [
        {"ocid": "a", "compiledRelease": {"ocid": "a", "id": "c"},
         "releases": [{"ocid": "a", "id": "1"}]},
        {"ocid": "b", "releases": [{"url": "https://example.org/b.json#1"},
                                   {"ocid": "b", "id": "2"}]}]}), "utf-8")
    with source.release_lines(str(path)) as lines:
        ids = [json.loads(line)["id"] for line in lines.read_text("utf-8").splitlines()]
    assert ids == ["c", "2"]  # a linked release (url only) is not read


def test_lines_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "bulk.ndjson.gz"
    path.write_bytes(b"")
    with source.release_lines(str(path)) as lines:
        assert lines == path


def test_version_after_the_releases_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"releases": [{"ocid": "a"}], "version": "1.0"}', "utf-8")
    with pytest.raises(InputError, match=r"OCDS version 1\.0"), source.release_lines(str(path)):
        pass
