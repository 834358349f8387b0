"""The published site as axe-core (the accessibility engine, from npm) reads it in Debian's
chromium, at a desktop width and a phone's (issue 13 point 8): no violation on the index, a
notice page, an award page, the policy page, the 采购意向 page and the indicators page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("AXE_CORE_JS")
           or ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js")
PAGES = ["index.html", "notices/HC-2027-001.html", "awards/HC-2025-009.html", "policy.html",
         "procurement-intentions.html", "indicators.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    if not AXE.exists():
        if request.config.getoption("--require-browser"):
            pytest.fail(f"axe-core is missing ({AXE}): ./dev test installs it with npm")
        pytest.skip("axe-core is not installed")
    folder = tmp_path_factory.mktemp("a11y")
    shutil.copytree(ROOT / "pipeline", folder / "pipeline")
    assert procure("demo", "--db", folder / "city.sqlite").returncode == 0  # HC-2025-009
    run = procure("publish", folder / "pipeline", "--out", folder / "site", "--ocid-prefix",
                  "ocds-hc2027", "--profile", "cn", "--awards-from", folder / "city.sqlite",
                  "--indicators", env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert run.returncode == 0, run.stderr
    return folder / "site"


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(site, browser, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto((site / name).as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    context.close()
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations
