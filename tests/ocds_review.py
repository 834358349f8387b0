"""The OCDS Data Review Tool's checks (libcoveocds, every additional check) on a package,
offline: the standard from the shipped 1.1.5 schema files (built into the ZIP libcoveocds
reads), and each declared extension served from its shipped copy in ``schemas/extensions``
at the URL the package declares."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3 import HTTPResponse

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
RAW = "https://raw.githubusercontent.com/"
ARCHIVE = "https://github.com/"  # the registry downloads an extension as GitHub's archive ZIP


def standard_zip() -> Path:
    """The 1.1.5 standard as the ZIP libcoveocds reads (a top folder, then schema/)."""
    out = Path(tempfile.mkdtemp()) / "standard-1__1__5.zip"
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("standard-1__1__5/", "")
        for path in sorted((SCHEMAS / "ocds-1.1.5").rglob("*")):
            if path.is_file() and path.suffix in (".json", ".csv"):
                name = path.relative_to(SCHEMAS / "ocds-1.1.5").as_posix()
                package.write(path, f"standard-1__1__5/schema/{name}")
    return out


class _ShippedExtensions(BaseAdapter):
    """Answers a request for an extension's file from the shipped copy of that extension."""

    def send(self, request: Any, *args: Any, **kwargs: Any) -> requests.Response:
        body = self._content(request.url)
        found = body is not None
        raw = HTTPResponse(body=io.BytesIO(body or b""),
                           status=200 if found else 404, reason="OK" if found else "Not Found",
                           headers={"Content-Type": "text/plain; charset=utf-8"},
                           preload_content=False, request_url=request.url)
        response: requests.Response = HTTPAdapter().build_response(request, raw)
        return response

    def close(self) -> None:
        pass

    @staticmethod
    def _content(url: str) -> bytes | None:
        if url.startswith(ARCHIVE):  # github.com/OWNER/NAME/archive/REF.zip
            _owner, name, _archive, ref = url[len(ARCHIVE):].split("/", 3)
            folder = SCHEMAS / "extensions" / name
            if not folder.is_dir():
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as package:
                top = f"{name}-{ref.removesuffix('.zip')}/"
                package.writestr(top, "")  # GitHub's archives start with their folder
                for path in sorted(folder.rglob("*")):
                    if path.is_file():
                        package.write(path, top + path.relative_to(folder).as_posix())
            return out.getvalue()
        _owner, name, _ref, inside = [*url[len(RAW):].split("/", 3), ""][:4]
        file = SCHEMAS / "extensions" / name / inside
        return file.read_bytes() if inside and file.is_file() else None


@contextmanager
def _extensions_offline() -> Iterator[None]:
    from ocdsextensionregistry import util

    sessions = [util.session]
    adapters = [dict(session.adapters) for session in sessions]
    for session in sessions:
        session.mount(RAW, _ShippedExtensions())
        session.mount(ARCHIVE, _ShippedExtensions())
    original = requests.Session.get_adapter

    def get_adapter(self: requests.Session, url: str) -> BaseAdapter:
        return _ShippedExtensions() if url.startswith((RAW, ARCHIVE)) else original(self, url)

    requests.Session.get_adapter = get_adapter  # type: ignore[method-assign]
    try:
        yield
    finally:
        requests.Session.get_adapter = original  # type: ignore[method-assign]
        for session, kept in zip(sessions, adapters, strict=True):
            session.adapters.clear()
            session.adapters.update(kept)


def review(package: dict[str, Any]) -> dict[str, Any]:
    """libcoveocds's report on ``package``, with every additional check."""
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    config = LibCoveOCDSConfig()
    config.config["context"] = "api"
    config.config["standard_zip"] = f"file://{standard_zip()}"
    config.config["additional_checks"] = "all"
    with tempfile.TemporaryDirectory() as folder, _extensions_offline():
        result: dict[str, Any] = ocds_json_output(folder, json_data=json.loads(json.dumps(package)),
                                                  lib_cove_ocds_config=config)
    return result
