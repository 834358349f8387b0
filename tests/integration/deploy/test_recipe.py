"""The scale-out recipe's files as systemd reads them (issue 12; the browser test runs the
recipe itself: tests/browser/test_scale_out.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.scale_out import DEPLOY, INSTALLED, ROOT, environment, nginx_site, unit_command


def test_the_unit_parses_without_a_warning(tmp_path: Path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    unit = (DEPLOY / "systemd" / "procurement@.service").read_text(encoding="utf-8")
    # The paths the unit expects (the checkout in /opt, the settings in /etc) made to exist.
    here = unit.replace(INSTALLED, str(ROOT)).replace(
        "/etc/procurement/procurement.env", str(DEPLOY / "procurement.env.example"))
    (tmp_path / "procurement@8501.service").write_text(here, encoding="utf-8")
    run = subprocess.run([analyze, "verify", str(tmp_path / "procurement@8501.service")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr


def test_the_unit_starts_the_app_the_readme_starts():
    command = unit_command(8501)
    assert command[1:3] == ["run", "serve.py"]
    assert command[command.index("--server.port") + 1] == "8501"
    assert command[command.index("--server.address") + 1] == "127.0.0.1"


def test_the_recipe_names_every_setting_an_instance_needs():
    assert set(environment("postgresql+psycopg://x")) == {
        "PROCUREMENT_DATABASE_URL", "PROCUREMENT_SESSION_SECRET",
        "STREAMLIT_SERVER_COOKIE_SECRET", "PROCUREMENT_SESSION_HOURS"}


def test_the_site_keeps_each_browser_on_one_instance():
    site = nginx_site([9001, 9002], 9000)
    assert "hash $procure_route consistent;" in site
    assert "server 127.0.0.1:9001;" in site and "server 127.0.0.1:9002;" in site
    assert "proxy_set_header Upgrade $http_upgrade;" in site  # the WebSocket passes
    assert "listen 127.0.0.1:9000;" in site
