"""Where shipped data lives, resolved in one place.

Data files are edited at the top of the repository (``rubrics/``, ``templates/``); a wheel
carries copies inside the package under ``_shipped/`` (see ``pyproject.toml``). Installed,
the packaged copy is used; from a checkout or an editable install, the repository's.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """Return the directory of shipped data ``name`` (e.g. ``"rubrics"``)."""
    packaged = _PACKAGE_DIR / "_shipped" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name
