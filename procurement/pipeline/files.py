"""The published files, all but the notice pages, written as releases and entries stream
past: each release is serialised once, by :func:`compact`, and that text is what the
package holds and the publish state records.

``pipeline.csv`` and ``procurement-intentions.csv`` go straight to their files: their
headers are fixed. The package, the feed, the index and the 采购意向 page begin with what
only the end of the pass knows (the publisher when it is the pipeline's only buyer, the date
of the last change, the number of entries), so their bodies stream into hidden files beside
them and :meth:`SiteFiles.finish` puts each behind its head, copying bytes: no release is
encoded or read back a second time, and nothing held in memory grows with the pipeline.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import orjson
from markupsafe import Markup

from procurement import formats
from procurement.i18n import N_
from procurement.pipeline import award_pages, extensions, feed, site, site_indicators, spreadsheet
from procurement.pipeline.contracts import is_contract_key
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.options import PublishOptions
from procurement.pipeline.policy import history, render_markdown
from procurement.pipeline.releases import Release, ocid
from procurement.pipeline.site_labels import both
from procurement.pipeline.snippets import fill
from procurement.pipeline.state import PolicyVersion, journal_line

PACKAGE_VERSION = "1.1"
JOURNAL = ".journal"  # the new releases' state lines, for the state to commit
_BUFFER = 1 << 20  # few large writes: a pass writes a few hundred megabytes in small pieces


def compact(release: Release) -> bytes:
    # orjson writes the same compact UTF-8 JSON as json.dumps(ensure_ascii=False) several
    # times faster, which matters at 100,000 releases; kept as bytes, it is never decoded.
    return orjson.dumps(release)


def package_header(options: PublishOptions, publisher: str, published: str, *,
                   awards: bool = False, contracts: bool = False) -> dict[str, Any]:
    base = options.base_url
    header: dict[str, Any] = {
        "uri": f"{base}/release-package.json" if base
        else feed.uuid_urn(f"ocds:{options.ocid_prefix}:release-package"),
        "version": PACKAGE_VERSION, "publishedDate": published, "publisher": {"name": publisher},
        "extensions": [extension.url
                       for extension in extensions.declared(options.profile, awards=awards,
                                                          contracts=contracts)]}
    if options.license:
        header["license"] = options.license
    if base and options.policy_page:
        header["publicationPolicy"] = f"{base}/policy.html"
    return header


class SiteFiles:
    """The files of one publication in ``folder``; ``first`` is the package's first release
    (for the package check) and ``releases`` how many it holds."""

    def __init__(self, folder: Path, options: PublishOptions,
                 indicators: Mapping[str, Any] | None = None) -> None:
        self.folder, self.options = folder, options
        self.indicators = indicators  # the figures of the indicators page, when it has one
        self._notice = options.notice  # built once: it is asked for every entry
        self._cn = options.rules.intentions  # the 采购意向 table too
        self._open: list[IO[Any]] = []
        self.journal = folder / JOURNAL
        self._journal = self._binary(self.journal)
        self._package = self._binary(self._body("release-package.json"))
        self._feed = self._file(self._body("feed.atom"))
        self._index = self._file(self._body("index.html"))
        self._table = self._csv("pipeline.csv", spreadsheet.PIPELINE_COLUMNS)
        if self._cn:
            self._intentions = self._file(self._body("procurement-intentions.html"))
            self._intention_table = self._csv("procurement-intentions.csv",
                                              spreadsheet.INTENTION_COLUMNS)
        self.releases = self.intentions = 0
        self.awards = False  # an award release in the package (its extensions are declared)
        self._award_releases: dict[str, Release] = {}
        self.contracts = False  # a contract or implementation release (metrics declared)
        self.first: Release | None = None
        # The first and last expected tender date of the 采购意向, for the months its title names.
        self._first: date | None = None
        self._last: date | None = None

    def __enter__(self) -> SiteFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        for handle in self._open:
            handle.close()

    def release(self, key: str, release: Release, text: bytes) -> None:
        """A release, as the compact JSON ``text``, into the package and the feed."""
        self._package.write(b",\n" + text if self.releases else b"\n" + text)
        award = key.startswith("award:")
        self.awards = self.awards or award
        if award:  # the latest release of each award: its page is drawn at the end
            self._award_releases[key] = release
            page: str | None = award_pages.page_name(release, self.options.ocid_prefix)
        elif is_contract_key(key):  # shown with its award, on the procurement's page
            self.contracts = True
            page = award_pages.page_name(release, self.options.ocid_prefix)
        else:
            page = self._notice.notice_page(key)
        self._feed.write(feed.entry(release, page, self.options.base_url))
        if self.first is None:
            self.first = release
        self.releases += 1

    def new_release(self, key: str, digest: str, release: Release, text: bytes) -> None:
        """A release made in this run: also into the journal that the state commits."""
        self._journal.write(journal_line(key, digest, text))
        self.release(key, release, text)

    def entry(self, entry: PipelineEntry) -> None:
        """``entry``'s rows: pipeline.csv, the index and the 采购意向 table (numbered from 1)."""
        self._table.writerow(spreadsheet.pipeline_row(
            entry, ocid(self.options.ocid_prefix, entry.id), self._notice.notice_url(entry.id)))
        self._index.write(site.index_row(entry, linked=self.options.pages))
        if self._cn and entry.status != "withdrawn":
            self.intentions += 1
            row = {"number": str(self.intentions), "title": entry.title,
                   "description": entry.description or "",
                   "budget": spreadsheet.ten_thousands(entry.estimated_value),
                   "month": spreadsheet.month(entry.expected_tender_date),
                   "note": "面向中小企业" if entry.sme_suitable else ""}
            self._intentions.write(fill("intention_row", **row))
            day = entry.expected_tender_date
            if day is not None:
                self._first = day if self._first is None else min(self._first, day)
                self._last = day if self._last is None else max(self._last, day)
            self._intention_table.writerow([spreadsheet.safe(value) for value in row.values()])

    def finish(self, header: dict[str, Any], count: int, policies: list[PolicyVersion],
               pages_key: str | None) -> None:
        """Close the files, each body behind its head, and add the pages written once."""
        self.close()
        publisher, published = header["publisher"]["name"], header["publishedDate"]
        options = self.options
        self._join("release-package.json", json.dumps(header, ensure_ascii=False, indent=1)[:-2]
                   + ',\n "releases": [', "\n ]\n}\n")
        atom = feed.head(title=both(N_("Procurement pipeline")) + " — " + publisher,
                         publisher=publisher, updated=published, base_url=options.base_url,
                         ocid_prefix=options.ocid_prefix, license_url=options.license)
        self._join("feed.atom", atom, feed.TAIL)
        frame = site.Frame(publisher, published, options.license, "feed.atom", self._cn,
                           bool(policies), options.indicators_page)
        awards = list(self._award_releases.values())
        self._join("index.html", *site.page_around_rows(
            "index.html", frame, count=count, pages_key=pages_key,
            awards=[award_pages.index_line(r, options.ocid_prefix) for r in awards]))
        if awards:
            (self.folder / award_pages.FOLDER).mkdir(exist_ok=True)
        for release in awards:
            (self.folder / award_pages.page_name(release, options.ocid_prefix)).write_text(
                award_pages.award_page(release, frame), encoding="utf-8")
        if self._cn:
            self._join("procurement-intentions.html", *site.page_around_rows(
                "intentions.html", frame,
                period=spreadsheet.intention_period(self._first, self._last),
                published_day=formats.day(date.fromisoformat(published[:10]), "zh")))
        shutil.copyfile(site.template_dir() / "style.css", self.folder / "style.css")
        if policies:
            page = site.template("policy.html").render(
                current=policies[-1], policy_html=Markup(render_markdown(policies[-1].text)),
                history=history(policies), **frame.context(""))
            (self.folder / "policy.html").write_text(page, encoding="utf-8")
        if self.indicators is not None:
            site_indicators.write(self.folder, self.indicators, frame)

    def _body(self, name: str) -> Path:
        return self.folder / f".{name}.body"

    def _file(self, path: Path) -> IO[str]:
        handle = path.open("w", encoding="utf-8", newline="", buffering=_BUFFER)
        self._open.append(handle)
        return handle

    def _binary(self, path: Path) -> IO[bytes]:
        handle = path.open("wb", buffering=_BUFFER)
        self._open.append(handle)
        return handle

    def _csv(self, name: str, header: tuple[str, ...]) -> Any:
        handle = self._file(self.folder / name)
        handle.write("\ufeff")  # so that Excel reads the file as UTF-8 (Chinese above all)
        table = csv.writer(handle, lineterminator="\r\n")
        table.writerow(header)
        return table

    def _join(self, name: str, head: str, tail: str) -> None:
        body = self._body(name)
        with (self.folder / name).open("wb") as out, body.open("rb") as rows:
            out.write(head.encode("utf-8"))
            shutil.copyfileobj(rows, out, _BUFFER)
            out.write(tail.encode("utf-8"))
        body.unlink()
