"""Creating procurements, their frozen methodology, and who sees which."""

import pytest
from sqlalchemy import select

from procurement.errors import ProcurementError
from procurement.rubric import load_rubric
from procurement.services import procurements
from procurement.services.errors import ConflictError, PermissionDenied, StateError
from procurement.store.rows import AuditRow
from tests.conftest import MINI_RUBRIC
from tests.integration import world


def test_create_freezes_the_rubric_and_settings(db):
    who = world.people(db)
    detail = procurements.create_procurement(
        db, who["lead"], reference="HC-1", title="Parking", buyer_name="City",
        rubric="iso37106-smart", sme_deduction=0.1, discount_rate=0.05)
    assert detail.status == "draft" and detail.lead == "lead"
    assert detail.rubric == load_rubric("iso37106-smart")
    assert detail.options.sme_deduction == 0.1 and detail.options.discount_rate == 0.05
    with pytest.raises(ConflictError):
        procurements.create_procurement(db, who["lead"], reference="HC-1", title="x",
                                        buyer_name="y")


def test_only_leads_create(db):
    who = world.people(db)
    for name in ("e1", "boss", "obs"):
        with pytest.raises(PermissionDenied):
            procurements.create_procurement(db, who[name], reference="X", title="x",
                                            buyer_name="y")


def test_methodology_changes_in_draft_and_is_audited(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    detail = procurements.update_methodology(db, who["lead"], pid, weights={"quality": 50},
                                             thresholds={"quality": 2}, price_formula="linear")
    quality = detail.rubric.criterion("quality")
    assert (quality.weight, quality.threshold) == (50, 2)
    assert detail.options.price_formula == "linear"
    with db.read() as session:
        entry = session.scalars(select(AuditRow).where(
            AuditRow.action == "procurement.methodology")).one()
    assert '"quality":40' in (entry.before or "") and '"quality":50' in (entry.after or "")


@pytest.mark.parametrize(("change", "message"), [
    ({"weights": {"nope": 3}}, "no criterion nope"),
    ({"weights": {"quality": -1}}, "field criteria.quality.weight: must be at least 0"),
    ({"price_formula": "benchmark"}, "benchmark price"),
])
def test_invalid_methodology_is_refused_whole(db, change, message):
    who = world.people(db)
    pid = world.procurement(db, who)
    with pytest.raises(ProcurementError, match=message):
        procurements.update_methodology(db, who["lead"], pid, **change)
    assert procurements.get_procurement(db, who["lead"], pid).version == 1


def test_methodology_is_fixed_once_open_and_the_attempt_is_recorded(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open")
    with pytest.raises(StateError, match="cannot change once it is open"):
        procurements.update_methodology(db, who["lead"], pid, weights={"quality": 90})
    with db.read() as session:
        refused = session.scalars(select(AuditRow).where(
            AuditRow.action == "procurement.methodology_change_refused")).all()
    assert len(refused) == 1 and '"quality":90' in (refused[0].after or "")
    assert procurements.get_procurement(db, who["lead"], pid).rubric.criterion("quality").weight == 40


def test_only_its_lead_changes_a_procurement(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    with pytest.raises(PermissionDenied, match="only the lead"):
        procurements.update_methodology(db, who["lead2"], pid, weights={"quality": 1})


def test_profile_rules_hold_for_procurements_too(db):
    who = world.people(db)
    with pytest.raises(ProcurementError, match="requires the price formula lowest_ratio"):
        procurements.create_procurement(db, who["lead"], reference="CN-1", title="x",
                                        buyer_name="y", rubric="cn-services",
                                        price_formula="linear")


def test_who_lists_what(db):
    who = world.people(db)
    mine = world.procurement(db, who, evaluators=("e1",))
    procurements.create_procurement(db, who["lead2"], reference="OTHER", title="x",
                                    buyer_name="y", rubric=load_rubric(MINI_RUBRIC))

    def refs(name):
        return {p.id for p in procurements.list_procurements(db, who[name])}

    assert refs("lead") == {mine}
    assert refs("e1") == {mine} and refs("e2") == set()
    assert len(refs("boss")) == 2 and len(refs("obs")) == 2


@pytest.mark.parametrize(("lots", "message"), [
    ([{"id": "", "title": "North"}], "lot 1: an id uses letters"),
    ([{"id": "L2 South", "title": "South"}], "lot 1: an id uses letters"),
    ([{"id": "L1", "title": " "}], "lot L1 needs a title"),
    ([{"id": "L1", "title": "North"}, {"id": "L1", "title": "Again"}], "lot L1 is listed twice"),
])
def test_lots_are_checked(db, lots, message):
    who = world.people(db)
    with pytest.raises(ProcurementError, match=message):
        procurements.create_procurement(db, who["lead"], reference="L-1", title="Lots",
                                        buyer_name="City", lots=lots)
    assert not procurements.list_procurements(db)
    created = procurements.create_procurement(
        db, who["lead"], reference="L-2", title="Lots", buyer_name="City",
        lots=[{"id": " L1 ", "title": " North "}, {"id": "L2", "title": "South"}])
    assert created.lots == [{"id": "L1", "title": "North"}, {"id": "L2", "title": "South"}]
