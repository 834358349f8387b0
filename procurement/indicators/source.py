"""Any OCDS file a user gives, as OCDS releases in JSON lines that DuckDB reads in a stream.

- ``.jsonl`` / ``.ndjson`` (optionally ``.gz``): one release per line, read as it is.
- ``.json`` (optionally ``.gz``): a release package (``releases``) or a record package
  (``records``, each record's ``compiledRelease``, else its ``releases``). The package is
  *streamed* with ijson, release by release, into a temporary JSON lines file: there is no
  size limit and memory stays bounded whatever the file's size. Its ``version`` must be 1.1.

A file that is not JSON, not OCDS, of another version, or with a release without ``ocid``
is refused with one clear problem (:func:`procurement.errors.fail`).
"""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import ijson
import orjson

from procurement.errors import fail
from procurement.i18n import N_

LINES_SUFFIXES = (".jsonl", ".ndjson")
VERSION = "1.1"


def is_lines(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in LINES_SUFFIXES


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


@contextmanager
def release_lines(source: str) -> Iterator[Path]:
    """The releases of the OCDS file ``source`` as a JSON lines file (itself, for lines)."""
    path = Path(source)
    if not path.is_file():
        raise fail(source, N_("no such file"))
    if is_lines(path):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="procure-indicators-") as folder:
        out = Path(folder) / "releases.jsonl"
        with out.open("wb") as sink:
            write_releases(source, path, sink)
        yield out


def write_releases(name: str, path: Path, sink: IO[bytes]) -> int:
    """Copy the releases of the package in ``path`` to ``sink``, one per line: a first pass
    reads the package's head (its kind and version), a second streams its releases (ijson's C
    parser builds one at a time)."""
    count = 0
    try:
        kind = _kind(name, path)
        with _open(path) as stream:
            for item in ijson.items(stream, f"{kind}.item", use_float=True):
                for release in _from_item(kind, item):
                    if not isinstance(release, dict) or not release.get("ocid"):
                        raise fail(name, N_("a release has no ocid"),
                                   field=f"{kind}[{count}].ocid")
                    sink.write(orjson.dumps(release, option=orjson.OPT_APPEND_NEWLINE))
                    count += 1
    except (ijson.JSONError, UnicodeDecodeError, gzip.BadGzipFile, EOFError,
            orjson.JSONEncodeError) as exc:
        raise fail(name, N_("not JSON ({detail})"), detail=str(exc)[:80]) from exc
    return count


def _kind(name: str, path: Path) -> str:
    """``releases`` or ``records``, once the package is known to be of version 1.1."""
    version: str | None = None
    kind: str | None = None
    with _open(path) as stream:
        for prefix, event, value in ijson.parse(stream):
            if prefix == "" and event not in ("start_map", "end_map", "map_key"):
                break  # an array or a value at the top: not a package
            if prefix == "version" and event == "string":
                version = value
            elif prefix in ("releases", "records") and event == "start_array":
                kind = prefix
                break
    if kind is None:
        raise fail(name, N_("not an OCDS release or record package"))
    if version is None:  # after the releases, if at all
        with _open(path) as stream:
            version = next(ijson.items(stream, "version"), None)
    if version != VERSION:
        raise fail(name, N_("OCDS version {version}: only version {expected} is read"),
                   field="version", version=version or "1.0", expected=VERSION)
    return kind


def _from_item(kind: str, item: Any) -> list[Any]:
    if kind == "releases":
        return [item]
    if isinstance(item, dict) and isinstance(item.get("compiledRelease"), dict):
        return [item["compiledRelease"]]
    releases = item.get("releases") if isinstance(item, dict) else None
    return [r for r in releases if isinstance(r, dict) and "url" not in r] if releases else []
