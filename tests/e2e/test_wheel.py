"""`pip install .` (not editable) gives a working `procure` with the rubrics in the wheel."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_wheel_carries_rubrics_and_catalogs_and_runs(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheels), str(ROOT)], check=True)
    wheel = next(wheels.glob("smart_procurement-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "procurement/_shipped/rubrics/iso37106-smart.yaml" in names
    assert "procurement/locale/zh_CN/LC_MESSAGES/procurement.mo" in names
    assert "procurement/_shipped/examples/smart-parking/panel.csv" in names
    assert "procurement/store/migrations/versions/0001_initial_schema.py" in names
    assert not any(name.startswith("tests/") for name in names)

    # Install the wheel alone into a folder and run its `procure` from outside the checkout,
    # so that nothing of the repository can be found by accident.
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-m", "procurement", "rubric", "list", "--json"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert "iso37106-smart" in run.stdout and "cn-services" in run.stdout
    where = subprocess.run([sys.executable, "-c", "import procurement.paths as p; "
                            "print(p.shipped_dir('rubrics'))"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(site))
    bids = ROOT / "examples" / "smart-parking"
    scored = subprocess.run([sys.executable, "-m", "procurement", "score", str(bids / "bids.csv"),
                             "--panel", str(bids / "panel.csv"), "--lang", "zh", "--sensitivity",
                             "100"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert scored.returncode == 0, scored.stderr
    assert "排名" in scored.stdout
    demo = subprocess.run([sys.executable, "-m", "procurement", "demo", "--db",
                           str(tmp_path / "demo.sqlite")], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    assert "HC-2026-017" in demo.stdout
    assert "procurement/_shipped/schemas/ocds-1.1.5/release-schema.json" in names
    assert "procurement/_shipped/schemas/ocds-1.1.5/LICENSE" in names
    assert "procurement/_shipped/templates/site/base.html" in names
    published = subprocess.run([sys.executable, "-m", "procurement", "publish",
                                str(tmp_path / "demo.sqlite"), "--out", str(tmp_path / "out"),
                                "--ocid-prefix", "ocds-hc2027", "--publisher",
                                "Harbourside City"], cwd=tmp_path, env=env,
                               capture_output=True, text=True)
    assert published.returncode == 0, published.stderr
    assert (tmp_path / "out" / "notices" / "HC-2027-001.html").is_file()
    # The second buyer's pipeline, shipped in the wheel's examples.
    assert (tmp_path / "out" / "notices" / "DO-2027-001.html").is_file()
