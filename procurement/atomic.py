"""Files written whole or not at all.

Every file the toolkit writes for a user (results, documents, zips, exports, backups) is
written to a temporary name beside its target and renamed into place once complete: a
failure, an interrupt or a full disk leaves the previous file, or none, never half of one.
A rename within one folder is atomic on POSIX file systems.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from procurement.errors import ProcurementError
from procurement.i18n import N_


def refuse_folder(path: Path) -> None:
    """A folder named where a file is meant is refused, before any work is done."""
    if path.is_dir():
        raise ProcurementError(N_("{file} is a folder; give a file name (such as {example})"),
                               file=str(path), example=str(path / f"out{path.suffix or '.csv'}"))


def writable_file(path: str | Path, suffixes: tuple[str, ...], wrong_suffix: str) -> Path:
    """Refuse an output file we cannot write, before any work is done: a name not ending in
    one of ``suffixes`` (the message ``wrong_suffix``, with ``{file}``), or in a missing folder."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise ProcurementError(wrong_suffix, file=str(path))
    if not path.parent.is_dir():
        raise ProcurementError(N_("cannot write {file}: the folder {folder} does not exist"),
                               file=str(path), folder=str(path.parent))
    return path


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place only on success. A
    folder named where a file is meant is refused before anything is written."""
    refuse_folder(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix,
                                        dir=path.parent if str(path.parent) else ".")
    except OSError as exc:
        raise ProcurementError(N_("cannot write {file} ({reason})"), file=str(path),
                               reason=exc.strerror) from exc
    os.close(handle)
    temporary = Path(name)
    # mkstemp makes the file private (0600); the result should get the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    temporary.chmod(0o666 & ~umask)
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: Path, content: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(content)


def output_folder(folder: Path) -> Path:
    """Make ``folder`` (and its parents) for output files; a file in its place is refused."""
    if folder.exists() and not folder.is_dir():
        raise ProcurementError(N_("{file} is a file, not a folder; give a folder or a name "
                                  "ending in .zip"), file=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProcurementError(N_("cannot write {file} ({reason})"), file=str(folder),
                               reason=exc.strerror) from exc
    return folder


def copy_into(folder: Path, files: list[Path]) -> list[Path]:
    """Copy finished ``files`` into ``folder``, each one whole (see :func:`atomic_path`)."""
    output_folder(folder)
    copied = []
    for file in files:
        target = folder / file.name
        with atomic_path(target) as temporary:
            shutil.copyfile(file, temporary)
        copied.append(target)
    return copied
