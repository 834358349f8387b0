"""Benchmark: 200 assessment summaries, and the award dossier of 200 bidders.

Targets: 200 assessment summaries ≤ 6 s on this machine (issue 5); a dossier for 200 bidders
≤ 10 s (issue 14). Measured: the service that reads the record and renders one sandboxed Word
document per bidder, for a procurement of 200 bids × 12 criteria × 5 evaluators (recommended
and approved), plus writing them into a zip as the command line does; and the dossier service
(both languages: report, contract, 200 summaries each; the audit log; the manifest; the zip),
as the command line runs it (a language per core) and as the app does (one process).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_workflow import build  # noqa: E402
from benchmarks.results import record  # noqa: E402
from procurement.services import award, documents, dossier, users  # noqa: E402
from procurement.store.db import Database  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite+pysqlite:///{Path(folder) / 'docs.sqlite'}")
        big, _ = build(db, Path(folder), agreeing=True)
        users.add_user(db, "approver", "Approver", "approver", password="benchmark-password")
        lead, approver = users.get_actor(db, "lead"), users.get_actor(db, "approver")
        award.recommend(db, lead, big, note="best value")
        award.approve(db, approver, big)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            made = documents.assessment_summaries(db, lead, big, "en")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
                for document in made:
                    zipped.writestr(document.name, document.content)
            times.append(time.perf_counter() - start)
        assert len(made) == 200
        zh_start = time.perf_counter()
        documents.assessment_summaries(db, lead, big, "zh")
        zh = time.perf_counter() - zh_start
        dossiers, serial = [], []
        for run in range(3):
            # As the command line builds it: one language per core.
            start = time.perf_counter()
            built = dossier.build(db, lead, big, Path(folder) / f"dossier-{run}.zip",
                                  parallel=True)
            dossiers.append(time.perf_counter() - start)
        for run in range(3):
            # As the app builds it: in one process (a server with threads does not fork).
            start = time.perf_counter()
            dossier.build(db, lead, big, Path(folder) / f"serial-{run}.zip")
            serial.append(time.perf_counter() - start)
        assert built.files == 2 * (2 + 200) + 2
        size = (Path(folder) / "dossier-0.zip").stat().st_size
        db.dispose()
    print("documents: assessment summaries for 200 bidders (12 criteria, 5 evaluators)")
    print(f"  English, median of 3 (render + zip): {statistics.median(times):5.2f} s   target ≤ 6 s")
    print(f"  Chinese, once:                       {zh:5.2f} s")
    print(f"  award dossier (CLI, 2 processes), median of 3: {statistics.median(dossiers):5.2f} s"
          f"   target ≤ 10 s ({built.files} files, {size / 1e6:.1f} MB)")
    print(f"  award dossier (app, 1 process), median of 3:   {statistics.median(serial):5.2f} s")
    record("summaries", "200 assessment summaries (render + zip)",
           f"{statistics.median(times):.1f} s", "≤ 6 s")
    record("dossier", "award dossier, 200 bidders (both languages: report, contract, "
           "200 summaries each; audit log; manifest; zip), procure dossier (a language per "
           "core)", f"{statistics.median(dossiers):.1f} s", "≤ 10 s")
    record("dossier_app", "the same dossier from the app's Documents page (one process)",
           f"{statistics.median(serial):.1f} s", "–")


if __name__ == "__main__":
    main()
