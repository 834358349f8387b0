"""PDF copies of documents through LibreOffice (Debian's libreoffice-writer-nogui).

With LibreOffice's Python bridge (Debian's python3-uno) each document's table of contents
and fields are updated before export (lo_export.py); without it ``soffice --convert-to``
converts them as saved, and a table of contents shows its placeholder."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from procurement.atomic import copy_into
from procurement.errors import ProcurementError
from procurement.i18n import N_

TIMEOUT_PER_DOCUMENT = 60
EXPORTER = Path(__file__).with_name("lo_export.py")
UNO_PYTHON = "/usr/bin/python3"  # the interpreter Debian's python3-uno installs for


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def uno_python() -> str | None:
    """A Python that can drive LibreOffice (has its ``uno`` module), or None."""
    if not Path(UNO_PYTHON).exists():
        return None
    probe = subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return UNO_PYTHON if probe.returncode == 0 else None


def to_pdf(documents: list[Path], folder: Path) -> list[Path]:
    """Convert .docx files into PDFs in ``folder`` (one LibreOffice run for them all)."""
    program = libreoffice()
    if program is None:
        raise ProcurementError(N_("LibreOffice is not installed: apt-get install "
                                  "libreoffice-writer-nogui, or leave out --pdf"))
    # A private profile: a user's running LibreOffice, or a parallel run, cannot block us.
    # The PDFs are made in a scratch folder and copied whole into ``folder``.
    python = uno_python()
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as scratch:
        command = ([python, str(EXPORTER), program, profile, scratch, *map(str, documents)]
                   if python else
                   [program, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", scratch,
                    *map(str, documents)])
        run = subprocess.run(command, capture_output=True, text=True,
                             timeout=TIMEOUT_PER_DOCUMENT * (len(documents) + 1), check=False)
        pdfs = [Path(scratch) / f"{path.stem}.pdf" for path in documents]
        missing = [p.name for p in pdfs if not p.exists()]
        if run.returncode != 0 or missing:
            raise ProcurementError(N_("LibreOffice could not convert {files} ({reason})"),
                                   files=", ".join(missing) or "?",
                                   reason=" ".join((run.stderr or run.stdout).strip()
                                                   .splitlines()[-1:]))
        return copy_into(folder, pdfs)
