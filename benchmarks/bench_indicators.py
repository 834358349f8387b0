"""Benchmark: ``procure indicators`` on 1,000,000 OCDS releases in JSON lines (issue 16).

The releases (benchmarks/indicators_data.py, seeded) are generated into a temporary file;
every indicator is then computed, overall and by buyer, by the DuckDB engine
(procurement.indicators.report.compute), and the overall ones again by plain pandas
(benchmarks/indicators_pandas.py) — each in its own process, whose time and peak resident
memory (``resource.getrusage``, ``ru_maxrss``) it reports itself. The two must agree.
Targets: ≤ 30 s and ≤ 2 GiB peak RSS for the DuckDB engine on a 2-core machine.

    .venv/bin/python benchmarks/bench_indicators.py [PROCEDURES]   (default 500,000: 1M releases)
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks import indicators_data  # noqa: E402
from benchmarks.results import record  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_GIB = 2.0

_CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
start = time.perf_counter()
if {engine!r} == "duckdb":
    from procurement.indicators.report import compute
    result = compute(Path({path!r}), "buyer")["overall"]
else:
    from benchmarks.indicators_pandas import overall
    result = overall(Path({path!r}))
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "rss_kib": rss, "result": result}}))
"""


def run(engine: str, path: Path) -> dict[str, object]:
    code = _CHILD.format(root=str(ROOT), engine=engine, path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def same(a: dict[str, object], b: dict[str, object]) -> bool:
    for key, value in a.items():
        other = b.get(key)
        if isinstance(value, float) and isinstance(other, float):
            if not math.isclose(value, other, rel_tol=1e-9):
                return False
        elif value != other:
            return False
    return True


def main() -> None:
    procedures = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    with tempfile.TemporaryDirectory(prefix="bench-indicators-") as folder:
        path = Path(folder) / "releases.jsonl"
        start = time.perf_counter()
        indicators_data.write(path, procedures)
        size = path.stat().st_size / 1024 ** 2
        print(f"{2 * procedures:,} releases, {size:,.0f} MiB, generated in "
              f"{time.perf_counter() - start:.1f} s")
        duck = run("duckdb", path)
        pandas = run("pandas", path)
    ok = same(duck["result"], pandas["result"])  # type: ignore[arg-type]
    d_s, p_s = float(duck["seconds"]), float(pandas["seconds"])  # type: ignore[arg-type]
    d_gib = int(duck["rss_kib"]) / 1024 ** 2  # type: ignore[call-overload]
    p_gib = int(pandas["rss_kib"]) / 1024 ** 2  # type: ignore[call-overload]
    print(f"DuckDB: {d_s:.1f} s, peak RSS {d_gib:.2f} GiB (overall and by buyer)")
    print(f"pandas: {p_s:.1f} s, peak RSS {p_gib:.2f} GiB (overall); "
          f"pandas/DuckDB time {p_s / d_s:.1f}x; same numbers: {ok}")
    print(json.dumps(duck["result"], indent=1)[:600])
    if procedures == 500_000:
        record("indicators_1m", "Indicators of 1,000,000 OCDS releases (DuckDB)",
               f"{d_s:.1f} s, {d_gib:.2f} GiB peak", f"≤ {TARGET_SECONDS:.0f} s, ≤ 2 GiB")
        record("indicators_1m_pandas", "The same with plain pandas (overall only)",
               f"{p_s:.1f} s, {p_gib:.2f} GiB peak ({p_s / d_s:.1f}× DuckDB's time)")
    if not ok:
        raise SystemExit("DuckDB and pandas disagree")
    if d_s > TARGET_SECONDS or d_gib > TARGET_GIB:
        raise SystemExit("over target")


if __name__ == "__main__":
    main()
