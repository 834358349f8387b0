"""``procure publish`` through the installed CLI: the files a city puts on its web site."""

from __future__ import annotations

import csv
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import jsonschema
import pytest
import referencing

from procurement.pipeline.checks import SCHEMA_BASE, load_schema
from tests.e2e.cli import procure

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "pipeline"
PREFIX = "ocds-hc2027"
OUTPUTS = ("release-package.json", "pipeline.csv", "feed.atom", "index.html", "policy.html",
           "notices/HC-2027-001.html")
EPOCH = {"SOURCE_DATE_EPOCH": "1795000000"}  # 2026-11-18T11:06:40Z: reproducible files


@pytest.fixture
def pipeline(tmp_path: Path) -> Path:
    folder = tmp_path / "pipeline"
    shutil.copytree(EXAMPLE, folder)
    return folder


def publish(source: Path, out: Path, *extra: str, env: dict[str, str] | None = None
            ) -> tuple[int, str, str]:
    run = procure("publish", source, "--out", out, "--ocid-prefix", PREFIX,
                  "--base-url", "https://open.harbourside.example.cn/pipeline",
                  "--license", "http://opendatacommons.org/licenses/pddl/1.0/", *extra,
                  env=env or EPOCH)
    return run.returncode, run.stdout, run.stderr


def package_errors(package: dict) -> list[str]:  # type: ignore[type-arg]
    """The reference validator (`jsonschema` with formats), offline, on the whole package."""
    registry = referencing.Registry().with_resource(
        SCHEMA_BASE + "release-schema.json",
        referencing.Resource.from_contents(load_schema("release-schema.json")))
    validator = jsonschema.Draft4Validator(
        load_schema("release-package-schema.json"), registry=registry,
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(package)]


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_publishes_a_valid_package_and_site(pipeline, tmp_path):
    out = tmp_path / "site"
    code, stdout, stderr = publish(pipeline, out)
    assert code == 0, stderr
    assert "3 new releases" in stdout and "valid OCDS 1.1.5" in stdout
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert package_errors(package) == []
    assert package["publisher"]["name"].startswith("Harbourside City Transport Bureau")
    assert package["publicationPolicy"].endswith("/policy.html")
    assert [r["tag"] for r in package["releases"]] == [["planning"]] * 3
    assert {r["ocid"] for r in package["releases"]} == {
        "ocds-hc2027-HC-2027-001", "ocds-hc2027-HC-2027-002", "ocds-hc2027-HC-2027-003"}

    parsed = feedparser.parse((out / "feed.atom").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == 3
    assert parsed.entries[0].link == "https://open.harbourside.example.cn/pipeline/notices/HC-2027-001.html"

    with (out / "pipeline.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["HC-2027-001", "HC-2027-002", "HC-2027-003"]
    assert rows[0]["ocid"] == "ocds-hc2027-HC-2027-001"

    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "<script" not in index
    assert index.count("<tr") == 4  # header and three entries
    policy = (out / "policy.html").read_text(encoding="utf-8")
    assert "<h1>Procurement policy · 采购政策</h1>" in policy and "first published version" in policy
    state = (pipeline / "published.jsonl")
    assert state.is_file() and stdout.strip().endswith(str(state))


def test_a_folder_published_with_the_state_beside_it_keeps_that_state(pipeline, tmp_path):
    beside = pipeline.with_name("pipeline.published.jsonl")
    assert publish(pipeline, tmp_path / "site", "--state", str(beside))[0] == 0
    code, stdout, _ = publish(pipeline, tmp_path / "site")
    assert code == 0 and "0 new releases, 3 unchanged" in stdout
    assert stdout.strip().endswith(str(beside)) and not (pipeline / "published.jsonl").exists()


def test_publishing_again_unchanged_gives_identical_files(pipeline, tmp_path):
    out = tmp_path / "site"
    assert publish(pipeline, out)[0] == 0
    first, state = snapshot(out), (pipeline / "published.jsonl").read_bytes()
    code, stdout, _ = publish(pipeline, out, env={"SOURCE_DATE_EPOCH": "1796000000"})
    assert code == 0 and "0 new releases, 3 unchanged" in stdout
    assert snapshot(out) == first  # even a later publication time changes nothing
    assert (pipeline / "published.jsonl").read_bytes() == state


def test_one_change_adds_exactly_one_release(pipeline, tmp_path):
    out = tmp_path / "site"
    assert publish(pipeline, out)[0] == 0
    entry = pipeline / "HC-2027-002.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("6200000", "6800000"),
                     encoding="utf-8")
    code, stdout, _ = publish(pipeline, out, env={"SOURCE_DATE_EPOCH": "1796000000"})
    assert code == 0 and "1 new releases, 2 unchanged" in stdout
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert package_errors(package) == []
    updates = [r for r in package["releases"] if r["ocid"] == "ocds-hc2027-HC-2027-002"]
    assert [(r["id"], r["tag"], r["date"]) for r in updates] == [
        ("ocds-hc2027-HC-2027-002-01", ["planning"], "2026-11-18T11:06:40Z"),
        ("ocds-hc2027-HC-2027-002-02", ["planningUpdate"], "2026-11-30T00:53:20Z")]
    assert updates[1]["tender"]["value"]["amount"] == 6800000
    assert package["publishedDate"] == "2026-11-30T00:53:20Z"
    assert len(feedparser.parse((out / "feed.atom").read_bytes()).entries) == 4


def test_withdrawal_is_a_new_release_with_status_withdrawn(pipeline, tmp_path):
    out = tmp_path / "site"
    assert publish(pipeline, out)[0] == 0
    entry = pipeline / "HC-2027-003.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("status: planned",
                                                               "status: withdrawn"),
                     encoding="utf-8")
    entry.with_name("HC-2027-009.yaml").write_text(
        "id: HC-2027-009\ntitle: Never announced\nbuyer: B\nstatus: withdrawn\n", encoding="utf-8")
    code, stdout, _ = publish(pipeline, out)
    assert code == 0 and "1 new releases" in stdout and "2 withdrawn" in stdout
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    last = package["releases"][-1]
    assert last["tender"]["status"] == "withdrawn" and last["tag"] == ["planningUpdate"]
    assert "HC-2027-009" not in (out / "release-package.json").read_text(encoding="utf-8")
    assert "withdrawn from the pipeline" in (out / "notices" / "HC-2027-003.html").read_text(
        encoding="utf-8")
    # The index lists it as withdrawn, and counts only the two still planned (point 8).
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<strong>2</strong>" in index and "HC-2027-003" in index


def test_bad_rows_are_each_named_and_nothing_is_written(tmp_path):
    source = tmp_path / "pipeline.csv"
    source.write_text(
        "id,title,buyer,estimated_value,currency,procurement_method,category,cpv,"
        "contract_start,contract_end,status\n"
        "A-1,Good,City,100,EUR,open,works,45233162,2027-01-01,2027-12-31,planned\n"
        ",No id,City,,,,,,,,\n"
        "A-3,,City,,,,,,,,\n"
        "A-4,Bad dates,City,,,,,,2027-13-45,2027-01-01,\n"
        "A-5,Ends first,City,,,,,,2028-01-01,2027-01-01,\n"
        "A-6,Negative,City,-1,EUR,,,,,,\n"
        "A-7,Text value,City,a lot,EUR,,,,,,\n"
        "A-8,Method,City,,,negotiated,consultancy,,,,pipeline\n"
        "A-9,Currency,City,5,XXY,,,4523,,,\n"
        "A-1,Duplicate,City,,,,,,,,\n", encoding="utf-8")
    out = tmp_path / "site"
    code, stdout, stderr = publish(source, out)
    assert code == 2 and stdout == "" and "Traceback" not in stderr
    assert stderr.splitlines() == [
        f"error: {source}, row 3, column id: required field is missing",
        f"error: {source}, row 4, column title: required field is missing",
        f"error: {source}, row 5, column contract_start: must be a date written YYYY-MM-DD",
        f"error: {source}, row 6, column contract_end: must not be before contract_start",
        f"error: {source}, row 7, column estimated_value: must not be negative",
        f"error: {source}, row 8, column estimated_value: must be a number",
        f"error: {source}, row 9, column procurement_method: must be one of 'open', "
        "'selective', 'limited' or 'direct'",
        f"error: {source}, row 9, column category: must be one of 'goods', 'works' or 'services'",
        f"error: {source}, row 9, column status: must be one of 'planning', 'planned' or "
        "'withdrawn'",
        f"error: {source}, row 10, column currency: must be an ISO 4217 currency code such as "
        "CNY, GBP or EUR",
        f"error: {source}, row 10, column cpv: must be a CPV code: 8 digits, optionally -check "
        "digit (45233162-2)",
        f"error: {source}, row 11, column id: duplicate id A-1 (first at {source}:2)",
    ]
    assert not out.exists() and not source.with_name("pipeline.csv.published.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pipeline.csv"]  # no temporary left


def test_a_failed_publish_leaves_the_previous_one_untouched(pipeline, tmp_path):
    out = tmp_path / "site"
    assert publish(pipeline, out)[0] == 0
    before, state = snapshot(out), (pipeline / "published.jsonl").read_bytes()
    (pipeline / "HC-2027-002.yaml").write_text("id: HC-2027-002\ntitle: x\nbuyer: B\n"
                                               "contract_end: soon\n", encoding="utf-8")
    code, _, stderr = publish(pipeline, out)
    assert code == 2 and "contract_end: must be a date" in stderr
    assert snapshot(out) == before
    assert (pipeline / "published.jsonl").read_bytes() == state


def test_hostile_titles_are_harmless_everywhere(tmp_path):
    source = tmp_path / "pipeline.csv"
    source.write_text('id,title,buyer,description\n'
                      'X-1,<script>alert(1)</script>,City,"=HYPERLINK(""http://evil"",""x"")"\n'
                      'X-2,"=HYPERLINK(""http://evil"",""click"")",@City,<b>bold</b>\n',
                      encoding="utf-8")
    out = tmp_path / "site"
    code, _, stderr = publish(source, out, "--publisher", "Harbourside")
    assert code == 0, stderr
    for name in ("index.html", "notices/X-1.html", "notices/X-2.html", "feed.atom"):
        text = (out / name).read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b>bold" not in text, name
    collector = _Tags()
    collector.feed((out / "notices" / "X-1.html").read_text(encoding="utf-8"))
    assert "script" not in collector.tags
    with (out / "pipeline.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["description"].startswith("'=HYPERLINK")
    assert rows[1]["title"].startswith("'=HYPERLINK") and rows[1]["buyer"] == "'@City"
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert package["releases"][0]["tender"]["title"] == "<script>alert(1)</script>"


def test_a_spreadsheet_source(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Title", "Buyer", "Estimated_Value", "Currency", "Expected_Tender_Date",
                  "SME_Suitable", "CPV"])
    import datetime as dt

    # 03111000 typed into a cell: the spreadsheet keeps the number 3111000 (issue 13 point 9).
    sheet.append(["W-1", "路灯维护", "港湾市", 1250000, "CNY", dt.datetime(2027, 3, 1), "是",
                  3111000])
    source = tmp_path / "pipeline.xlsx"
    book.save(source)
    out = tmp_path / "site"
    code, _, stderr = publish(source, out)
    assert code == 0, stderr
    release = json.loads((out / "release-package.json").read_text(encoding="utf-8"))["releases"][0]
    assert release["tender"]["tenderPeriod"]["startDate"] == "2027-03-01T00:00:00Z"
    assert release["tender"]["value"] == {"amount": 1250000, "currency": "CNY"}
    assert release["tender"]["items"][0]["classification"] == {
        "scheme": "CPV", "id": "03111000", "description": "Seeds"}


def test_a_cpv_code_has_one_form_in_every_output(tmp_path):
    """One code, one form (issue 13 point 9): "45310000-3" and "50232100" were published side
    by side; the check digit is not published (it cannot be derived, schemas/cpv-2008)."""
    source = tmp_path / "pipeline.csv"
    source.write_text("id,title,buyer,cpv\nC-1,Lighting,City,45310000-3\n"
                      "C-2,Maintenance,City,50232100\n", encoding="utf-8")
    out = tmp_path / "site"
    code, _, stderr = publish(source, out)
    assert code == 0, stderr
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert [r["tender"]["items"][0]["classification"]["id"] for r in package["releases"]] == [
        "45310000", "50232100"]
    rows = list(csv.DictReader((out / "pipeline.csv").read_text(encoding="utf-8-sig")
                               .splitlines()))
    assert [row["cpv"] for row in rows] == ["45310000", "50232100"]
    page = (out / "notices" / "C-1.html").read_text(encoding="utf-8")
    assert '45310000 <span lang="en">Electrical installation work</span>' in page
    assert "45310000-3" not in page


def test_uk1_profile(tmp_path):
    source = tmp_path / "pipeline.csv"
    source.write_text("id,title,buyer,estimated_value,currency,expected_tender_date\n"
                      "U-1,Highways,Barnet,2500000,GBP,2027-01-10\n"
                      "U-2,Parks,Barnet,150000,GBP,2026-06-01\n", encoding="utf-8")
    out = tmp_path / "site"
    # 2026-05-20: within 56 days of 1 April 2026
    code, stdout, stderr = publish(source, out, "--profile", "uk1",
                                   env={"SOURCE_DATE_EPOCH": "1779235200"})
    assert code == 0, stderr
    assert "UK1: 1 contracts that s.93 requires; UK1: 1 listed voluntarily." in stdout
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert {d["description"] for r in package["releases"]
            for d in r["planning"]["documents"]} == {"UK1 pipeline notice (Procurement Act 2023 "
                                                     "s.93)"}
    late = procure("publish", source, "--out", tmp_path / "late", "--ocid-prefix", PREFIX,
                   "--profile", "uk1", "--state", tmp_path / "late.jsonl",
                   env={"SOURCE_DATE_EPOCH": "1785542400"})  # 2026-08-01
    assert late.returncode == 0
    assert "warning: --profile: Procurement Act 2023 s.93: the pipeline notice for the year " \
           "from 2026-04-01 was due by 2026-05-26; publishing it now is late" in late.stderr
    source.write_text("id,title,buyer,estimated_value,currency\nU-1,Highways,Barnet,5,EUR\n",
                      encoding="utf-8")
    bad = procure("publish", source, "--out", tmp_path / "bad", "--ocid-prefix", PREFIX,
                  "--profile", "uk1")
    assert bad.returncode == 2
    assert bad.stderr.strip() == (f"error: {source}, row 2, column currency: a UK1 pipeline "
                                  "notice states values in GBP (the s.93 threshold is £2m)")


def test_cn_profile_writes_the_intentions_table_and_warns(pipeline, tmp_path):
    out = tmp_path / "site"
    # 2027-02-10: HC-2027-001's tender (2027-03-01) is 19 days away
    code, _, stderr = publish(pipeline, out, "--profile", "cn",
                              env={"SOURCE_DATE_EPOCH": "1802217600"})
    assert code == 0, stderr
    assert "HC-2027-001.yaml, field expected_tender_date: 采购意向 should be public at least " \
           "30 days before the procurement starts: 2027-03-01 is less than 30 days away" in stderr
    page = (out / "procurement-intentions.html").read_text(encoding="utf-8")
    assert "预算金额（万元）" in page and "1850.00" in page and "2027年3月" in page
    with (out / "procurement-intentions.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["序号", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间", "备注"]
    assert rows[1][0] == "1" and rows[1][3] == "1850.00" and rows[1][5] == "面向中小企业"
    # The notice's own forms (财库〔2020〕10号 annex): the title names the months it covers,
    # the publication date is written 年月日, and an English-only summary is pointed out.
    assert "港湾市交通运输局2027年3（至）6月政府采购意向</h1>" in page
    assert "（公开日期：2027年2月10日）" in page
    assert "HC-2027-002.yaml, field description: the 采购需求概况 has no Chinese text" in stderr
    (pipeline / "HC-2027-003.yaml").write_text(
        "id: HC-2027-003\ntitle: Bus depot charging works\nbuyer: Harbourside City\n"
        "estimated_value: 42000000\ncurrency: CNY\nexpected_tender_date: 2027-06-01\n",
        encoding="utf-8")
    code, _, stderr = publish(pipeline, tmp_path / "again", "--profile", "cn",
                              env={"SOURCE_DATE_EPOCH": "1802217600"})
    assert code == 2
    assert "HC-2027-003.yaml, field description: 采购意向 states the 采购需求概况" in stderr


def test_options_and_folders_are_checked(pipeline, tmp_path):
    bad_prefix = procure("publish", pipeline, "--out", tmp_path / "s", "--ocid-prefix", "ocds-x")
    assert bad_prefix.returncode == 2 and bad_prefix.stderr.startswith(
        "error: --ocid-prefix: must be a registered OCDS prefix")
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("precious", encoding="utf-8")
    refused = procure("publish", pipeline, "--out", home, "--ocid-prefix", PREFIX)
    assert refused.returncode == 2 and "refusing to replace it" in refused.stderr
    assert (home / "thesis.docx").read_text(encoding="utf-8") == "precious"
    assert publish(pipeline, tmp_path / "site")[0] == 0
    other = procure("publish", pipeline, "--out", tmp_path / "site", "--ocid-prefix",
                    "ocds-zzzzzz")
    assert other.returncode == 2 and "published with ocds-hc2027" in other.stderr
    missing = procure("publish", tmp_path / "nowhere.csv", "--out", tmp_path / "x",
                      "--ocid-prefix", PREFIX)
    assert missing.returncode == 2 and "no such file" in missing.stderr


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


def test_without_pages_the_index_is_the_notice(pipeline, tmp_path):
    out = tmp_path / "site"
    code, _, stderr = publish(pipeline, out, "--no-pages")
    assert code == 0, stderr
    assert not (out / "notices").exists()
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    assert package["releases"][0]["planning"]["documents"][0]["url"] == (
        "https://open.harbourside.example.cn/pipeline/index.html#HC-2027-001")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<tr id="HC-2027-001">' in index and "notices/" not in index
    parsed = feedparser.parse((out / "feed.atom").read_bytes())
    assert parsed.entries[0].link.endswith("/index.html#HC-2027-001")


@pytest.mark.parametrize("written", ["00123", "0x1F", "12_345", "1e3", "0o17"])
def test_an_id_is_published_exactly_as_written(tmp_path: Path, written: str):
    """YAML 1.1 reads 00123 as the octal number 83: an id so changed would become a
    permanent, wrong ocid (issue 13 point 3). Every value is read as the text written."""
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / "entry.yaml").write_text(
        f"id: {written}\ntitle: Street lighting\nbuyer: Harbourside City\n"
        "estimated_value: 18_500_000\ncurrency: CNY\nsme_suitable: yes\ncpv: 50232100\n",
        encoding="utf-8")
    code, _, stderr = publish(folder, tmp_path / "site")
    assert code == 0, stderr
    package = json.loads((tmp_path / "site" / "release-package.json").read_text("utf-8"))
    (release,) = package["releases"]
    assert release["ocid"] == f"{PREFIX}-{written}"
    assert release["planning"]["budget"]["amount"] == {"amount": 18500000, "currency": "CNY"}


def test_without_a_policy_no_page_links_to_one(pipeline: Path, tmp_path: Path):
    """Issue 13 point 6: a site published without policy.md (or from a database) has no
    policy page, so no page links to it and the package names none."""
    (pipeline / "policy.md").unlink()
    site = tmp_path / "site"
    code, _, stderr = publish(pipeline, site)
    assert code == 0, stderr
    assert not (site / "policy.html").exists()
    pages = [site / "index.html", *sorted((site / "notices").glob("*.html"))]
    assert len(pages) == 4
    for page in pages:
        assert "policy.html" not in page.read_text(encoding="utf-8"), page
    package = json.loads((site / "release-package.json").read_text(encoding="utf-8"))
    assert "publicationPolicy" not in package
    # With the policy back, every page links to it again (kept pages are drawn anew).
    shutil.copyfile(EXAMPLE / "policy.md", pipeline / "policy.md")
    code, _, stderr = publish(pipeline, site)
    assert code == 0, stderr
    for page in pages:
        assert 'href="policy.html"' in page.read_text(encoding="utf-8") or \
            'href="../policy.html"' in page.read_text(encoding="utf-8"), page


def test_an_ocids_releases_compile_to_one_record_in_any_order(pipeline: Path, tmp_path: Path):
    """With SOURCE_DATE_EPOCH unchanged, an entry changed since the first publication gets a
    release one second later than its first, so that the compiled record does not depend on
    the order the releases are read in (issue 13 point 2; ocdsmerge is what ocdskit compile
    uses)."""
    import ocdsmerge

    out = tmp_path / "site"
    assert publish(pipeline, out)[0] == 0
    entry = pipeline / "HC-2027-001.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "estimated_value: 18500000", "estimated_value: 19000000"), encoding="utf-8")
    assert publish(pipeline, out)[0] == 0
    package = json.loads((out / "release-package.json").read_text(encoding="utf-8"))
    mine = [r for r in package["releases"] if r["ocid"] == f"{PREFIX}-HC-2027-001"]
    assert [r["tag"] for r in mine] == [["planning"], ["planningUpdate"]]
    assert mine[0]["date"] < mine[1]["date"]
    assert package["publishedDate"] == mine[1]["date"]
    schema = json.loads((ROOT / "schemas" / "ocds-1.1.5" / "release-schema.json").read_text(
        encoding="utf-8"))
    merger = ocdsmerge.Merger(schema)
    forward = merger.create_compiled_release(mine)
    backward = merger.create_compiled_release(list(reversed(mine)))
    assert forward == backward
    assert forward["tender"]["value"]["amount"] == 19000000

