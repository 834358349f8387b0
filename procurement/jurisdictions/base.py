"""What every jurisdiction declares, behind one small interface: its calendar, its periods
(each a pure function of a date and the calendar, citing its article), the organisation
identifier schemes its buyers use, how its contracts are signed, its currency and the
defaults of its evaluation rules. The workflow, the documents and the publisher ask these;
no other module knows a country's rule."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from procurement.errors import OptionError
from procurement.i18n import N_, Lang, tr
from procurement.jurisdictions.calendar import Calendar, Count, DayOff, count_working_days
from procurement.vocabulary import ContractKind, NoticeProfile, RubricProfile
from procurement.vocabulary import Jurisdiction as Code


@dataclass(frozen=True)
class Rule:
    """A rule as the law states it (message id) and where it is stated (message id, so
    that a Chinese document cites 《中华人民共和国政府采购法》第五十二条, not its English name)."""

    text: str
    source: str

    def render(self, lang: Lang, **params: object) -> str:
        text = tr(self.text, lang, **params)
        return f"{text} ({tr(self.source, lang)})" if lang == "en" else \
            f"{text}（{tr(self.source, lang)}）"


@dataclass(frozen=True)
class Deadline:
    """One date of a timeline: what ends (message id), the day, and the rule that sets it."""

    what: str
    day: date
    rule: Rule


@dataclass(frozen=True)
class Timeline:
    """What follows the award notice: each period's end, the first day the contract may be
    signed (and, where the law sets one, the last), the holidays passed over and the weekends
    counted as working days, and warnings (e.g. holidays known only by rule)."""

    jurisdiction: Code
    start: date
    start_event: str  # message id: the day the count starts from
    deadlines: tuple[Deadline, ...]
    sign_from: date
    sign_by: Deadline | None = None
    skipped: tuple[DayOff, ...] = ()
    worked: tuple[DayOff, ...] = ()
    warnings: tuple[tuple[str, dict[str, Any]], ...] = ()

    @property
    def standstill_end(self) -> date:
        """The last day on which the contract may not yet be signed."""
        return self.deadlines[-1].day

    @property
    def rule(self) -> Rule:
        return self.deadlines[-1].rule


def merged(counts: list[Count]) -> tuple[tuple[DayOff, ...], tuple[DayOff, ...],
                                         tuple[tuple[str, dict[str, Any]], ...]]:
    """The holidays, worked weekends and data warnings of several counts, each day once."""
    skipped = {d.day: d for c in counts for d in c.skipped}
    worked = {d.day: d for c in counts for d in c.worked}
    years = sorted({y for c in counts for y in c.beyond_data})
    warnings = tuple((N_("the holidays of {year} are known only by their rules: check that no "
                         "special holiday has been proclaimed"), {"year": year}) for year in years)
    return (tuple(skipped[d] for d in sorted(skipped)), tuple(worked[d] for d in sorted(worked)),
            warnings)


@dataclass(frozen=True)
class Signatory:
    """One line of a party's signature block (message id), e.g. 法定代表人或授权代表（签字）."""

    label: str


# The common-law convention for each party: who signs, in what capacity, the signature, when.
NAME_TITLE_SIGNATURE_DATE = (Signatory(N_("Name")), Signatory(N_("Title")),
                             Signatory(N_("Signature")), Signatory(N_("Date")))


@dataclass(frozen=True)
class RubricRules:
    """What a rubric profile of the jurisdiction requires of a rubric's weights: the price
    criterion's share of the weight between ``price_weight`` bounds and scored with
    ``price_formula``, or at least ``group_minimum`` = (group, share) on one group."""

    source: Rule
    price_weight: tuple[float, float] | None = None
    price_formula: str | None = None
    group_minimum: tuple[str, float] | None = None


@dataclass(frozen=True)
class Defaults:
    """What a new procurement of the jurisdiction starts with."""

    currency: str | None
    rubric_profiles: dict[RubricProfile, RubricRules] = field(default_factory=dict)
    notice_profile: NoticeProfile = NoticeProfile.OCDS
    evaluation: str = N_("most economically advantageous tender")
    # The price deduction small and micro enterprises get, where the law sets one: its range
    # (the lower bound is the default) and the rule.
    sme_deduction: tuple[float, float, Rule] | None = None


@dataclass(frozen=True)
class Limits:
    """``per_change``: the share of the original value one change may add, per kind (None: no
    such limit); ``cumulative``: whether that limit is judged on the net sum of the changes
    so far; ``total``: the share all changes together may add."""

    per_change: dict[ContractKind, float] | None
    per_change_rule: Rule | None
    total: float | None
    total_rule: Rule | None
    cumulative: bool = False


# What a procurement with no particular law is held to: the defaults, after the EU's.
GENERIC_LIMITS = Limits(
    per_change={ContractKind.GOODS: 0.10, ContractKind.SERVICES: 0.10, ContractKind.WORKS: 0.15},
    per_change_rule=Rule(N_("a change of 10 % (goods, services) or 15 % (works) of the value"),
                         N_("the toolkit's default, after Directive 2014/24/EU art. 72")),
    total=0.50,
    total_rule=Rule(N_("changes adding more than 50 % of the value in total"),
                    N_("the toolkit's default, after Directive 2014/24/EU art. 72")))


@dataclass(frozen=True)
class Letters:
    """What a letter to a bidder (the assessment summary) cites and tells the bidder of its
    rights: why the letter is sent, and how to challenge the decision (a message id with
    {body}, who receives a challenge, and {date}, the last day of the period)."""

    basis: Rule
    challenge: Rule


GENERIC_LETTERS = Letters(
    basis=Rule(N_("This letter explains how your tender was assessed against the published "
                  "award criteria."), N_("the buyer's own procurement rules")),
    challenge=Rule(N_("If you wish to question the decision, write to {body} by {date}, before "
                      "the contract is entered into."), N_("the buyer's own procurement rules")))


@dataclass(frozen=True)
class ContractDocuments:
    """The documents of a running contract and what each states it follows: ``issued`` the
    kinds the jurisdiction's law asks for, first the one its contracts are reported by
    (``performance-notice``: the UK9 contract performance notice; ``acceptance``: China's
    履约验收 acceptance report); ``notice`` and ``acceptance`` the rule each document cites.
    Both can be made for any contract."""

    issued: tuple[str, ...]
    notice: Rule
    acceptance: Rule


GENERIC_CONTRACT_DOCUMENTS = ContractDocuments(
    issued=("performance-notice", "acceptance"),
    notice=Rule(N_("This notice assesses the supplier's performance against the contract's key "
                   "performance indicators for the period stated."),
                N_("the contract's own terms, after Procurement Regulations 2024 reg. 39")),
    acceptance=Rule(N_("The acceptance team checked each requirement of the contract due in the "
                       "period against the evidence recorded, and its members sign this report."),
                    N_("the contract's own terms")))


@dataclass(frozen=True)
class Jurisdiction(ABC):
    code: Code
    name: str  # message id
    law: Rule  # the procurement law the jurisdiction's procurements follow
    defaults: Defaults
    standstill_rule: Rule  # the rule that keeps the contract unsigned, for refusals
    regions: tuple[str, ...] = ()  # calendars that may be chosen (first: the default)
    buyer_schemes: tuple[str, ...] = ()  # org-id scheme codes its buyers use
    signature: tuple[Signatory, ...] = field(default=())
    # The parties as the signature block heads them, and as a line names them ({party}).
    sign_parties: tuple[str, str] = (N_("Signed for the Buyer"), N_("Signed for the Supplier"))
    party_names: tuple[str, str] = (N_("Buyer"), N_("Supplier"))
    data_protection_law: str = N_("the applicable data protection law")
    letters: Letters = GENERIC_LETTERS
    # How far a contract may be modified (jurisdictions.modifications.check).
    modifications: Limits = field(default_factory=lambda: GENERIC_LIMITS)
    contract_documents: ContractDocuments = GENERIC_CONTRACT_DOCUMENTS

    def currency(self, chosen: str | None) -> str | None:
        """The currency of a procurement's prices: the one its terms chose, else the law's."""
        return chosen or self.defaults.currency

    def switching_charges(self, today: date) -> str:
        """What the contract says of switching charges (a message id): none, unless the
        jurisdiction's law phases them out (the EU Data Act)."""
        return N_("No switching charges apply.")

    @abstractmethod
    def calendar(self, region: str | None = None) -> Calendar:
        """The working-day calendar (of ``region``, where the jurisdiction has several)."""

    @abstractmethod
    def standstill(self, start: date, *, region: str | None = None,
                   electronic: bool = True, days: int | None = None) -> Timeline:
        """The periods that run from ``start`` (the day the award notice is published or the
        award decision sent) before the contract may be signed."""

    def region(self, region: str | None) -> str | None:
        """``region``, checked, or the default one."""
        if not self.regions:
            if region:
                raise OptionError("region", N_("{jurisdiction} has one calendar; give no region"),
                                  jurisdiction=self.code.value)
            return None
        if region is None:
            return self.regions[0]
        if region not in self.regions:
            raise OptionError("region", N_("unknown region {region}; use one of {choices}"),
                              region=region, choices=", ".join(self.regions))
        return region

    def working_days(self, start: date, days: int, *, region: str | None = None,
                     include_start: bool = False) -> Count:
        """The ``days``-th working day after ``start`` (or beginning with it)."""
        calendar = self.calendar(region)
        first = start if include_start else start + timedelta(days=1)
        return count_working_days(calendar, first, days)
