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
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import ijson

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
        with _open(path) as stream, out.open("w", encoding="utf-8") as sink:
            write_releases(source, stream, sink)
        yield out


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def write_releases(name: str, stream: IO[bytes], sink: IO[str]) -> int:
    """Copy the releases of the package in ``stream`` to ``sink``, one per line."""
    count = 0
    try:
        for index, release in _releases(name, stream):
            if not isinstance(release, dict) or not release.get("ocid"):
                raise fail(name, N_("a release has no ocid"), field=f"releases[{index}].ocid")
            sink.write(json.dumps(release, ensure_ascii=False, default=_default))
            sink.write("\n")
            count += 1
    except (ijson.JSONError, UnicodeDecodeError, gzip.BadGzipFile, EOFError) as exc:
        raise fail(name, N_("not JSON ({detail})"), detail=str(exc)[:80]) from exc
    return count


def _releases(name: str, stream: IO[bytes]) -> Iterator[tuple[int, Any]]:
    """Each release of a release or record package, streamed from its parse events."""
    events = ijson.parse(stream, use_float=False)
    version: str | None = None
    kind: str | None = None
    index = 0
    for prefix, event, value in events:
        if prefix == "" and event not in ("start_map", "end_map", "map_key"):
            raise fail(name, N_("not an OCDS release or record package"))
        if prefix == "version" and event == "string":
            version = value
        elif prefix in ("releases", "records") and event == "start_array":
            kind = prefix
        elif prefix in ("releases.item", "records.item") and event == "start_map":
            if version is not None and version != VERSION:
                raise _wrong_version(name, version)
            builder = ijson.ObjectBuilder()
            builder.event(event, value)
            depth = 1
            for _inner, event, value in events:
                builder.event(event, value)
                depth += event in ("start_map", "start_array")
                depth -= event in ("end_map", "end_array")
                if depth == 0:
                    break
            for release in _from_item(kind or "", builder.value):
                yield index, release
                index += 1
    if kind is None:
        raise fail(name, N_("not an OCDS release or record package"))
    if version != VERSION:
        raise _wrong_version(name, version)


def _wrong_version(name: str, version: str | None) -> Exception:
    return fail(name, N_("OCDS version {version}: only version {expected} is read"),
                field="version", version=version or "1.0", expected=VERSION)


def _from_item(kind: str, item: Any) -> list[Any]:
    if kind == "releases":
        return [item]
    if isinstance(item, dict) and isinstance(item.get("compiledRelease"), dict):
        return [item["compiledRelease"]]
    releases = item.get("releases") if isinstance(item, dict) else None
    return [r for r in releases if isinstance(r, dict) and "url" not in r] if releases else []
