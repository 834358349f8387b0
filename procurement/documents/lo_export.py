"""Export Word documents to PDF through LibreOffice's UNO API, with the document's indexes
(the table of contents) and fields brought up to date first — ``soffice --convert-to`` lays
the pages out but keeps the table of contents the .docx was saved with.

Run by the Python that has LibreOffice's ``uno`` module (Debian's python3-uno, for
/usr/bin/python3), not by the toolkit's own interpreter; it imports nothing of the toolkit:

    python3 lo_export.py SOFFICE PROFILE_DIR OUT_DIR FILE.docx...

Exit status 0 when every PDF was written; otherwise the reason on stderr.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

CONNECT_SECONDS = 60


def _property(name: str, value: object) -> object:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, office: subprocess.Popen[bytes]) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if office.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("LibreOffice did not start") from None
            time.sleep(0.1)


def export(desktop: object, source: Path, folder: Path) -> None:
    document = desktop.loadComponentFromURL(  # type: ignore[attr-defined]
        uno.systemPathToFileUrl(str(source.resolve())), "_blank", 0,
        (_property("Hidden", True),))
    try:
        indexes = document.getDocumentIndexes()
        for position in range(indexes.getCount()):
            indexes.getByIndex(position).update()
        document.getTextFields().refresh()
        target = folder.resolve() / f"{source.stem}.pdf"
        document.storeToURL(uno.systemPathToFileUrl(str(target)),
                            (_property("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)


def main(soffice: str, profile: str, out: str, *documents: str) -> None:
    pipe = f"procure-pdf-{os.getpid()}"
    office = subprocess.Popen([soffice, f"-env:UserInstallation={Path(profile).as_uri()}",
                               "--headless", "--norestore", "--nologo", "--nodefault",
                               f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(pipe, office)
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context)
        for document in documents:
            export(desktop, Path(document), Path(out))
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:])
