"""The national rules of a published pipeline, applied to each entry as it streams past.

The rules themselves are the jurisdictions' (:func:`procurement.jurisdictions.notice_rules`):
``uk1`` the Procurement Act 2023 s.93 pipeline notice, ``cn`` 政府采购意向公开 (财库〔2020〕10
号). A rule the data breaks is an error on its row and column; a rule only the calendar breaks
(publishing late) is a warning, because refusing to publish would not help suppliers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from procurement import jurisdictions
from procurement.errors import Problem
from procurement.jurisdictions.notices import Finding, NoticeRules
from procurement.pipeline.entry import PipelineEntry
from procurement.pipeline.releases import Profile


@dataclass
class ProfileCheck:
    """Applies one profile's rules to each entry, collecting errors and warnings."""

    profile: Profile
    today: date
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rules: NoticeRules = field(init=False)

    def __post_init__(self) -> None:
        self.rules = jurisdictions.notice_rules(self.profile, self.today)

    def start(self, file: str) -> None:
        late = self.rules.late()
        if late is not None:
            self._add(late, file, None)

    def entry(self, entry: PipelineEntry, file: str, row: int | None) -> None:
        if entry.status == "withdrawn":
            return
        for finding in self.rules.entry(entry):
            self._add(finding, file, row)

    @property
    def counts(self) -> dict[str, int]:
        """What the profile counted (uk1: the contracts s.93 requires, and the others)."""
        return self.rules.counts

    def _add(self, finding: Finding, file: str, row: int | None) -> None:
        if finding.column is None:
            problem = Problem(file, finding.msgid, params=finding.params)
        elif row is None:
            problem = Problem(file, finding.msgid, field=finding.column, params=finding.params)
        else:
            problem = Problem(file, finding.msgid, row=row, column=finding.column,
                              params=finding.params)
        (self.errors if finding.error else self.warnings).append(problem)
