"""The bids as the screening sees them, a finding, the settings and the sources cited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from procurement.i18n import N_, Lang, tr
from procurement.labels import INTEGRITY_INDICATORS
from procurement.vocabulary import IntegrityCode

# Open Contracting Partnership, Cardinal (ocdscardinal), indicator documentation.
CARDINAL = "https://github.com/open-contracting/cardinal-rs/blob/main/docs/cli/indicators/R/"
R018_SOURCE = CARDINAL + "018.md"
R024_SOURCE = CARDINAL + "024.md"
R028_SOURCE = CARDINAL + "028.md"
R036_SOURCE = CARDINAL + "036.md"
R058_SOURCE = CARDINAL + "058.md"
# OECD (2009), Guidelines for Fighting Bid Rigging in Public Procurement, checklist for
# detecting bid rigging ("look for suspicious pricing patterns"; "the same irregularities"):
# the OECD's page of the Guidelines, which links their text in English, French and 22 more.
OECD = ("https://search.oecd.org/daf/competition/"
        "guidelinesforfightingbidrigginginpublicprocurement.htm")
# International Anti-Corruption Resource Center, guide to red flags: automated tests for
# collusive bidding ("exact % apart", "at least 50% higher than competitor's prices").
IACRC_TESTS = ("https://guide.iacrc.org/automated-tests-for-collusive-bidding-and-data-"
               "required-to-conduct-them/")
IACRC_PATTERNS = "https://guide.iacrc.org/red-flag-unusual-bidding-patterns/"
# An anti-corruption toolkit page (attributed to the World Bank / ADB, not verified): "The
# same increment exists between the bids of each company".
TOOLKIT = "http://cca.org.mx/ps/funcionarios/toolkit/html/theme1/t1p2b.htm"


LANGUAGES: tuple[Lang, ...] = ("en", "zh")


@dataclass(frozen=True)
class IntegrityBid:
    """One bid: its reference, supplier, lot, cost (the price or the TCO, before any SME
    deduction), whether it is valid (ranked) or disqualified, and whether it won."""

    bid_ref: str
    supplier: str
    cost: float | None
    valid: bool = True
    lot: str = "all"
    sme: bool = False
    winner: bool = False


@dataclass(frozen=True)
class Finding:
    """A red flag: the indicator's code, the rule (a msgid), where it comes from, the lot, the
    bid it is on (its subject) and the bids it names, with the figures that raised it."""

    code: IntegrityCode
    rule: str
    source: str
    lot: str
    subject: str  # a bid reference, or "lot:LOT" for a flag on the lot as a whole
    bids: tuple[str, ...]
    params: dict[str, str] = field(default_factory=dict)
    detail: str = ""  # a msgid with the figures: rendered with params


@dataclass(frozen=True)
class IntegrityFlag:
    """A finding with the approver's note, if any (none on the lead's preview), rendered in a
    language on demand."""

    finding: Finding
    note: str | None = None
    noted_by: str | None = None  # a user name
    noted_by_name: str | None = None  # the person's name
    noted_at: datetime | None = None
    version: int | None = None

    @property
    def key(self) -> str:
        return f"{self.finding.code}/{self.finding.subject}"

    @property
    def bid(self) -> str | None:
        """The bid the flag is on; none for a flag on a lot as a whole."""
        subject = self.finding.subject
        return None if subject.startswith("lot:") else subject

    def indicator(self, lang: Lang) -> str:
        return tr(INTEGRITY_INDICATORS[self.finding.code], lang)

    def rule(self, lang: Lang) -> str:
        return tr(self.finding.rule, lang, **self.finding.params)

    def detail(self, lang: Lang) -> str:
        return tr(self.finding.detail, lang, **self.finding.params) if self.finding.detail else ""

    def as_json(self, lang: Lang) -> dict[str, Any]:
        f = self.finding
        return {"code": f.code, "indicator": self.indicator(lang), "subject": f.subject,
                "lot": f.lot, "bid": self.bid, "bids": list(f.bids), "rule": self.rule(lang),
                "detail": self.detail(lang), "source": f.source, "note": self.note,
                "noted_by": self.noted_by, "noted_by_name": self.noted_by_name,
                "noted_at": self.noted_at.isoformat(timespec="seconds") if self.noted_at
                else None, "note_version": self.version}

    def as_record(self) -> dict[str, Any]:
        """:meth:`as_json` with the texts in both languages (``{"en": …, "zh": …}``): the
        award dossier's record, read in either."""
        shown = {lang: self.as_json(lang) for lang in LANGUAGES}
        return {**shown["en"], **{key: {lang: shown[lang][key] for lang in LANGUAGES}
                                  for key in ("indicator", "rule", "detail")}}


class IntegritySettings(BaseModel):
    """Thresholds, each with the default its source gives (shares of 1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    close_price: float = Field(0.05, ge=0, description=N_(
        "R024: flag when the second-lowest valid bid is at most this share above the winner's "
        "(Cardinal's settings example, threshold = 0.05)"))
    discounted_price: float = Field(0.50, gt=0, description=N_(
        "R058: flag when the second-lowest valid bid is at least this share above the "
        "winner's (Cardinal's settings example, threshold = 0.50)"))
    progression_tolerance: float = Field(0.01, ge=0, description=N_(
        "prices in progression: steps (or ratios) equal within this share"))
    ratio_tolerance: float = Field(0.005, ge=0, description=N_(
        "constant ratio across lots: ratios equal within this share"))
    cover_gap: float = Field(0.50, gt=0, description=N_(
        "cover bid: at least this share above the next lower bid (IACRC: at least 50 % "
        "higher than competitors' prices)"))
    figure_digits: int = Field(3, ge=2, le=6, description=N_(
        "unusual figures: the number of trailing digits compared"))
    min_bids_progression: int = Field(3, ge=3, description=N_(
        "prices in progression: the fewest bids the screen looks at"))
