"""Integrity screening before approval: the approver (not the lead) notes every flag, and
approval is refused until each has a note. Runs on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import select

from procurement.errors import ProcurementError
from procurement.services import award, clock, integrity, moderation
from procurement.services.errors import NotFound, PermissionDenied, StateError
from procurement.store.rows import AuditRow
from tests.integration import world

# A 100 wins; B 104 is 4 % above it (R024 ≤ 5 %); C 250 ≥ 1.5 × 104 is a cover bid.
FLAGGED = [
    {"bid_id": "A", "supplier": "Alpha 阿尔法", "sme": "no", "eligible": "yes", "price": "100"},
    {"bid_id": "B", "supplier": "Beta & Sons <Ltd>", "sme": "yes", "eligible": "yes",
     "price": "104"},
    {"bid_id": "C", "supplier": "Gamma", "sme": "no", "eligible": "yes", "price": "250"},
]


@pytest.fixture
def moderated(db, monkeypatch):
    monkeypatch.setattr(world, "BIDS", FLAGGED)
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    for bid in ("A", "B"):  # far below C's 250: the lead's abnormally-low check comes first
        moderation.resolve_flag(db, who["lead"], pid, bid, "abnormally_low", "costing checked")
    return who, pid


@pytest.fixture
def recommended(db, moderated):
    who, pid = moderated
    award.recommend(db, who["lead"], pid, note="best value")
    return who, pid


def test_the_leads_preview_is_what_the_recommendation_raises(db, moderated):
    who, pid = moderated
    preview = integrity.preview(db, who["lead"], pid)
    assert [f.key for f in preview] == ["R024/A", "BR-COVER/C"]
    assert all(f.note is None for f in preview)
    assert preview[0].indicator("en") == "Price close to the winning bid"
    for other in ("boss", "lead2"):  # the lead's own preview
        with pytest.raises(PermissionDenied):
            integrity.preview(db, who[other], pid)
    award.recommend(db, who["lead"], pid, note="best value; B's price checked")
    assert [f.as_json("en") for f in integrity.screen(db, who["boss"], pid)] == [
        f.as_json("en") for f in preview]
    with pytest.raises(StateError):  # recommended: the recommendation is screened instead
        integrity.preview(db, who["lead"], pid)


def test_screen_names_indicator_rule_and_source(db, recommended):
    who, pid = recommended
    flags = integrity.screen(db, who["boss"], pid)
    assert [f.key for f in flags] == ["R024/A", "BR-COVER/C"]
    r024 = flags[0].as_json("en")
    assert r024["bids"] == ["A", "B"] and "4.0 %" in r024["detail"]
    assert r024["source"].endswith("cardinal-rs/blob/main/docs/cli/indicators/R/024.md")
    assert "Cardinal R024" in r024["rule"] and flags[0].rule("zh")
    assert integrity.screen(db, who["lead"], pid)  # the lead sees them too


def test_approval_refused_until_every_flag_is_noted_by_the_approver(db, recommended,
                                                                    monkeypatch):
    who, pid = recommended
    with pytest.raises(StateError, match="integrity flag before approving: R024/A, BR-COVER/C"):
        award.approve(db, who["boss"], pid)
    with pytest.raises(PermissionDenied):  # four eyes: the lead cannot note them
        integrity.note(db, who["lead"], pid, "R024", "A", "fine")
    with pytest.raises(ProcurementError, match="write what you checked"):
        integrity.note(db, who["boss"], pid, "R024", "A", "  ")
    with pytest.raises(NotFound):
        integrity.note(db, who["boss"], pid, "R028", "A", "no such flag")
    integrity.note(db, who["boss"], pid, "R024", "A", "Checked: B's bid was prepared apart")
    with pytest.raises(StateError, match=r"before approving: BR-COVER/C$"):
        award.approve(db, who["boss"], pid)
    replaced = integrity.note(db, who["boss"], pid, "R024", "A", "Checked <b>twice</b>")
    assert replaced.version == 2 and replaced.note == "Checked <b>twice</b>"
    integrity.note(db, who["boss"], pid, "BR-COVER", "C", "C confirmed its costing")
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    flags = integrity.screen(db, who["boss"], pid)
    assert [f.noted_by for f in flags] == ["boss", "boss"]
    with db.read() as session:
        logged = [e for e in session.scalars(select(AuditRow).where(
            AuditRow.action == "integrity.note"))]
    assert len(logged) == 3
    with pytest.raises(StateError):  # approved: nothing left to note
        integrity.note(db, who["boss"], pid, "R024", "A", "late")


def test_no_recommendation_no_screening(db):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    with pytest.raises(StateError, match="none yet"):
        integrity.screen(db, who["boss"], pid)


def test_a_recommendation_made_again_is_screened_and_noted_again(db, recommended):
    who, pid = recommended
    integrity.note(db, who["boss"], pid, "R024", "A", "checked")
    award.return_recommendation(db, who["boss"], pid, "look at C again")
    award.recommend(db, who["lead"], pid, note="best value, again")
    flags = integrity.screen(db, who["boss"], pid)
    assert [(f.key, f.note) for f in flags] == [("R024/A", None), ("BR-COVER/C", None)]
