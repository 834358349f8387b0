"""Benchmark: publishing a 100,000-entry pipeline.

Targets (issue 6): publishing 100,000 entries (package, CSV, feed, HTML index) with full
schema validation ≤ 15 s on this machine, ≥ 20× faster than validating the same releases
with the ``jsonschema`` package, with bounded memory.

Measured:
- ``procure publish`` as a subprocess on a 100,000-row CSV: the outputs the target names
  (``--no-pages``), then all outputs including one page per notice: first publication, an
  unchanged re-publication and one with one entry changed (the pages of unchanged entries are
  kept from the previous publication); peak memory (max RSS) of the same run at 10,000 and
  100,000 entries, to show that memory does not grow with size;
- the schema validation inside publishing (jsonschema-rs, every release) against
  ``jsonschema`` 4 (Draft4Validator with its format checker, as the Data Review Tool runs it)
  on the same releases: timed on a sample (``--sample``, default 10,000 releases) and scaled
  to 100,000, because the reference takes about a minute and a half for all of them.

Run: ``.venv/bin/python benchmarks/bench_publish.py [--entries N] [--sample N]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PROCURE = Path(sys.executable).parent / "procure"
COLUMNS = ("id", "title", "description", "buyer", "buyer_id", "estimated_value", "currency",
           "procurement_method", "category", "cpv", "expected_tender_date",
           "expected_award_date", "contract_start", "contract_end", "sme_suitable",
           "engagement_date", "engagement_details", "contact_email", "status", "language")


def write_pipeline(path: Path, count: int) -> None:
    rng = random.Random(37106)
    methods, categories = ("open", "selective", "limited", "direct"), ("goods", "works", "services")
    with path.open("w", encoding="utf-8", newline="") as handle:
        table = csv.writer(handle)
        table.writerow(COLUMNS)
        for i in range(count):
            year = 2027 + i % 3
            month = 1 + i % 12
            table.writerow([
                f"P-{i:06d}", f"Planned procurement {i} · 计划采购项目 {i}",
                "Outcome-based service with open data; lots open to SMEs. 成果导向服务。",
                f"Department {i % 40} · 部门 {i % 40}", f"CN-USCC-DEPT{i % 40:04d}",
                rng.randrange(50_000, 90_000_000), "CNY", methods[i % 4], categories[i % 3],
                f"{rng.randrange(30_000_000, 98_000_000)}", f"{year}-{month:02d}-01",
                f"{year}-{month:02d}-20", f"{year + 1}-01-01", f"{year + 3}-12-31",
                "yes" if i % 2 else "no", f"{year - 1}-12-{1 + i % 28:02d}",
                "Supplier day · 供应商交流会", "procurement@city.example", "planned",
                "zh" if i % 2 else "en"])


def run_publish(source: Path, out: Path, epoch: str, *extra: str) -> tuple[float, int, str]:
    """Wall time, peak RSS of the child (KiB) and stdout of one ``procure publish``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # Let the disk write back what earlier runs left dirty, so that a run does not pay for
    # the one before it (seen: 14 s or 30 s for the same run without this).
    os.sync()
    time.sleep(3)
    start = time.perf_counter()
    run = subprocess.run([str(PROCURE), "publish", str(source), "--out", str(out),
                          "--ocid-prefix", "ocds-bench1", "--publisher", "Bench City",
                          "--base-url", "https://open.city.example/pipeline", *extra],
                         capture_output=True, text=True, check=False,
                         env={"SOURCE_DATE_EPOCH": epoch, "PATH": "/usr/bin:/bin"})
    elapsed = time.perf_counter() - start
    if run.returncode:
        raise SystemExit(run.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before), run.stdout.strip()


def inodes(site: Path) -> dict[str, int]:
    return {page.name: page.stat().st_ino for page in (site / "notices").iterdir()}


def kept(before: dict[str, int], site: Path) -> int:
    """How many notice pages the last publication kept (the same file, not a new one)."""
    return sum(before.get(name) == inode for name, inode in inodes(site).items())


def peak_rss(count: int, folder: Path) -> int:
    source = folder / f"p{count}.csv"
    write_pipeline(source, count)
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    run = subprocess.run([sys.executable, "-c", code, str(PROCURE), "publish", str(source),
                          "--out", str(folder / f"site{count}"), "--ocid-prefix", "ocds-bench1",
                          "--publisher", "Bench City"], capture_output=True, text=True, check=True)
    return int(run.stdout)


def validation(releases: list[dict], sample: int) -> tuple[float, float]:  # type: ignore[type-arg]
    """Seconds to validate all ``releases`` with jsonschema-rs, and with ``jsonschema``
    scaled from a sample."""
    import jsonschema

    from procurement.pipeline.checks import load_schema, release_validator

    fast = release_validator()
    start = time.perf_counter()
    assert all(fast.is_valid(r) for r in releases)
    rust = time.perf_counter() - start
    reference = jsonschema.Draft4Validator(load_schema("release-schema.json"),
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    subset = releases[:sample]
    start = time.perf_counter()
    assert all(not list(reference.iter_errors(r)) for r in subset)
    python = (time.perf_counter() - start) * len(releases) / len(subset)
    return rust, python


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "pipeline.csv"
        write_pipeline(source, args.entries)
        core, _, _ = run_publish(source, folder / "core", "1795000000", "--no-pages",
                                 "--state", str(folder / "core.jsonl"))
        print(f"publish {args.entries:,} entries: package, CSV, feed, index (--no-pages): "
              f"{core:.2f} s")
        first, _, stdout = run_publish(source, folder / "site", "1795000000")
        print(f"publish {args.entries:,} entries, all files and {args.entries:,} notice pages: "
              f"{first:.2f} s   [{stdout[:60]}…]")
        before = inodes(folder / "site")
        again, _, _ = run_publish(source, folder / "site", "1796000000")
        print(f"publish again, nothing changed:           {again:.2f} s   "
              f"[pages kept: {kept(before, folder / 'site'):,}]")
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("Planned procurement 7 ", "Planned procurement seven ", 1),
                          encoding="utf-8")
        before = inodes(folder / "site")
        changed, _, stdout = run_publish(source, folder / "site", "1797000000")
        print(f"publish again, one entry changed:         {changed:.2f} s   "
              f"[pages kept: {kept(before, folder / 'site'):,}; {stdout.split(':')[1][:40]}…]")
        sizes = {p.name: p.stat().st_size for p in (folder / "site").iterdir() if p.is_file()}
        print("files (MB): " + ", ".join(f"{k} {v / 1e6:.1f}" for k, v in sorted(sizes.items()))
              + f", notices/ {args.entries:,} pages")
        with (folder / "site" / "release-package.json").open(encoding="utf-8") as handle:
            releases = json.load(handle)["releases"]
        rust, python = validation(releases, args.sample)
        print(f"validate {len(releases):,} releases: jsonschema-rs {rust:.2f} s, jsonschema "
              f"{python:.1f} s (from {args.sample:,}) → {python / rust:.0f}× faster; whole "
              f"publish vs jsonschema validation alone: {python / core:.1f}× (--no-pages), "
              f"{python / first:.1f}× (with pages)")
        small, large = peak_rss(10_000, folder), peak_rss(args.entries, folder)
        print(f"peak memory: {small / 1024:.0f} MiB at 10,000 entries, {large / 1024:.0f} MiB "
              f"at {args.entries:,}")
        print(f"target ≤ 15 s (package, CSV, feed, index): {'met' if core <= 15 else 'MISSED'}"
              f"; with notice pages: {'met' if first <= 15 else 'MISSED'}; "
              f"≥ 20× jsonschema: {'met' if python / rust >= 20 else 'MISSED'}")


if __name__ == "__main__":
    main()
