"""The overall indicators computed with plain pandas (each line parsed with orjson), the same
rules as procurement.indicators.queries, for bench_indicators's comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pandas as pd

from procurement.indicators.queries import Inputs
from procurement.indicators.report import indicators


def _price_only(tender: dict[str, Any]) -> bool | None:
    if tender.get("awardCriteria") == "priceOnly":
        return True
    criteria = [c for lot in tender.get("lots") or []
                for c in (lot.get("awardCriteria") or {}).get("criteria") or []]
    if criteria:
        return all(c.get("type") == "price" for c in criteria)
    return False if tender.get("awardCriteria") is not None else None


def frames(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rel, awards, parties = [], [], []
    with path.open("rb") as lines:
        for line in lines:
            r = orjson.loads(line)
            t, date = r.get("tender") or {}, r.get("date")
            rel.append((r["ocid"], date, t.get("procurementMethod"), t.get("numberOfTenderers"),
                        _price_only(t), (r.get("buyer") or {}).get("name")))
            for a in r.get("awards") or []:
                for s in a.get("suppliers") or []:
                    awards.append((r["ocid"], a.get("id"), date, a.get("status") or "active",
                                   (a.get("date") or date or "")[:4],
                                   (a.get("value") or {}).get("amount"),
                                   len(a["suppliers"]), s.get("id") or s.get("name")))
            for p in r.get("parties") or []:
                if scale := (p.get("details") or {}).get("scale"):
                    parties.append((r["ocid"], p["id"], date, scale))
    return (pd.DataFrame(rel, columns=["ocid", "date", "method", "bidders", "price_only",
                                       "buyer"]),
            pd.DataFrame(awards, columns=["ocid", "id", "date", "status", "year", "amount",
                                          "n", "supplier"]),
            pd.DataFrame(parties, columns=["ocid", "supplier", "date", "scale"]))


def overall(path: Path) -> dict[str, Any]:
    rel, awards, parties = frames(path)
    rel = rel.sort_values("date")
    proc = rel.groupby("ocid")[["method", "bidders", "price_only"]].last()  # last non-null
    competitive = proc["method"].isin(["open", "selective"])
    counted = competitive & (proc["bidders"] > 0)
    awards = awards.sort_values("date").drop_duplicates(["ocid", "id", "supplier"], keep="last")
    awards = awards[awards["status"] == "active"].copy()
    awards["amount"] = awards["amount"] / awards["n"]
    scale = parties.sort_values("date").drop_duplicates(["ocid", "supplier"], keep="last")
    awards = awards.merge(scale[["ocid", "supplier", "scale"]], how="left",
                          on=["ocid", "supplier"])
    scaled = awards[awards["scale"].notna()]
    sme = scaled[scaled["scale"] == "sme"]
    suppliers = awards.groupby("supplier").agg(total=("amount", "sum"), first=("year", "min"))
    known = proc["price_only"].notna()
    return indicators(Inputs(
        procedures=len(proc), competitive=int(competitive.sum()),
        competitive_counted=int(counted.sum()),
        single_bid=int((counted & (proc["bidders"] == 1)).sum()),
        bidders_total=float(proc.loc[proc["bidders"] > 0, "bidders"].sum()),
        bidders_counted=int((proc["bidders"] > 0).sum()),
        criteria_known=int(known.sum()),
        price_only=int(proc.loc[known, "price_only"].astype(bool).sum()),
        awards_scaled=len(scaled), awards_sme=len(sme),
        value_scaled=float(scaled["amount"].sum()), value_sme=float(sme["amount"].sum()),
        suppliers=len(suppliers), supplier_values=suppliers["total"].tolist(),
        first_years=[int(y) for y in suppliers["first"] if y]))
