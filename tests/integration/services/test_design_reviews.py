"""Design reviews recorded in the city's portfolio (SQLite and PostgreSQL): a lead records
one, for a procurement only its own lead; the review is audited; the maturity per year is
read from what was recorded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from procurement.design import load_design
from procurement.services import audit_log, clock, design_reviews, indicators
from procurement.services.errors import NotFound, PermissionDenied
from procurement.store import audit
from tests.integration import world

DESIGNS = Path(__file__).resolve().parents[3] / "examples" / "design"


def test_a_lead_records_reviews_and_the_portfolio_shows_them_per_year(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    smart, legacy = (load_design(DESIGNS / f"{n}.yaml") for n in ("smart-parking", "legacy-cctv"))
    with clock.at(datetime(2025, 5, 1, 9, tzinfo=UTC)):
        first = design_reviews.record(db, who["lead"], legacy, pid)
    with clock.at(datetime(2026, 2, 1, 9, tzinfo=UTC)):
        design_reviews.record(db, who["lead2"], smart)
    assert (first.design_key, first.procurement, first.smart_rows) == ("HC-2026-031", "T-1", 0)
    shown = design_reviews.recorded(db)
    assert [(r.design_key, r.reviewed_by, r.smart_rows) for r in shown] == [
        ("HC-2026-017", "lead2", 13), ("HC-2026-031", "lead", 0)]
    periods = design_reviews.maturity(db)["periods"]
    assert [(p["period"], p["designs"], p["average_smart_rows"]) for p in periods] == [
        ("2025", 1, 0.0), ("2026", 1, 13.0)]
    assert indicators.of_database(db)["maturity"]["periods"] == periods
    with db.read() as session:
        entries = [e for e in audit.entries(session) if e.action == "design.review"]
    assert [e.entity for e in entries] == ["design:HC-2026-031", "design:HC-2026-017"]
    assert audit_log.verify_chain(db).ok


def test_only_a_lead_records_and_only_for_their_own_procurement(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    design = load_design(DESIGNS / "smart-parking.yaml")
    for name in ("boss", "e1", "obs"):
        with pytest.raises(PermissionDenied):
            design_reviews.record(db, who[name], design)
    with pytest.raises(PermissionDenied):
        design_reviews.record(db, who["lead2"], design, pid)
    with pytest.raises(NotFound):
        design_reviews.record(db, who["lead"], design, pid + 99)
    assert design_reviews.recorded(db) == []
