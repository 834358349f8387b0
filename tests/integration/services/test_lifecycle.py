"""Each status change has its preconditions and is the lead's alone."""

import pytest

from procurement.services import bids, lifecycle, panel, procurements
from procurement.services.errors import PermissionDenied, StateError
from tests.integration import world


def test_opening_needs_a_panel(db):
    who = world.people(db)
    pid = world.procurement(db, who, evaluators=())
    with pytest.raises(StateError, match="assign at least one evaluator"):
        lifecycle.open_for_bids(db, who["lead"], pid)


def test_evaluation_needs_bids(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    lifecycle.open_for_bids(db, who["lead"], pid)
    with pytest.raises(StateError, match="no bids to evaluate"):
        lifecycle.start_quality_evaluation(db, who["lead"], pid)


def test_closing_quality_needs_declarations_and_submitted_scoresheets(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open")
    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    with pytest.raises(StateError, match=r"2 evaluator.* have not declared"):
        lifecycle.close_quality_evaluation(db, who["lead"], pid)
    panel.declare_interests(db, who["e1"], pid, conflict=False)
    panel.declare_interests(db, who["e2"], pid, conflict=True, reason="brother-in-law at Beta")
    with pytest.raises(StateError, match=r"1 evaluator.* have not submitted"):
        lifecycle.close_quality_evaluation(db, who["lead"], pid)


def test_a_panel_of_conflicted_evaluators_cannot_close(db):
    who = world.people(db)
    pid = world.procurement(db, who, "open", evaluators=("e1",))
    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    panel.declare_interests(db, who["e1"], pid, conflict=True, reason="shareholder")
    with pytest.raises(StateError, match="no evaluator without a conflict"):
        lifecycle.close_quality_evaluation(db, who["lead"], pid)


def test_the_full_path_and_wrong_order(db):
    who = world.people(db)
    pid = world.procurement(db, who, "moderation")
    assert procurements.get_procurement(db, who["obs"], pid).status == "moderation"
    with pytest.raises(StateError, match="in status moderation"):
        lifecycle.open_for_bids(db, who["lead"], pid)


def test_only_the_lead_moves_a_procurement(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    for name in ("lead2", "e1", "boss", "obs"):
        with pytest.raises(PermissionDenied):
            lifecycle.open_for_bids(db, who[name], pid)


def test_bids_are_received_only_while_open(db):
    who = world.people(db)
    pid = world.procurement(db, who)
    with pytest.raises(StateError):
        bids.add_bids(db, who["lead"], pid, world.BIDS)
