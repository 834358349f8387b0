"""A hand-made set of releases whose indicators are worked out in the tests.

Procedures (ocid):
- P1 buyer A, open, 1 tenderer, priceOnly, CPV 72…, 2024: award 100 to S1 (sme).
  Two releases: the tender (older) then the award; the award is updated once (90 → 100).
- P2 buyer A, open, bids.statistics 3 bids, lots' criteria price + quality, 2024:
  award 300 to S2 (large).
- P3 buyer B, limited, 1 tenderer, ratedCriteria, CPV 45…, 2025: award 600 to S1 (sme).
- P4 buyer B, selective, 4 tenderers, no criteria, 2025: awards 200 to S3 (scale unknown)
  and a cancelled one to S2 (not counted).
"""

from __future__ import annotations

from typing import Any


def _party(pid: str, scale: str | None) -> dict[str, Any]:
    party: dict[str, Any] = {"id": pid, "name": pid, "roles": ["supplier"]}
    if scale:
        party["details"] = {"scale": scale}
    return party


def _award(aid: str, amount: float, supplier: str, date: str,
           status: str = "active") -> dict[str, Any]:
    return {"id": aid, "status": status, "date": date,
            "value": {"amount": amount, "currency": "EUR"},
            "suppliers": [{"id": supplier, "name": supplier}]}


def releases() -> list[dict[str, Any]]:
    cpv72 = [{"id": "1", "classification": {"scheme": "CPV", "id": "72000000"}}]
    cpv45 = [{"id": "1", "classification": {"scheme": "CPV", "id": "45000000"}}]
    return [
        {"ocid": "ocds-x-P1", "id": "1", "date": "2024-01-01T00:00:00Z",
         "buyer": {"id": "A", "name": "A"},
         "tender": {"procurementMethod": "open", "numberOfTenderers": 1,
                    "awardCriteria": "priceOnly", "items": cpv72}},
        {"ocid": "ocds-x-P1", "id": "2", "date": "2024-03-01T00:00:00Z",
         "parties": [_party("S1", "sme")],
         "awards": [_award("a1", 90, "S1", "2024-03-01T00:00:00Z")]},
        {"ocid": "ocds-x-P1", "id": "3", "date": "2024-04-01T00:00:00Z",
         "parties": [_party("S1", "sme")],
         "awards": [_award("a1", 100, "S1", "2024-03-01T00:00:00Z")]},
        {"ocid": "ocds-x-P2", "id": "1", "date": "2024-05-01T00:00:00Z",
         "buyer": {"id": "A", "name": "A"},
         "tender": {"procurementMethod": "open", "items": cpv72,
                    "lots": [{"id": "1", "awardCriteria": {"criteria": [
                        {"type": "price"}, {"type": "quality"}]}}]},
         "bids": {"statistics": [{"id": "1", "measure": "bids", "value": 3}]},
         "parties": [_party("S2", "large")],
         "awards": [_award("a2", 300, "S2", "2024-06-01T00:00:00Z")]},
        {"ocid": "ocds-x-P3", "id": "1", "date": "2025-02-01T00:00:00Z",
         "buyer": {"id": "B", "name": "B"},
         "tender": {"procurementMethod": "limited", "numberOfTenderers": 1,
                    "awardCriteria": "ratedCriteria", "items": cpv45},
         "parties": [_party("S1", "sme")],
         "awards": [_award("a3", 600, "S1", "2025-03-01T00:00:00Z")]},
        {"ocid": "ocds-x-P4", "id": "1", "date": "2025-04-01T00:00:00Z",
         "buyer": {"id": "B", "name": "B"},
         "tender": {"procurementMethod": "selective", "numberOfTenderers": 4},
         "parties": [_party("S3", None), _party("S2", "large")],
         "awards": [_award("a4", 200, "S3", "2025-05-01T00:00:00Z"),
                    _award("a5", 999, "S2", "2025-05-01T00:00:00Z", status="cancelled")]},
    ]
