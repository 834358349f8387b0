"""Many evaluators writing at once: every write stored or refused, none silently lost."""

import threading
from collections import Counter, defaultdict

from sqlalchemy import func, select

from procurement.rubric import load_rubric
from procurement.services import bids, lifecycle, panel, procurements, scoring, users
from procurement.services.errors import ConflictError
from procurement.store.rows import AuditRow
from tests.conftest import MINI_RUBRIC
from tests.integration import world

EVALUATORS = 8
TABS = 2  # each evaluator works in two browser tabs on the same cells
WRITES = 500


def test_concurrent_score_writes(db):
    who = world.people(db)
    names = [f"ev{i}" for i in range(EVALUATORS)]
    for name in names:
        users.add_user(db, name, name, "evaluator", password=world.PASSWORD)
    actors = {name: users.get_actor(db, name) for name in names}
    pid = procurements.create_procurement(db, who["lead"], reference="BUSY", title="x",
                                          buyer_name="y", rubric=load_rubric(MINI_RUBRIC)).id
    for name in names:
        panel.assign_evaluator(db, who["lead"], pid, name)
    lifecycle.open_for_bids(db, who["lead"], pid)
    bids.add_bids(db, who["lead"], pid, world.BIDS)
    lifecycle.start_quality_evaluation(db, who["lead"], pid)
    for name in names:
        panel.declare_interests(db, actors[name], pid, conflict=False)

    cells = [(bid["bid_id"], "quality") for bid in world.BIDS]
    outcomes: list[tuple[str, tuple[str, str], float, int | None]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    per_thread = WRITES // (EVALUATORS * TABS)
    extra = WRITES - per_thread * EVALUATORS * TABS

    def tab(name: str, index: int, count: int) -> None:
        actor = actors[name]
        try:
            for k in range(count):
                cell = cells[(index + k) % len(cells)]
                # Read the version the tab shows, then save on top of it, as a page would.
                seen = {(s.bid_ref, s.criterion): s.version
                        for s in scoring.my_scores(db, actor, pid)}.get(cell)
                value = float((index * 7 + k) % 5)
                try:
                    saved = scoring.submit_score(db, actor, pid, cell[0], cell[1], value,
                                                 f"{name} tab {index} write {k}",
                                                 expected_version=seen)
                    result: tuple[str, tuple[str, str], float, int | None] = (
                        name, cell, value, saved.version)
                except ConflictError:
                    result = (name, cell, value, None)
                with lock:
                    outcomes.append(result)
        except BaseException as exc:  # surfaced below: no other error is acceptable
            errors.append(exc)

    threads = [threading.Thread(target=tab, args=(name, t, per_thread + (1 if i == 0 and t == 0
                                                                         else 0) * extra))
               for i, name in enumerate(names) for t in range(TABS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(outcomes) == WRITES
    stored = [o for o in outcomes if o[3] is not None]
    refused = [o for o in outcomes if o[3] is None]
    assert stored and len(stored) + len(refused) == WRITES
    assert refused, "two tabs racing on the same cells should have produced conflicts"

    # No lost update: a cell's version counts its successful writes, and its value is the
    # value of the write that produced that version.
    successes = Counter((o[0], o[1]) for o in stored)
    last: dict[tuple[str, tuple[str, str]], dict[int, float]] = defaultdict(dict)
    for name, cell, value, version in stored:
        assert version is not None
        last[(name, cell)][version] = value
    for name in names:
        for score in scoring.my_scores(db, actors[name], pid):
            key = (name, (score.bid_ref, score.criterion))
            assert score.version == successes[key]
            assert score.score == last[key][score.version]
            assert sorted(last[key]) == list(range(1, successes[key] + 1))

    with db.read() as session:
        logged = session.scalar(select(func.count()).select_from(AuditRow).where(
            AuditRow.action == "score.save"))
    assert logged == len(stored)
    from procurement.services.audit_log import verify_chain

    assert verify_chain(db).ok
