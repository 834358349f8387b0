"""The demo city: every screen has data, the chain verifies, and a second run changes nothing."""

from procurement.services import audit_log, demo, moderation, procurements, results, users


def test_demo_city(db):
    summaries = demo.build_demo(db)
    by_ref = {s.reference: s for s in summaries}
    assert by_ref[demo.PARKING].status == "moderation" and by_ref[demo.PARKING].bid_count == 5
    assert by_ref[demo.PORTAL].status == "draft"
    lead = users.get_actor(db, "li.na")
    detail = procurements.get_procurement(db, lead, by_ref[demo.PARKING].id)
    conflicts = [m for m in detail.panel if m.coi == "conflict"]
    assert [m.username for m in conflicts] == ["wang.lei"] and conflicts[0].coi_reason
    evaluation = results.evaluate_procurement(db, lead, by_ref[demo.PARKING].id).evaluation
    assert evaluation.winner is not None and evaluation.winner.bid_id == "SP-02"
    assert [r.bid_id for r in evaluation.ranking if r.status == "disqualified"] == ["SP-05"]
    assert any(c.consensus_source == "moderated" for c in evaluation.panel or [])
    assert moderation.flag_resolutions(db, lead, by_ref[demo.PARKING].id)
    entries = audit_log.verify_chain(db).entries
    assert entries > 150 and audit_log.verify_chain(db).ok
    assert users.authenticate(db, "zhou.min", demo.DEMO_PASSWORD).role == "approver"
    demo.build_demo(db)
    assert audit_log.verify_chain(db).entries == entries
