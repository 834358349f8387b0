"""The files of a published pipeline. Each pass writes part files as entries stream past
(``PartWriter``); ``assemble`` then joins the parts in order into the published files.

The package and the feed hold the releases published before, streamed from the publish
state and checked again, then the new ones, serialised once when they were made. Nothing
held in memory grows with the size of the pipeline.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

import orjson
from markupsafe import Markup

from procurement.errors import Problem
from procurement.i18n import N_
from procurement.pipeline import feed, site, spreadsheet
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.noticefiles import NoticeFiles
from procurement.pipeline.policy import history, render_markdown
from procurement.pipeline.releases import ocid
from procurement.pipeline.snippets import fill
from procurement.pipeline.state import PolicyVersion

if TYPE_CHECKING:
    from procurement.pipeline.publish import PublishOptions

PACKAGE_VERSION = "1.1"
# part file suffixes, in the order the parts of one pass are joined
PARTS = ("csv", "index", "package", "feed", "journal", "cn.html", "cn.csv")
PAGES = "pages"  # notice pages deferred to one process that creates the files
_ROW_NUMBER = re.compile(r'^<tr><td class="num">(\d+)</td>', re.MULTILINE)


def compact(release: dict[str, Any]) -> str:
    # orjson writes the same compact UTF-8 JSON as json.dumps(ensure_ascii=False) several
    # times faster, which matters at 100,000 releases.
    return orjson.dumps(release).decode("utf-8")


def part_path(folder: Path, part: str, kind: str) -> Path:
    return folder / f".part-{part}.{kind}"


class PartWriter:
    """The part files of one pass, and the notice pages of its entries."""

    def __init__(self, folder: Path, part: str, options: PublishOptions, *,
                 reuse: Path | None = None, defer_pages: bool = False) -> None:
        self.folder, self.options = folder, options
        self.files = {kind: part_path(folder, part, kind).open("w", encoding="utf-8",
                                                               newline="")
                      for kind in PARTS}
        self._csv = csv.writer(self.files["csv"], lineterminator="\r\n")
        self._cn_csv = csv.writer(self.files["cn.csv"], lineterminator="\r\n")
        self.intentions_count = 0
        self.pages = NoticeFiles(folder, reuse=reuse, deferred=part_path(folder, part, PAGES)
                                 if defer_pages else None)

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        for handle in self.files.values():
            handle.close()
        self.pages.close()

    def page(self, entry: PipelineEntry, changed: str, *, unchanged: bool = False) -> None:
        """Write ``entry``'s notice page; ``changed`` is the date of its last release. The
        page of an ``unchanged`` entry is kept from the previous publication when it may be
        (see :mod:`procurement.pipeline.reuse`)."""
        name = f"{entry.id}.html"
        if unchanged and self.pages.keep(name):
            return
        frame = site.Frame(self.options.publisher or entry.buyer, changed, self.options.license,
                           "../feed.atom", self.options.profile == "cn")
        self.pages.write(name, site.notice_page(entry, ocid(self.options.ocid_prefix, entry.id),
                                                frame))

    def entry(self, entry: PipelineEntry) -> None:
        """Write ``entry``'s rows: pipeline.csv, the index and the 采购意向 table."""
        notice_ocid = ocid(self.options.ocid_prefix, entry.id)
        self._csv.writerow(spreadsheet.pipeline_row(entry, notice_ocid,
                                                    self.options.notice.notice_url(entry.id)))
        self.files["index"].write(site.index_row(entry, linked=self.options.pages))
        if self.options.profile == "cn" and entry.status != "withdrawn":
            self.intentions_count += 1
            row = {"number": str(self.intentions_count), "title": entry.title,
                   "description": entry.description or "",
                   "budget": spreadsheet.ten_thousands(entry.estimated_value),
                   "month": spreadsheet.month(entry.expected_tender_date),
                   "note": "面向中小企业" if entry.sme_suitable else ""}
            self.files["cn.html"].write(fill("intention_row", **row))
            self._cn_csv.writerow([spreadsheet.safe(value) for value in row.values()])

    def new_release(self, key: str, journal_line: str, release: dict[str, Any],
                    text: str) -> None:
        """A release made in this run: into the state's journal, the package and the feed."""
        self.files["journal"].write(journal_line)
        self.files["package"].write(",\n" + text)
        feed.write_entry(self.files["feed"], release, _page(key, self.options))


def _page(key: str, options: PublishOptions) -> str | None:
    return None if key.startswith("award:") else options.notice.notice_page(key)


@dataclass(frozen=True)
class Part:
    """One pass's part files: its name, how many new releases and 采购意向 rows it wrote."""

    name: str
    releases: int
    intentions: int = 0


def journals(folder: Path, parts: list[Part]) -> list[Path]:
    return [part_path(folder, part.name, "journal") for part in parts]


def assemble(folder: Path, options: PublishOptions, parts: list[Part],
             old: Iterator[tuple[str, dict[str, Any]]], checker: PackageChecker, *,
             publisher: str, published: str, count: int,
             policies: list[PolicyVersion], pages_key: str | None = None) -> int:
    """Join the parts, in order, into the published files; return how many releases the
    package holds."""
    names = [part.name for part in parts]
    header = _header(options, publisher, published)
    releases = 0
    first: dict[str, Any] | None = None
    with (folder / "release-package.json").open("w", encoding="utf-8") as package, \
            (folder / "feed.atom").open("w", encoding="utf-8") as atom:
        package.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "releases": [')
        feed.write_head(atom, title=site.both(N_("Procurement pipeline")) + " — " + publisher,
                        publisher=publisher, updated=published, base_url=options.base_url,
                        ocid_prefix=options.ocid_prefix, license_url=options.license)
        for key, release in old:
            text = compact(release)
            checker.release(release, key, text)
            first = first or release
            package.write(("," if releases else "") + "\n" + text)
            feed.write_entry(atom, release, _page(key, options))
            releases += 1
        for part in parts:
            with part_path(folder, part.name, "package").open(encoding="utf-8") as new:
                lead = new.read(1)  # the comma before a part's first release
                if lead and not releases:
                    lead = ""
                package.write(lead)
                first = first or _first(new)
                shutil.copyfileobj(new, package)
            releases += part.releases
            _append(part_path(folder, part.name, "feed"), atom)
        package.write("\n ]\n}\n")
        feed.write_tail(atom)
    if first is None:
        checker.problems.append(Problem(
            "release-package.json", N_("nothing to publish: the pipeline has no entries")))
        return 0
    checker.package(header, first)
    _tables(folder, options, parts)
    frame = site.Frame(publisher, published, options.license, "feed.atom", options.profile == "cn")
    _page_around(folder, "index.html", "index", names, frame, count=count, pages_key=pages_key)
    if options.profile == "cn":
        _page_around(folder, "intentions.html", "cn.html", names, frame,
                     target="procurement-intentions.html",
                     renumber=[part.intentions for part in parts])
    shutil.copyfile(site.template_dir() / "style.css", folder / "style.css")
    if policies:
        page = site.template("policy.html").render(
            current=policies[-1], policy_html=Markup(render_markdown(policies[-1].text)),
            history=history(policies), **frame.context(""))
        (folder / "policy.html").write_text(page, encoding="utf-8")
    return releases


def _first(new: IO[str]) -> dict[str, Any] | None:
    # Read the part's first release for the package check, then rewind past the comma.
    position = new.tell()
    line = new.readline()
    if not line.strip():
        line = new.readline()
    new.seek(position)
    text = line.strip().rstrip(",")
    return orjson.loads(text) if text else None


def _append(source: Path, out: IO[str]) -> None:
    with source.open(encoding="utf-8", newline="") as part:
        shutil.copyfileobj(part, out)


def _tables(folder: Path, options: PublishOptions, parts: list[Part]) -> None:
    with (folder / "pipeline.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("\ufeff")
        csv.writer(out, lineterminator="\r\n").writerow(spreadsheet.PIPELINE_COLUMNS)
        for part in parts:
            _append(part_path(folder, part.name, "csv"), out)
    if options.profile != "cn":
        return
    with (folder / "procurement-intentions.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(spreadsheet.INTENTION_COLUMNS)
        offset = 0
        for part in parts:
            path = part_path(folder, part.name, "cn.csv")
            with path.open(encoding="utf-8", newline="") as handle:
                for record in csv.reader(handle):
                    writer.writerow([str(int(record[0]) + offset), *record[1:]])
            offset += part.intentions


def _page_around(folder: Path, name: str, kind: str, names: list[str], frame: site.Frame,
                 target: str | None = None, renumber: list[int] | None = None,
                 **context: Any) -> None:
    head, tail = site.page_around_rows(name, frame, **context)
    with (folder / (target or name)).open("w", encoding="utf-8") as page:
        page.write(head)
        offset = 0
        for index, part in enumerate(names):
            if renumber is None or not offset:
                _append(part_path(folder, part, kind), page)
            else:  # 序号 runs on across the parts
                text = part_path(folder, part, kind).read_text(encoding="utf-8")
                page.write(_ROW_NUMBER.sub(partial(_shifted, offset), text))
            offset += renumber[index] if renumber else 0
        page.write(tail)


def _shifted(offset: int, match: re.Match[str]) -> str:
    return f'<tr><td class="num">{int(match[1]) + offset}</td>'


def _header(options: PublishOptions, publisher: str, published: str) -> dict[str, Any]:
    base = options.base_url
    header: dict[str, Any] = {
        "uri": f"{base}/release-package.json" if base
        else f"urn:ocds:{options.ocid_prefix}:release-package",
        "version": PACKAGE_VERSION, "publishedDate": published, "publisher": {"name": publisher}}
    if options.license:
        header["license"] = options.license
    if base and options.policy_text is not None:
        header["publicationPolicy"] = f"{base}/policy.html"
    return header


def remove_parts(folder: Path, keep: list[str] | None = None) -> None:
    """Remove the part files (all, or all but those of the parts to ``keep``)."""
    kept = {part_path(folder, part, kind) for part in keep or [] for kind in (*PARTS, PAGES)}
    for path in folder.glob(".part-*"):
        if path not in kept:
            path.unlink()

