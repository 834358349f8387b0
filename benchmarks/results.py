"""Where the benchmarks write what they measured (benchmarks/results.json), for the speed
table of docs/performance.md, which is generated from it (tools/docgen.py): a figure in the
docs is always one a benchmark printed, with the day and the machine it ran on."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

PATH = Path(__file__).resolve().parent / "results.json"


def record(key: str, what: str, result: str, target: str = "–") -> None:
    """Keep one figure (``what`` is an English message id, translated in the docs)."""
    data = json.loads(PATH.read_text(encoding="utf-8")) if PATH.is_file() else {"figures": []}
    figures = [f for f in data["figures"] if f["key"] != key]
    figures.append({"key": key, "what": what, "result": result, "target": target,
                    "measured": datetime.now(UTC).date().isoformat(),
                    "machine": f"{os.cpu_count()} cores, {platform.machine()}"})
    order = [f["key"] for f in data["figures"]]
    figures.sort(key=lambda f: order.index(f["key"]) if f["key"] in order else len(order))
    data["figures"] = figures
    PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
