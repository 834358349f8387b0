"""The joint procurement finder (issue 16) on a hand-made pipeline whose grouping is worked
out here: CPV hierarchy, the tender window's edges, different buyers, English and Chinese."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from rapidfuzz import fuzz

from procurement.pipeline import joint
from procurement.pipeline.entry import JointBuyer, PipelineEntry
from procurement.pipeline.joint_entry import joint_entry, shared_code


def entry(id_: str, title: str, buyer: str, cpv: str, day: str, value: int | None = None,
          **more: Any) -> PipelineEntry:
    data = {"id": id_, "title": title, "buyer": buyer, "cpv": cpv,
            "expected_tender_date": day, **more}
    if value is not None:
        data |= {"estimated_value": value, "currency": "CNY"}
    return PipelineEntry.model_validate(data)


# T1–P1: class 3492 (road equipment), two months apart, alike: paired.
# H1: group 349 with both, within six months of both, alike: joins them.
# X1: division 34 only (group 341): never paired, however alike.
# E1–E2: class 5552 (school catering), in Chinese: paired; W1 is withdrawn.
PIPELINE = [
    entry("T1", "Car park sensors and guidance", "Transport Bureau", "34926000",
          "2027-03-01", 1_000_000),
    entry("P1", "Car park sensors for parks", "Parks Department", "34923000", "2027-05-01",
          500_000),
    entry("H1", "Sensors and guidance for car parks", "Housing Bureau", "34913510",
          "2027-08-20", 250_000),
    entry("X1", "Car park sensors and guidance", "Police", "34100000", "2027-03-01"),
    entry("E1", "学校午餐配送服务", "教育局", "55523100", "2027-04-01", 2_000_000,
          language="zh"),
    entry("E2", "中小学校午餐配送", "卫生健康委员会", "55524000", "2027-06-30", 300_000,
          language="zh"),
    entry("W1", "学校午餐配送服务", "民政局", "55523100", "2027-04-01", status="withdrawn"),
]


def test_the_pipeline_groups_as_worked_out():
    found = joint.find(PIPELINE)
    assert [o.entries for o in found] == [("T1", "P1", "H1"), ("E1", "E2")]
    parking, meals = found
    assert parking.buyers == ("Transport Bureau", "Parks Department", "Housing Bureau")
    assert parking.combined_value == {"CNY": Decimal(1_750_000)}
    assert [(r.entries, r.cpv_level, r.cpv_prefix) for r in parking.reasons] == [
        (("T1", "P1"), "class", "3492"), (("T1", "H1"), "group", "349"),
        (("P1", "H1"), "group", "349")]
    assert parking.reasons[0].tender_dates == (date(2027, 3, 1), date(2027, 5, 1))
    assert all(r.similarity >= joint.DEFAULT_MIN_SIMILARITY for r in parking.reasons)
    (reason,) = meals.reasons
    assert (reason.entries, reason.cpv_level, reason.cpv_prefix) == (("E1", "E2"), "class",
                                                                     "5552")
    assert meals.combined_value == {"CNY": Decimal(2_300_000)}


def test_the_order_and_the_ids_do_not_depend_on_the_input_order():
    forwards, backwards = joint.find(PIPELINE), joint.find(list(reversed(PIPELINE)))
    assert forwards == backwards
    assert forwards[0].id == joint.opportunity_id(["H1", "T1", "P1"])
    assert joint.opportunity_id(["a", "b"]) == joint.opportunity_id(["b", "a"]) != \
        joint.opportunity_id(["a", "c"])


def test_a_window_includes_its_last_day_and_not_the_next():
    first = entry("A", "Road salt supply", "City A", "34927100", "2027-01-31")
    last = entry("B", "Road salt supply", "City B", "34927100", "2027-07-31")
    late = entry("C", "Road salt supply", "City C", "34927100", "2027-08-01")
    assert [o.entries for o in joint.find([first, last])] == [("A", "B")]
    assert joint.find([first, late]) == []
    assert [o.entries for o in joint.find([first, late], window_months=7)] == [("A", "C")]
    same_day = entry("D", "Road salt supply", "City D", "34927100", "2027-01-31")
    assert [o.entries for o in joint.find([first, last, same_day], window_months=0)] == [
        ("A", "D")]


def test_only_different_buyers_are_paired():
    one = entry("A", "Road salt supply", "City A", "34927100", "2027-01-31",
                buyer_id="GB-COH-01234567")
    same = entry("B", "Road salt supply", "city  a", "34927100", "2027-02-01")
    same_id = entry("C", "Road salt", "Another name", "34927100", "2027-02-01",
                    buyer_id="GB-COH-01234567")
    assert joint.find([one, same_id]) == []
    assert joint.find([entry("A", "Road salt supply", "City A", "34927100", "2027-01-31"),
                       same]) == []


def test_the_cpv_hierarchy():
    assert joint.cpv_level("34926000", "34923000") == ("class", "3492")
    assert joint.cpv_level("34926000", "34913510") == ("group", "349")
    assert joint.cpv_level("34926000", "34100000") == ("division", "34")
    assert joint.cpv_level("34926000", "45310000") is None
    salt = [entry("A", "Road salt", "City A", "34927100", "2027-01-31"),
            entry("B", "Road salt", "City B", "34100000", "2027-01-31")]
    assert joint.find(salt) == []
    (division,) = joint.find(salt, level="division")
    assert division.reasons[0].cpv_level == "division"


def test_chinese_is_compared_character_by_character():
    alike, unlike = ("学校午餐配送服务", "中小学校午餐配送"), ("学校午餐配送服务", "路灯维护工程")
    assert joint.similarity(*alike) >= 75 > joint.DEFAULT_MIN_SIMILARITY > joint.similarity(
        *unlike)
    # Without the characters split, a title is one token: reordered words do not match.
    reordered = ("全市中小学校学生午餐配送服务项目", "午餐配送（学校）")
    assert fuzz.token_set_ratio(*reordered) < joint.DEFAULT_MIN_SIMILARITY
    assert joint.similarity(*reordered) == 100
    assert joint.comparable("智慧路灯，Smart-Lighting") == "智 慧 路 灯 smart lighting"


def test_english_titles_and_descriptions():
    assert joint.similarity("Car park sensors and guidance", "Sensors for car parks") >= 60
    assert joint.similarity("Car park sensors", "School meals delivery") < 60
    plain = entry("A", "Sensors", "City A", "34926000", "2027-01-31",
                  description="Car park guidance sensors")
    other = entry("B", "Car park guidance sensors", "City B", "34926000", "2027-02-01")
    assert [o.entries for o in joint.find([plain, other])] == [("A", "B")]


def test_entries_without_a_code_or_a_date_and_joint_entries_are_left_out():
    a = entry("A", "Road salt", "City A", "34927100", "2027-01-31")
    undated = PipelineEntry(id="B", title="Road salt", buyer="City B", cpv="34927100")
    uncoded = PipelineEntry(id="C", title="Road salt", buyer="City C",
                            expected_tender_date=date(2027, 1, 31))
    joint_one = entry("D", "Road salt", "City D", "34927100", "2027-01-31",
                      joint_buyers=[{"name": "City E"}])
    assert joint.find([a, undated, uncoded, joint_one]) == []
    with pytest.raises(ValueError):
        joint.find([a], window_months=-1)


def test_the_joint_entry_of_an_opportunity():
    parking = joint.find(PIPELINE)[0]
    made = joint_entry(parking, {e.id: e for e in PIPELINE})
    assert made.id == f"joint-{parking.id[:10]}" and made.buyer == "Transport Bureau"
    assert [b.name for b in made.joint_buyers or ()] == ["Parks Department", "Housing Bureau"]
    assert (made.estimated_value, made.currency) == (Decimal(1_750_000), "CNY")
    assert made.cpv == "34900000" and made.expected_tender_date == date(2027, 3, 1)
    assert shared_code([PIPELINE[0], PIPELINE[1]]) == "34920000"
    assert shared_code([PIPELINE[0]]) == "34926000"


def test_the_notice_and_the_index_name_every_buyer_of_a_joint_entry():
    from procurement.pipeline.site import buyers, index_row

    made = joint_entry(joint.find(PIPELINE)[0], {e.id: e for e in PIPELINE})
    assert buyers(made) == "Transport Bureau; Parks Department; Housing Bureau"
    assert "Transport Bureau; Parks Department; Housing Bureau" in index_row(made)
    assert buyers(PIPELINE[0]) == "Transport Bureau"


def test_the_planning_release_of_a_joint_entry_lists_every_buyer_once():
    from procurement.pipeline.planning import entry_hash, planning_release
    from procurement.pipeline.releases import NoticeOptions

    made = joint_entry(joint.find(PIPELINE)[0], {e.id: e for e in PIPELINE}).model_copy(
        update={"joint_buyers": (*(joint_entry(joint.find(PIPELINE)[0],
                                               {e.id: e for e in PIPELINE}).joint_buyers or ()),
                                 JointBuyer(name="Transport Bureau"))})
    release = planning_release(made, NoticeOptions("ocds-abc123"), 1, "2026-12-02T00:00:00Z")
    assert [(p["id"], p["roles"]) for p in release["parties"]] == [
        ("buyer-transport-bureau", ["buyer", "procuringEntity"]),
        ("buyer-parks-department", ["buyer"]), ("buyer-housing-bureau", ["buyer"])]
    assert release["buyer"] == release["tender"]["procuringEntity"] == {
        "id": "buyer-transport-bureau", "name": "Transport Bureau"}
    # An entry that is not joint hashes as before joint buyers existed (nothing republished).
    plain = PIPELINE[0]
    options = NoticeOptions("ocds-abc123")
    fields = plain.model_dump_json(exclude={"joint_buyers"})
    assert "joint_buyers" not in fields
    before = hashlib.blake2b(fields.encode(), digest_size=16)
    before.update(b"|ocds-abc123|ocds|None|True")  # the hash as it was computed until now
    assert entry_hash(plain, options) == before.hexdigest() != entry_hash(made, options)


def test_values_in_several_currencies_are_not_summed_together():
    pounds = entry("G1", "Car park sensors", "Borough", "34926000", "2027-03-15")
    pounds = pounds.model_copy(update={"estimated_value": Decimal(100), "currency": "GBP"})
    found = joint.find([PIPELINE[0], pounds])
    (opportunity,) = found
    assert opportunity.combined_value == {"CNY": Decimal(1_000_000), "GBP": Decimal(100)}
    made = joint_entry(opportunity, {e.id: e for e in (PIPELINE[0], pounds)})
    assert made.estimated_value is None and made.currency is None
