"""The contract stage on SQLite and PostgreSQL: the contract opened at the award from the
winning bid, KPIs refined before it starts, measurements rated with their credits, imports
all or nothing, modifications within the law's limits, and who may do what."""

from datetime import date

import pytest

from procurement.errors import InputError, ProcurementError
from procurement.services import (
    award,
    clock,
    contracts,
    moderation,
    performance,
    users,
)
from procurement.services.errors import ConflictError, PermissionDenied
from procurement.vocabulary import Direction, Rating
from tests.integration import world

KPIS = "Platform availability (%): 99.0 -> 99.5; Average search time (min): 11.5 -> 8"


@pytest.fixture
def awarded(db, monkeypatch):
    bids = [dict(bid, kpis=KPIS) if bid["bid_id"] == "A" else bid for bid in world.BIDS]
    monkeypatch.setattr(world, "BIDS", bids)
    who = world.people(db)
    users.add_user(db, "cm", "Contract Manager", "contract_manager", password=world.PASSWORD)
    who["cm"] = users.get_actor(db, "cm")
    pid, contract = _award(db, who, monkeypatch, "cn")
    return who, pid, contract


def _award(db, who, monkeypatch, jurisdiction):
    """A procurement of ``jurisdiction`` taken to its award; its contract."""
    pid = world.procurement(db, who, "moderation", jurisdiction=jurisdiction)
    moderation.set_consensus(db, who["lead"], pid, "A", "quality", 3, "agreed")
    award.recommend(db, who["lead"], pid, note="best value")
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 26))
    award.approve(db, who["boss"], pid)
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 18))
    award.award(db, who["lead"], pid)
    (contract,) = contracts.contracts_of(db, who["obs"], pid)
    return pid, contract


def test_the_award_opens_the_contract_from_the_winning_bid(db, awarded):
    _, _, contract = awarded
    assert (contract.bid_ref, contract.value, contract.currency) == ("A", 100.0, "CNY")
    # Starts on the first of the next month; a price of 100 over the 3-year default term.
    assert (contract.start_date, contract.end_date) == (date(2027, 1, 1), date(2029, 12, 31))
    assert contract.exit_plan_due == date(2027, 4, 1)  # the terms' 3 months
    assert contract.period_charge == pytest.approx(100 / 36)
    availability, search = contract.kpis
    assert availability.terms["direction"] == Direction.HIGHER and availability.terms["target"] == 99.5
    assert search.terms["direction"] == Direction.LOWER and search.terms["unit"] == "min"
    assert search.committed == {"measure": "Average search time (min)", "baseline": "11.5",
                                "target": "8"}


def test_the_lead_refines_a_kpi_before_the_start_with_a_reason(db, awarded, monkeypatch):
    who, _, contract = awarded
    with pytest.raises(ProcurementError, match="needs a reason"):
        contracts.refine_kpi(db, who["lead"], contract.id, 1, {"target": 99.9}, " ",
                             expected_version=1)
    refined = contracts.refine_kpi(db, who["lead"], contract.id, 1,
                                   {"target": 99.9, "method": "uptime monitor"},
                                   "agreed at mobilisation", expected_version=1)
    assert refined.terms["target"] == 99.9 and refined.committed["target"] == "99.5"
    with pytest.raises(ConflictError):
        contracts.refine_kpi(db, who["lead"], contract.id, 1, {"target": 99.0}, "again",
                             expected_version=1)
    with pytest.raises(PermissionDenied):
        contracts.refine_kpi(db, who["cm"], contract.id, 1, {"target": 99.0}, "mine",
                             expected_version=2)
    with pytest.raises(ProcurementError, match="cannot take these terms"):
        contracts.refine_kpi(db, who["lead"], contract.id, 1, {"target": "high"}, "x",
                             expected_version=2)
    monkeypatch.setattr(clock, "today", lambda: date(2027, 1, 1))
    with pytest.raises(ProcurementError, match="its KPIs are fixed"):
        contracts.refine_kpi(db, who["lead"], contract.id, 1, {"target": 99.0}, "late",
                             expected_version=2)


def test_measurements_are_rated_with_their_credits(db, awarded, tmp_path):
    who, _, contract = awarded
    seen = performance.record(db, who["cm"], contract.id, 1, "2027-01", 99.0, "monitor")
    assert seen.rating == Rating.APPROACHING_TARGET and seen.credit_percent == pytest.approx(0.5)
    with pytest.raises(PermissionDenied):
        performance.record(db, who["e1"], contract.id, 1, "2027-02", 99.0)
    with pytest.raises(ProcurementError, match="outside the contract's term"):
        performance.record(db, who["cm"], contract.id, 1, "2026-12", 99.0)
    file = tmp_path / "m.csv"
    file.write_text("kpi,period,value,evidence\n1,2027-01,99.6,replaced\n2,2027-01,10,survey\n"
                    "2,2027-02,7.5,survey\n", encoding="utf-8")
    assert performance.import_measurements(db, who["cm"], contract.id, file) == 3
    found = performance.performance(db, who["obs"], contract.id)
    assert [(m.kpi, m.period.month, m.rating) for m in found.measurements] == [
        (1, 1, Rating.GOOD), (2, 1, Rating.INADEQUATE), (2, 2, Rating.GOOD)]
    # January: search time 2 minutes over at 1 % a point = 2 % of the month's charge.
    january = found.periods[date(2027, 1, 1)]
    assert january.total == pytest.approx(0.02 * 100 / 36)
    bad = tmp_path / "bad.csv"
    bad.write_text("kpi,period,value\n1,2027-03,99\n7,2027-03,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="7 is not a KPI of this contract"):
        performance.import_measurements(db, who["cm"], contract.id, bad)
    assert len(performance.performance(db, who["obs"], contract.id).measurements) == 3


def test_modifications_within_chinas_limit(db, awarded):
    # Government Procurement Law art. 49: supplementary contracts at most 10 % in total.
    who, _, contract = awarded
    change = contracts.modify(db, who["lead"], contract.id, 6.0, "extra junctions",
                              date(2027, 3, 1))
    assert change.findings == []
    with pytest.raises(ProcurementError, match=r"Government Procurement Law art\. 49"):
        contracts.modify(db, who["lead"], contract.id, 5.0, "more", date(2027, 4, 1))
    assert len(contracts.contract(db, who["obs"], contract.id).modifications) == 1
    with pytest.raises(PermissionDenied):
        contracts.modify(db, who["cm"], contract.id, 1.0, "x", date(2027, 4, 1))


def test_exit_readiness_is_recorded(db, awarded):
    who, _, contract = awarded
    with pytest.raises(ProcurementError, match="needs its result"):
        contracts.record_exit(db, who["cm"], contract.id, data_return_tested=date(2027, 5, 1))
    shown = contracts.record_exit(db, who["cm"], contract.id, plan_received=date(2027, 3, 20),
                                  data_return_tested=date(2027, 5, 1),
                                  result="full export in 2 days, CSV and GeoJSON")
    assert shown.exit_plan_received == date(2027, 3, 20)
    assert (shown.data_return_result or "").startswith("full export")


def test_a_uk_change_past_the_threshold_is_recorded_with_its_finding(db, monkeypatch):
    # Procurement Act 2023 s.74: a below-threshold modification adds less than 10 % for
    # services; past it the change is recorded with the finding (a contract change notice,
    # s.75); past 50 % in total (Sch. 8 paras. 4–5) it is refused.
    who = world.people(db)
    _, contract = _award(db, who, monkeypatch, "uk")
    change = contracts.modify(db, who["lead"], contract.id, 12.0, "more users",
                              date(2027, 2, 1))
    assert [f["source"] for f in change.findings] == ["Procurement Act 2023 ss.74–75"]
    assert change.findings[0]["params"] == {"share": "12.0 %", "limit": "10.0 %"}
    with pytest.raises(ProcurementError, match=r"Sch\. 8 paras"):
        contracts.modify(db, who["lead"], contract.id, 40.0, "far more", date(2027, 3, 1))


def test_the_award_dossier_gains_the_contract_record(db, awarded, tmp_path):
    import json
    import zipfile

    from procurement.services import dossier

    who, pid, contract = awarded
    performance.record(db, who["cm"], contract.id, 1, "2027-01", 99.6, "monitor")
    built = dossier.build(db, who["lead"], pid, tmp_path / "d.zip")
    with zipfile.ZipFile(built.path) as archive:
        (record,) = json.loads(archive.read("contract-record.json"))
    assert record["contract"]["bid_ref"] == "A"
    assert [m["rating"] for m in record["measurements"]] == ["good"]
    assert dossier.verify(built.path, db).ok


def test_home_asks_for_last_months_measurements_and_an_overdue_exit_plan(db, awarded,
                                                                         monkeypatch):
    from procurement.services import tasks

    who, pid, contract = awarded

    def kinds(name):
        return [t.kind for t in tasks.my_tasks(db, who[name]) if t.procurement_id == pid]

    monkeypatch.setattr(clock, "today", lambda: date(2027, 2, 10))
    assert kinds("lead") == ["record_measurements"] and kinds("cm") == ["record_measurements"]
    assert kinds("e1") == []
    performance.record(db, who["cm"], contract.id, 1, "2027-01", 99.6)
    assert kinds("lead") == ["record_measurements"]  # KPI 2 still missing
    performance.record(db, who["cm"], contract.id, 2, "2027-01", 8.0)
    assert kinds("lead") == []
    monkeypatch.setattr(clock, "today", lambda: date(2027, 4, 2))  # due 1 April
    assert kinds("lead") == ["record_measurements", "exit_plan_overdue"]
    contracts.record_exit(db, who["cm"], contract.id, plan_received=date(2027, 4, 2))
    assert "exit_plan_overdue" not in kinds("lead")
