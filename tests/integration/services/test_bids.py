"""Receiving bids all-or-nothing; who sees bids; the sealed price envelope."""

from pathlib import Path

import pytest

from procurement.errors import InputError
from procurement.services import bids, panel
from procurement.services.errors import PermissionDenied
from tests.integration import world

HEADER = "bid_id,supplier,supplier_id,sme,eligible,price,answer_quality\n"


def _file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bids.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_import_keeps_answers_and_seals_prices(db, tmp_path):
    who = world.people(db)
    pid = world.procurement(db, who)
    from procurement.services import lifecycle

    lifecycle.open_for_bids(db, who["lead"], pid)
    count = bids.import_bids(db, who["lead"], pid, _file(
        tmp_path, "A,Alpha,GB-COH-01234567,no,yes,100,See method statement §2\nB,Beta,,yes,no,90,\n"))
    assert count == 2
    listed = bids.list_bids(db, who["lead"], pid)
    assert [(b.bid_ref, b.supplier_identifier, b.sme, b.gates) for b in listed] == [
        ("A", "GB-COH-01234567", False, {"eligible": True}), ("B", "", True, {"eligible": False})]
    assert listed[0].answers == {"quality": "See method statement §2"}
    assert "price" not in listed[0].model_dump()


def test_a_bad_row_stores_nothing(db, tmp_path):
    who = world.people(db)
    pid = world.procurement(db, who)
    from procurement.services import lifecycle

    lifecycle.open_for_bids(db, who["lead"], pid)
    with pytest.raises(InputError) as caught:
        bids.import_bids(db, who["lead"], pid, _file(tmp_path, "A,Alpha,,no,yes,100,\n"
                                                               "B,Beta,,no,maybe,-5,\n"))
    assert [p.render() for p in caught.value.problems] == [
        f"{tmp_path / 'bids.csv'}, row 3, column eligible: 'maybe' is not a yes/no answer",
        f"{tmp_path / 'bids.csv'}, row 3, column price: must be greater than 0, not -5"]
    assert bids.list_bids(db, who["lead"], pid) == []
    bids.import_bids(db, who["lead"], pid, _file(tmp_path, "A,Alpha,,no,yes,100,\n"))
    with pytest.raises(InputError, match="row 2, column bid_id: bid A is in this procurement"):
        bids.import_bids(db, who["lead"], pid, _file(tmp_path, "A,Again,,no,yes,100,\n"))


def test_a_supplier_identifier_outside_the_org_id_register_or_its_check_is_refused(db, tmp_path):
    who = world.people(db)
    pid = world.procurement(db, who)
    from procurement.services import lifecycle

    lifecycle.open_for_bids(db, who["lead"], pid)
    with pytest.raises(InputError) as caught:
        bids.import_bids(db, who["lead"], pid, _file(
            tmp_path, "A,Alpha,CN-USCC-91440300MA5F0001RM,no,yes,100,\n"
                      "B,Beta,CN-USCI-91440300MA5F0001RX,no,yes,90,\n"
                      "C,Gamma,CN-USCI-91440300MA5F0001RM,no,yes,95,\n"))
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "supplier_id"),
                                                                 (3, "supplier_id")]
    first, second = (p.render() for p in caught.value.problems)
    assert first.endswith("CN-USCC is not a scheme of the org-id register: write SCHEME-ID "
                          "with a scheme such as CN-USCI, GB-COH, GB-LAE, XI-LEI")
    assert "91440300MA5F0001RX is not a valid CN-USCI identifier" in second
    assert bids.list_bids(db, who["lead"], pid) == []


def test_evaluators_see_bids_only_after_declaring_no_conflict(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open")
    from procurement.services import lifecycle

    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    with pytest.raises(PermissionDenied, match="declare your conflicts of interest"):
        bids.list_bids(db, who["e1"], pid)
    panel.declare_interests(db, who["e1"], pid, conflict=False)
    assert len(bids.list_bids(db, who["e1"], pid)) == 3
    panel.declare_interests(db, who["e2"], pid, conflict=True, reason="works for Gamma")
    with pytest.raises(PermissionDenied, match="declared a conflict of interest"):
        bids.list_bids(db, who["e2"], pid)
    with pytest.raises(PermissionDenied, match="not on the evaluation panel"):
        bids.list_bids(db, who["e3"], pid)
    with pytest.raises(PermissionDenied):
        bids.list_bids(db, who["obs"], pid)


def test_nobody_reads_a_price_envelope_before_quality_closes(db):
    who = world.people(db)
    pid = world.procurement(db, who, "scored")
    for name in ("lead", "boss", "e1", "obs"):
        with pytest.raises(PermissionDenied):
            bids.read_envelopes(db, who[name], pid)
    from procurement.services import lifecycle

    lifecycle.close_quality_evaluation(db, who["lead"], pid)
    prices = {e.bid_ref: e.price for e in bids.read_envelopes(db, who["lead"], pid)}
    assert prices == {"A": 100.0, "B": 120.0, "C": 90.0}
    assert bids.read_envelopes(db, who["boss"], pid)
    for name in ("e1", "obs", "lead2"):
        with pytest.raises(PermissionDenied, match="only the lead and approvers"):
            bids.read_envelopes(db, who[name], pid)


def test_lots_must_be_known(db):
    who = world.people(db)
    from procurement.rubric import load_rubric
    from procurement.services import lifecycle, procurements
    from tests.conftest import MINI_RUBRIC

    pid = procurements.create_procurement(db, who["lead"], reference="LOTS", title="x",
                                          buyer_name="y", rubric=load_rubric(MINI_RUBRIC),
                                          lots=[{"id": "1", "title": "North"}]).id
    panel.assign_evaluator(db, who["lead"], pid, "e1")
    lifecycle.open_for_bids(db, who["lead"], pid)
    record = dict(world.BIDS[0], lot="2")
    with pytest.raises(InputError, match="the lot must be one of 1"):
        bids.add_bids(db, who["lead"], pid, [record])
    bids.add_bids(db, who["lead"], pid, [dict(record, lot="1")])
    assert bids.list_bids(db, who["lead"], pid)[0].lot == "1"
