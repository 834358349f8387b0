"""The joint procurement page (issue 16), run on its own on the demo city (whose Data Office
entry overlaps a Transport Bureau one) with overlapping entries of four more buyers: the lead
dismisses one opportunity with a reason and accepts another; a reader sees them without the
buttons."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from procurement.services import joint, pipeline_store, users
from tests.ui.conftest import shown

PAGE = Path(__file__).resolve().parents[2] / "app_pages" / "city_joint.py"
MORE = [
    {"id": "PK-1", "title": "Car park sensors and guidance", "buyer": "Parks Department",
     "cpv": "34926000", "expected_tender_date": "2027-03-01", "estimated_value": "500000",
     "currency": "CNY"},
    {"id": "HS-1", "title": "Sensors and guidance for car parks", "buyer": "Housing Bureau",
     "cpv": "34923000", "expected_tender_date": "2027-04-01"},
    {"id": "ED-1", "title": "学校午餐配送服务", "buyer": "教育局", "cpv": "55523100",
     "expected_tender_date": "2027-04-01", "language": "zh"},
    {"id": "HL-1", "title": "中小学校午餐配送", "buyer": "卫生健康委员会 <b>x</b>",
     "cpv": "55524000", "expected_tender_date": "2027-05-01", "language": "zh"},
]


def _page(city, username: str) -> AppTest:
    lead = users.get_actor(city, "li.na")
    if pipeline_store.list_entries(city)[-1].id != "HL-1":
        for data in MORE:
            pipeline_store.save_entry(city, lead, data)
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state["lang"] = "en"
    at.session_state["actor"] = users.get_actor(city, username)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_lead_dismisses_and_accepts(city):
    at = _page(city, "li.na")
    parking, meals, platform = joint.find_in_db(city).open()  # by tender date
    assert platform.entries == ("HC-2027-002", "DO-2027-001")  # the demo's own
    assert [s.value for s in at.subheader] == [f"Opportunity {o.id}"
                                               for o in (parking, meals, platform)]
    assert any(shown(m.value) == "教育局, 卫生健康委员会 <b>x</b> — combined value –"
               and "\\<b\\>" in m.value for m in at.markdown)  # shown as text, escaped
    at.button(key=f"FormSubmitter:joint_{meals.id}-Dismiss").click().run()
    assert any("a reason is needed to dismiss an opportunity" in shown(e.value)
               for e in at.error)
    assert meals.id not in joint.decisions(city)
    at.text_input(key=f"joint_reason_{meals.id}").set_value("Different areas")
    at.button(key=f"FormSubmitter:joint_{meals.id}-Dismiss").click().run()
    assert not at.exception
    assert joint.decisions(city)[meals.id].reason == "Different areas"
    at.button(key=f"FormSubmitter:joint_{parking.id}-Accept: add a joint entry").click().run()
    assert not at.exception
    made = joint.decisions(city)[parking.id].joint_entry
    assert made in [e.id for e in pipeline_store.list_entries(city)]
    assert [s.value for s in at.subheader] == [f"Opportunity {platform.id}"]


def test_a_reader_sees_no_buttons(city):
    at = _page(city, "audit.office")
    assert len(at.subheader) == 3 and not at.button
