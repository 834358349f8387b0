"""The files of a published pipeline, written into the publishing folder as entries stream
past (``entry``, ``new_release``) and completed once every release is known (``finish``).

Releases published before are streamed from the publish state into the package and the feed
first, then this run's new ones, which were written to side files as they were made: each
release is serialised once, and nothing grows with the size of the pipeline but the files.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson
from markupsafe import Markup

from procurement.errors import Problem
from procurement.i18n import N_
from procurement.pipeline import feed, site, spreadsheet
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.policy import history, render_markdown, version_of
from procurement.pipeline.releases import ocid
from procurement.pipeline.snippets import fill
from procurement.pipeline.state import PolicyVersion

if TYPE_CHECKING:
    from procurement.pipeline.publish import PublishOptions

PACKAGE_VERSION = "1.1"


def compact(release: dict[str, Any]) -> str:
    # orjson writes the same compact UTF-8 JSON as json.dumps(ensure_ascii=False) several
    # times faster, which matters at 100,000 releases.
    return orjson.dumps(release).decode("utf-8")


class OutputFiles:
    def __init__(self, folder: Path, options: PublishOptions) -> None:
        self.folder, self.options = folder, options
        self.intentions = options.profile == "cn"
        (folder / "notices").mkdir()
        # Pages are opened relative to the folder: no path to resolve 100,000 times.
        self._notices = os.open(folder / "notices", os.O_RDONLY)
        self._handles: list[IO[str]] = []
        self._csv = spreadsheet.writer(self._open("pipeline.csv", newline=""),
                                       spreadsheet.PIPELINE_COLUMNS)
        self._rows = self._open(".index-rows")
        self._new_package = self._open(".new-package")
        self._new_feed = self._open(".new-feed")
        if self.intentions:
            self._cn_rows = self._open(".intention-rows")
            self._cn_csv = spreadsheet.writer(self._open("procurement-intentions.csv", newline=""),
                                              spreadsheet.INTENTION_COLUMNS)
        self.count = self.new = self._cn_count = 0
        self.publisher_name, self.published = "", ""
        self._policy_versions: list[PolicyVersion] = []

    def _open(self, name: str, newline: str | None = None) -> IO[str]:
        handle = (self.folder / name).open("w", encoding="utf-8", newline=newline)
        self._handles.append(handle)
        return handle

    def entry(self, entry: PipelineEntry, changed: str) -> None:
        """Write ``entry``'s row, index row and page; ``changed`` is its last release's date."""
        self.count += 1
        notice_ocid = ocid(self.options.ocid_prefix, entry.id)
        self._csv.writerow(spreadsheet.pipeline_row(entry, notice_ocid,
                                                    self.options.notice.notice_url(entry.id)))
        self._rows.write(site.index_row(entry))
        frame = site.Frame(self.options.publisher or entry.buyer, changed, self.options.license,
                           "../feed.atom", self.intentions)
        page = site.notice_page(entry, notice_ocid, frame)
        handle = os.open(f"{entry.id}.html", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644,
                         dir_fd=self._notices)
        try:
            data = memoryview(page.encode("utf-8"))
            while data:
                data = data[os.write(handle, data):]
        finally:
            os.close(handle)
        if self.intentions and entry.status != "withdrawn":
            self._cn_count += 1
            row = {"number": str(self._cn_count), "title": entry.title,
                   "description": entry.description or "",
                   "budget": spreadsheet.ten_thousands(entry.estimated_value),
                   "month": spreadsheet.month(entry.expected_tender_date),
                   "note": "面向中小企业" if entry.sme_suitable else ""}
            self._cn_rows.write(fill("intention_row", **row))
            self._cn_csv.writerow([spreadsheet.safe(value) for value in row.values()])

    def new_release(self, key: str, release: dict[str, Any], text: str) -> None:
        """A release made in this run: into the package and the feed after the old ones."""
        self._new_package.write(",\n" + text)
        feed.write_entry(self._new_feed, release, _page(key))
        self.new += 1

    def policy(self, versions: list[PolicyVersion], stamp: str) -> PolicyVersion | None:
        """Remember the policy text; a new version when it differs from the last published."""
        self._policy_versions = list(versions)
        text = self.options.policy_text
        if text is None:
            return None
        current = version_of(text, stamp)
        if versions and versions[-1].sha256 == current.sha256:
            return None
        self._policy_versions.append(current)
        return current

    def finish(self, old: Iterator[tuple[str, dict[str, Any]]], checker: PackageChecker, *,
               publisher: str, published: str) -> int:
        """Write the package and feed (old releases, checked again, then the new ones), and
        the pages around the streamed rows; return how many releases the package holds."""
        for handle in self._handles:
            handle.close()
        os.close(self._notices)
        self.publisher_name, self.published = publisher, published
        header = self._header(publisher, published)
        count = 0
        first: dict[str, Any] | None = None
        with (self.folder / "release-package.json").open("w", encoding="utf-8") as package, \
                (self.folder / "feed.atom").open("w", encoding="utf-8") as atom:
            package.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2]
                          + ',\n "releases": [')
            feed.write_head(atom, title=site.both(N_("Procurement pipeline")) + " — " + publisher,
                            publisher=publisher, updated=published,
                            base_url=self.options.base_url,
                            ocid_prefix=self.options.ocid_prefix, license_url=self.options.license)
            for key, release in old:
                text = compact(release)
                checker.release(release, key, text)
                first = first or release
                package.write(("," if count else "") + "\n" + text)
                feed.write_entry(atom, release, _page(key))
                count += 1
            with (self.folder / ".new-package").open(encoding="utf-8") as new:
                if not count:
                    new.read(1)  # the first release needs no separating comma
                shutil.copyfileobj(new, package)
            with (self.folder / ".new-feed").open(encoding="utf-8") as new:
                shutil.copyfileobj(new, atom)
            count += self.new
            package.write("\n ]\n}\n")
            feed.write_tail(atom)
        if not count:
            checker.problems.append(Problem(
                "release-package.json", N_("nothing to publish: the pipeline has no entries")))
        else:
            checker.package(header, first or self._first_new())
        self._pages()
        return count

    def _first_new(self) -> dict[str, Any]:
        with (self.folder / ".new-package").open(encoding="utf-8") as new:
            new.read(2)  # ",\n"
            first: dict[str, Any] = orjson.loads(new.readline().rstrip(",\n"))
        return first

    def _header(self, publisher: str, published: str) -> dict[str, Any]:
        base = self.options.base_url
        header: dict[str, Any] = {
            "uri": f"{base}/release-package.json" if base
            else f"urn:ocds:{self.options.ocid_prefix}:release-package",
            "version": PACKAGE_VERSION, "publishedDate": published,
            "publisher": {"name": publisher}}
        if self.options.license:
            header["license"] = self.options.license
        if base and self.options.policy_text is not None:
            header["publicationPolicy"] = f"{base}/policy.html"
        return header

    def _pages(self) -> None:
        frame = site.Frame(self.publisher_name, self.published, self.options.license,
                           "feed.atom", self.intentions)
        self._wrap("index.html", ".index-rows", frame, count=self.count)
        if self.intentions:
            self._wrap("intentions.html", ".intention-rows", frame,
                       target="procurement-intentions.html")
        for name in (".new-package", ".new-feed"):
            (self.folder / name).unlink()
        if self._policy_versions:
            versions = self._policy_versions
            page = site.template("policy.html").render(
                current=versions[-1], policy_html=Markup(render_markdown(versions[-1].text)),
                history=history(versions), **frame.context(""))
            (self.folder / "policy.html").write_text(page, encoding="utf-8")

    def _wrap(self, name: str, rows: str, frame: site.Frame, target: str | None = None,
              **context: Any) -> None:
        head, tail = site.page_around_rows(name, frame, **context)
        with (self.folder / (target or name)).open("w", encoding="utf-8") as page:
            page.write(head)
            with (self.folder / rows).open(encoding="utf-8") as body:
                shutil.copyfileobj(body, page)
            page.write(tail)
        (self.folder / rows).unlink()


def _page(key: str) -> str | None:
    return None if key.startswith("award:") else f"notices/{key}.html"
