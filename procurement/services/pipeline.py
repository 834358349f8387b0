"""Publishing the pipeline from a file source or from the database, with the awards the
evaluation workflow has made (ISO 37106 6.6.3 c; Annex A.6 open procurement data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from procurement.errors import OptionError, fail
from procurement.i18n import N_
from procurement.pipeline.publish import PublishOptions, PublishReport, publish
from procurement.pipeline.releases import Profile
from procurement.pipeline.sources import EntryReader
from procurement.pipeline.state import FileState
from procurement.services import access, indicators, pipeline_contracts, pipeline_store
from procurement.services.actors import OPERATOR, Actor
from procurement.services.databases import is_database, open_database
from procurement.store import audit
from procurement.store.db import Database

POLICY_FILE = "policy.md"


@dataclass(frozen=True)
class PublishResult:
    report: PublishReport
    state: str  # where the publish state is kept, for the user to commit or back up


def publish_source(source: str, out: Path, *, ocid_prefix: str, profile: Profile = "ocds",
                   base_url: str | None = None, license_url: str | None = None,
                   publisher: str | None = None, policy_path: str | None = None,
                   state_path: str | None = None, awards_db: str | None = None,
                   now: datetime, processes: int = 1, pages: bool = True,
                   with_indicators: bool = False) -> PublishResult:
    """Publish SOURCE (a folder, CSV/XLSX/YAML file or database) to ``out``; with
    ``with_indicators``, also the indicators of the awards (which a database SOURCE or
    ``awards_db`` must give), before anything is written."""
    database = is_database(source)
    if with_indicators and not (database or awards_db):
        raise OptionError("indicators", N_("needs --awards-from DB (the indicators are "
                                           "computed from the city's awards)"))
    if policy_path:
        policy = _read_policy(Path(policy_path), explicit=True)
    else:  # a pipeline folder or file may have its policy.md beside it; a database has none
        policy = None if database else _read_policy(_default_policy(Path(source)), explicit=False)
    options = PublishOptions(ocid_prefix, profile, base_url, license_url, publisher, policy,
                             pages)
    if database:
        return publish_database(open_database(source), out, options, now, OPERATOR,
                                processes=processes, with_indicators=with_indicators)
    awards, contracts, figures = [], [], None
    if awards_db:
        db = open_database(awards_db)
        awards = pipeline_store.awarded(db)
        contracts = pipeline_contracts.contracted(db, awards)
        figures = indicators.every_grouping(db, awards) if with_indicators else None
    state = FileState(Path(state_path)) if state_path else FileState.of(Path(source))
    report = publish(EntryReader(Path(source)), out, options, now, state, awards, contracts,
                     processes=processes, indicators=figures)
    return PublishResult(report, str(state.path))


def publish_database(db: Database, out: Path, options: PublishOptions, now: datetime,
                     actor: Actor, *, processes: int = 1,
                     with_indicators: bool = False) -> PublishResult:
    """Publish the database's pipeline, awards and contracts (and with ``with_indicators``
    the indicators of the awards), with the publish state in the database; the publication
    is recorded in the audit log."""
    if not actor.operator:
        access.require_role(actor, *pipeline_store.EDITORS)
    awards = pipeline_store.awarded(db)
    figures = indicators.every_grouping(db, awards) if with_indicators else None
    report = publish(pipeline_store.entry_feed(db), out, options, now,
                     pipeline_store.DatabaseState(db), awards,
                     pipeline_contracts.contracted(db, awards), processes=processes,
                     indicators=figures)
    with db.write() as session:
        audit.append(session, actor.username, "pipeline.publish", f"ocid:{options.ocid_prefix}",
                     after={"entries": report.entries, "new_releases": report.new_releases,
                            "awards": report.awards, "contracts": report.contracts,
                            "releases": report.releases,
                            "profile": options.profile})
    return PublishResult(report, db.safe_url)


def _default_policy(source: Path) -> Path:
    folder = source if source.is_dir() else source.parent
    return folder / POLICY_FILE


def _read_policy(path: Path, *, explicit: bool) -> str | None:
    """The policy's text; a default path that does not exist means there is no policy."""
    if not explicit and not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise fail(str(path), N_("no such file")) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(str(path), N_("cannot read the policy (it must be UTF-8 Markdown)")) from exc
