"""The published files compared with reviewed golden copies (UPDATE_GOLDEN=1 rewrites them).

SOURCE_DATE_EPOCH fixes the publication time, so the files are byte-for-byte reproducible."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import procure
from tests.e2e.test_golden import _check

PAGES_KEY = re.compile(r'(<meta name="procure-pages" content=")[0-9a-f]{64}"')
EXAMPLE = Path(__file__).resolve().parents[2] / "pipeline"
FILES = ("release-package.json", "pipeline.csv", "feed.atom", "index.html", "policy.html", "style.css",
         "notices/HC-2027-001.html", "procurement-intentions.html",
         "procurement-intentions.csv")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    shutil.copytree(EXAMPLE, folder / "pipeline")
    run = procure("publish", folder / "pipeline", "--out", folder / "site", "--profile", "cn",
                  "--ocid-prefix", "ocds-hc2027",
                  "--base-url", "https://open.harbourside.example.cn/pipeline",
                  "--license", "http://opendatacommons.org/licenses/pddl/1.0/",
                  env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert run.returncode == 0, run.stderr
    return folder / "site"


@pytest.mark.parametrize("name", FILES)
def test_published_file(site: Path, name: str) -> None:
    text = (site / name).read_text(encoding="utf-8")
    if name == "index.html":
        # The key of the kept pages hashes this program's own source (tested in
        # tests/unit/pipeline/test_reuse.py); here it only has to be there.
        text, keys = PAGES_KEY.subn(r'\1(key)"', text)
        assert keys == 1
    _check("publish/" + name.replace("/", "-"), text)


@pytest.fixture(scope="module")
def awarded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pipeline with the demo city's award (HC-2025-009, awarded on fixed dates)."""
    folder = tmp_path_factory.mktemp("golden-awards")
    shutil.copytree(EXAMPLE, folder / "pipeline")
    assert procure("demo", "--db", folder / "city.sqlite").returncode == 0
    run = procure("publish", folder / "pipeline", "--out", folder / "site",
                  "--ocid-prefix", "ocds-hc2027", "--awards-from", folder / "city.sqlite",
                  "--base-url", "https://open.harbourside.example.cn/pipeline",
                  env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert run.returncode == 0, run.stderr
    return folder / "site"


@pytest.mark.parametrize("name", ["release-package.json", "awards/HC-2025-009.html"])
def test_published_award_file(awarded_site: Path, name: str) -> None:
    _check(f"publish-awards/{name.replace('/', '-')}",
           (awarded_site / name).read_text(encoding="utf-8"))
