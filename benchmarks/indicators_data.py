"""1,000,000 OCDS releases of a realistic shape, seeded, in JSON lines (for
bench_indicators): 500,000 procedures, each a tender release then an award release.

300 buyers, 45 CPV divisions, 50,000 suppliers (skewed: the first few win often), methods open
70 %, selective 10 %, limited 15 %, direct 5 %; 1-12 tenderers (a third single); price only
40 %, rated criteria 50 %, none 10 %; scale sme 55 %, large 35 %, unknown 10 %; one award
(a tenth two lots) with a log-normal value in EUR; 2019-2025.
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson

METHODS = ("open",) * 14 + ("selective",) * 2 + ("limited",) * 3 + ("direct",)
CRITERIA = ("priceOnly",) * 4 + ("ratedCriteria",) * 5 + (None,)
SCALES = ("sme",) * 11 + ("large",) * 7 + (None,) * 2


def write(path: Path, procedures: int = 500_000, seed: int = 16) -> None:
    rng = random.Random(seed)
    cpvs = [f"{d:02d}000000" for d in range(3, 93, 2)]
    scales = [rng.choice(SCALES) for _ in range(50_000)]
    with path.open("wb") as sink:
        for n in range(procedures):
            ocid = f"ocds-bench-{n:07d}"
            year = rng.randint(2019, 2025)
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            buyer = f"B{rng.randint(1, 300):03d}"
            tenderers = rng.randint(1, 12) if rng.random() > 0.3 else 1
            tender = {"id": str(n), "title": f"Procurement {n}", "status": "complete",
                      "procurementMethod": rng.choice(METHODS),
                      "numberOfTenderers": tenderers,
                      "items": [{"id": "1", "description": "Goods or services",
                                 "classification": {"scheme": "CPV", "id": rng.choice(cpvs)}}]}
            if (criteria := rng.choice(CRITERIA)) is not None:
                tender["awardCriteria"] = criteria
            buyer_party: dict[str, object] = {"id": buyer, "name": f"Buyer {buyer}", "roles": ["buyer"]}
            sink.write(orjson.dumps({
                "ocid": ocid, "id": f"{ocid}-tender", "date": f"{day}T00:00:00Z",
                "tag": ["tender"], "initiationType": "tender", "parties": [buyer_party],
                "buyer": {"id": buyer, "name": f"Buyer {buyer}"}, "tender": tender}) + b"\n")
            awards: list[dict[str, object]] = []
            parties: list[dict[str, object]] = [buyer_party]
            for lot in range(2 if rng.random() < 0.1 else 1):
                supplier = int(50_000 * rng.random() ** 3)  # a few win often
                sid = f"S{supplier:05d}"
                party: dict[str, object] = {"id": sid, "name": f"Supplier {sid}", "roles": ["supplier"]}
                if scales[supplier]:
                    party["details"] = {"scale": scales[supplier]}
                parties.append(party)
                awards.append({"id": f"{n}-{lot}", "status": "active",
                               "date": f"{day}T12:00:00Z",
                               "value": {"amount": round(rng.lognormvariate(11, 1.5), 2),
                                         "currency": "EUR"},
                               "suppliers": [{"id": sid, "name": f"Supplier {sid}"}]})
            sink.write(orjson.dumps({
                "ocid": ocid, "id": f"{ocid}-award", "date": f"{day}T12:00:00Z",
                "tag": ["award"], "initiationType": "tender", "parties": parties,
                "buyer": {"id": buyer, "name": f"Buyer {buyer}"},
                "tender": {"id": str(n), "numberOfTenderers": tenderers},
                "awards": awards}) + b"\n")
