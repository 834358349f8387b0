"""A procurement's jurisdiction: chosen at creation, frozen once open, and asked for the
standstill (award refused until the legal period has ended, with the date and the rule) and
for the identifier schemes of the buyer."""

from __future__ import annotations

from datetime import date

import pytest

from procurement.errors import ProcurementError
from procurement.services import award, clock, lifecycle, moderation, procurements
from procurement.services.errors import StateError
from tests.integration import world

USCI = "CN-USCI-11440300MB2C123452"


def _approved(db, monkeypatch, day: date, **created):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation", **created)
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    monkeypatch.setattr(clock, "today", lambda: day)
    award.approve(db, who["boss"], pid)
    return who, pid


def test_a_uk_award_waits_for_eight_working_days_beginning_with_the_notice_day(db, monkeypatch):
    # Procurement Act 2023 s.51(2): approved (award notice published) Wednesday 24 March 2027;
    # Good Friday and Easter Monday are not working days, so the period ends on 6 April.
    who, pid = _approved(db, monkeypatch, date(2027, 3, 24), jurisdiction="uk",
                         buyer_id="GB-LAE-BIR")
    assert procurements.get_procurement(db, who["obs"], pid).standstill_end == date(2027, 4, 6)
    monkeypatch.setattr(clock, "today", lambda: date(2027, 4, 6))
    with pytest.raises(StateError) as caught:
        award.award(db, who["lead"], pid)
    assert caught.value.render("en") == (
        "the standstill period runs until 2027-04-06 (8 working days beginning with the day on "
        "which the contract award notice is published: Procurement Act 2023 s.51(2)); the "
        "contract may be awarded from 2027-04-07")
    assert "英国《2023 年采购法》第 51(2) 条" in caught.value.render("zh")
    monkeypatch.setattr(clock, "today", lambda: date(2027, 4, 7))
    award.award(db, who["lead"], pid)


def test_a_chinese_award_waits_for_the_notice_and_challenge_periods(db, monkeypatch):
    # 87号令 第六十九条, 政府采购法 第五十二条: approved Monday 28 September 2026, notice period
    # ends on the 29th, the 7 working days of challenge (National Day off, Saturday 10 October
    # worked) on 14 October.
    who, pid = _approved(db, monkeypatch, date(2026, 9, 28), jurisdiction="cn", buyer_id=USCI)
    assert procurements.get_procurement(db, who["obs"], pid).standstill_end == date(2026, 10, 14)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 10, 14))
    with pytest.raises(StateError, match=r"Government Procurement Law art\. 52"):
        award.award(db, who["lead"], pid)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 10, 15))
    award.award(db, who["lead"], pid)


def test_the_buyer_identifier_is_checked_against_the_jurisdictions_schemes(db):
    who = world.people(db)
    with pytest.raises(ProcurementError, match="CN-USCC is not a scheme of the org-id register"):
        world.procurement(db, who, jurisdiction="cn", buyer_id="CN-USCC-11440300MB2C12345X")
    with pytest.raises(ProcurementError, match="one of the schemes CN-USCI, not GB-LAE"):
        world.procurement(db, who, jurisdiction="cn", buyer_id="GB-LAE-BIR")
    with pytest.raises(ProcurementError, match="is not a valid CN-USCI identifier"):
        world.procurement(db, who, jurisdiction="cn", buyer_id=USCI[:-1] + "3")
    with pytest.raises(ProcurementError, match="unknown jurisdiction fr; use one of cn, uk"):
        world.procurement(db, who, jurisdiction="fr")
    assert world.procurement(db, who, jurisdiction="cn", buyer_id=USCI)


def test_the_law_sets_the_standstill_and_the_rubric_profile_must_match(db):
    who = world.people(db)
    with pytest.raises(ProcurementError, match=r"standstill period of United Kingdom .* is set by "
                                                "law"):
        world.procurement(db, who, jurisdiction="uk", standstill_days=5)
    from procurement.rubric import load_rubric

    with pytest.raises(ProcurementError, match="rubric profile cn-services applies the rules of "
                                                "China"):
        procurements.create_procurement(db, who["lead"], reference="X-1", title="t",
                                        buyer_name="b", rubric=load_rubric("cn-services"),
                                        jurisdiction="uk")
    china = procurements.create_procurement(db, who["lead"], reference="X-2", title="t",
                                            buyer_name="b", rubric=load_rubric("cn-services"))
    assert china.jurisdiction == "cn"  # the profile's jurisdiction by default


def test_the_jurisdiction_may_change_in_draft_and_is_frozen_once_open(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    assert procurements.get_procurement(db, who["lead"], pid).jurisdiction == "generic"
    changed = procurements.update_methodology(db, who["lead"], pid, jurisdiction="uk",
                                              region="scotland")
    assert (changed.jurisdiction, changed.calendar_region) == ("uk", "scotland")
    lifecycle.open_for_bids(db, who["lead"], pid)
    with pytest.raises(StateError):
        procurements.update_methodology(db, who["lead"], pid, jurisdiction="eu")
    assert procurements.get_procurement(db, who["lead"], pid).jurisdiction == "uk"


def test_a_chinese_procurement_deducts_10_to_20_percent_for_small_enterprises(db):
    # 财库〔2020〕46号 第九条 (as raised by 财库〔2022〕19号): 10–20 % of the price; a
    # procurement reserved for SMEs deducts nothing.
    who = world.people(db)
    pid = world.procurement(db, who, jurisdiction="cn")
    assert procurements.get_procurement(db, who["lead"], pid).options.sme_deduction == 0.10
    with pytest.raises(ProcurementError, match="must be 10–20 %"):
        world.procurement(db, who, jurisdiction="cn", reference="T-2", sme_deduction=0.05)
    reserved = world.procurement(db, who, jurisdiction="cn", reference="T-3", sme_deduction=0)
    assert procurements.get_procurement(db, who["lead"], reserved).options.sme_deduction == 0
    uk = world.procurement(db, who, jurisdiction="uk", reference="T-4", sme_deduction=0.05)
    assert procurements.get_procurement(db, who["lead"], uk).options.sme_deduction == 0.05
