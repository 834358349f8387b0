"""Run the installed ``procure`` script as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROCURE = Path(sys.executable).parent / "procure"


def procure(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PROCURE), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=300, check=False,
                          input=input_text)
