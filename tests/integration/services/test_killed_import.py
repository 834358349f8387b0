"""A process killed in the middle of an import leaves no partial bids."""

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from procurement.services import lifecycle
from procurement.store.rows import AuditRow, BidRow
from tests.integration import world

BIDS = 200_000


def test_killed_import_leaves_nothing(db, db_url, tmp_path):
    who = world.people(db)
    pid = world.procurement(db, who)
    lifecycle.open_for_bids(db, who["lead"], pid)
    path = tmp_path / "many.csv"
    lines = ["bid_id,supplier,sme,eligible,price"]
    lines += [f"B{i:06d},Supplier {i},no,yes,{1000 + i}" for i in range(BIDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with db.read() as session:
        entries_before = session.scalar(select(func.count()).select_from(AuditRow))

    env = {**os.environ, "PROCUREMENT_DATABASE_URL": db_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "procurement", "import", "bids", str(path), "--procurement",
         str(pid), "--as", "lead"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4.0)  # long enough to be inserting, far too short to finish 200,000 bids
    assert process.poll() is None, "the import finished before it could be killed: enlarge it"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(BidRow)) == 0
        assert session.scalar(select(func.count()).select_from(AuditRow)) == entries_before
    from procurement.services.audit_log import verify_chain

    assert verify_chain(db).ok
