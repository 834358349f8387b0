"""The indicators of a source a user names: an OCDS file (:mod:`procurement.indicators.
source`) or the city's own database, whose awards are read as the award releases
``procure publish`` would publish (:func:`procurement.pipeline.awards.award_release`)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, get_args

from procurement.indicators import report, source, table
from procurement.indicators.queries import GroupBy
from procurement.pipeline.awards import AwardNotice, award_release
from procurement.pipeline.releases import NoticeOptions
from procurement.services import design_reviews, pipeline_store
from procurement.services.databases import is_database, open_database
from procurement.store.db import Database

# The ocid prefix of the releases made from the database: they are read, not published.
LOCAL_PREFIX = "ocds-local"
# The evaluation workflow runs a call for bids that any supplier may answer: the city's own
# procedures count as open (competitive) ones. Stated in docs/indicators.md.
CITY_METHOD = "open"
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)  # every grouping, in its order


def city_releases(db: Database, awarded: Iterable[AwardNotice] | None = None
                  ) -> Iterator[dict[str, Any]]:
    """The award release of each awarded procurement in ``db`` (``awarded``, when the caller
    has read them already)."""
    options = NoticeOptions(ocid_prefix=LOCAL_PREFIX)
    for notice in pipeline_store.awarded(db) if awarded is None else awarded:
        published = f"{notice.awarded_on.isoformat()}T00:00:00Z"
        release = dict(award_release(notice, options, 1, published))
        release["tender"] = {"procurementMethod": CITY_METHOD, **release["tender"]}
        yield release


@contextmanager
def _db_lines(db: Database, awarded: Iterable[AwardNotice] | None = None) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="procure-indicators-") as folder:
        path = Path(folder) / "city.jsonl"
        with path.open("w", encoding="utf-8") as sink:
            for release in city_releases(db, awarded):
                sink.write(json.dumps(release, ensure_ascii=False, default=str) + "\n")
        yield path


def of_database(db: Database, by: GroupBy | None = None) -> dict[str, Any]:
    """The indicators of the city's own awards, with the portfolio's Table 3 maturity from
    the design reviews it recorded (``maturity``: only a database has them)."""
    with _db_lines(db) as lines:
        result = report.compute(lines, by, name="database")
    return result | {"maturity": design_reviews.maturity(db)}


def every_grouping(db: Database, awarded: Iterable[AwardNotice] | None = None
                   ) -> dict[str, Any]:
    """The indicators of the city's own awards overall, per buyer, per CPV division and per
    year, as the published site's ``indicators.json`` holds them
    (:func:`procurement.indicators.table.every_grouping`), and the portfolio's Table 3
    maturity (``maturity``, as :func:`of_database`): the releases are made once, from
    ``awarded`` when the caller has read the awards already (as publishing has)."""
    with _db_lines(db, awarded) as lines:
        overall, groups = report.compute_groupings(lines, GROUPINGS, name="database")
    return table.every_grouping(overall, groups) | {"maturity": design_reviews.maturity(db)}


def of_source(name: str, by: GroupBy | None = None) -> dict[str, Any]:
    """The indicators of ``name``: a database (a URL or a .sqlite file) or an OCDS file."""
    if is_database(name):
        return of_database(open_database(name), by)
    with source.release_lines(name) as lines:
        return report.compute(lines, by, name=name)
