"""Benchmark: the joint procurement finder (issue 16) over 10,000 generated pipeline entries.

Target: ≤ 5 s on the 2-core machine. The entries are crowded on purpose: 120 CPV codes in 40
groups (about 250 entries a group, where a city's real pipeline has a handful), 150 buyers,
tender dates over three years, titles of a themed word and three of 40 others, in English or
(one in four) Chinese — so that blocking by CPV group and date still leaves some 800,000
pairs of titles to score.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.results import record
from procurement.pipeline import cpv
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.joint import find

ENTRIES, BUYERS, SEED = 10_000, 150, 16
WORDS = ["sensors", "parking", "lighting", "maintenance", "supply", "platform", "data",
         "cleaning", "school", "meals", "repair", "road", "bus", "charging", "software",
         "services", "equipment", "network", "waste", "collection", "bridge", "water",
         "pumps", "library", "books", "uniforms", "vehicles", "fuel", "security", "cameras",
         "printing", "furniture", "heating", "roofing", "signage", "training", "audit",
         "legal", "catering", "laundry"]
CHINESE = ["智慧", "停车", "路灯", "维护", "采购", "平台", "数据", "保洁", "学校", "午餐",
           "维修", "道路", "公交", "充电", "软件", "服务", "设备", "网络", "垃圾", "收运",
           "桥梁", "供水", "水泵", "图书", "书籍", "制服", "车辆", "燃油", "安保", "监控",
           "印刷", "家具", "供暖", "屋面", "标识", "培训", "审计", "法律", "餐饮", "洗涤"]


def codes(rng: random.Random) -> list[str]:
    """120 codes of the vocabulary in 40 CPV groups."""
    by_group: dict[str, list[str]] = {}
    for code in sorted(cpv.labels()):
        by_group.setdefault(code[:3], []).append(code)
    groups = rng.sample(sorted(g for g, found in by_group.items() if len(found) >= 3), 40)
    return [code for group in groups for code in rng.sample(by_group[group], 3)]


def pipeline(rng: random.Random) -> list[PipelineEntry]:
    chosen, start = codes(rng), date(2027, 1, 1)
    entries = []
    for number in range(ENTRIES):
        code = rng.choice(chosen)
        words = CHINESE if number % 4 == 0 else WORDS
        theme = int(code[:3]) % len(words)
        title = [words[theme], *rng.sample(words, 3)]
        entries.append(PipelineEntry.model_validate({
            "id": f"E-{number:05d}", "title": ("" if words is CHINESE else " ").join(title),
            "buyer": f"Buyer {rng.randrange(BUYERS)}", "cpv": code,
            "expected_tender_date": start + timedelta(days=rng.randrange(3 * 365)),
            "estimated_value": rng.randrange(10_000, 5_000_000), "currency": "CNY"}))
    return entries


def main() -> None:
    entries = pipeline(random.Random(SEED))
    find(entries[:500])  # warm-up: imports and caches
    times, found = [], []
    for _ in range(3):
        began = time.perf_counter()
        found = find(entries)
        times.append(time.perf_counter() - began)
    took = statistics.median(times)
    pairs = sum(len(o.reasons) for o in found)
    print(f"joint finder, {ENTRIES:,} entries: {took:.2f} s (median of 3); "
          f"{len(found):,} opportunities from {pairs:,} matched pairs")
    record("joint_finder", "the joint procurement finder over 10,000 pipeline entries",
           f"{took:.2f} s", "≤ 5 s")


if __name__ == "__main__":
    main()
