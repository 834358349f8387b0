"""What the contract-stage documents say, as plain data for their templates: the contract
performance notice (UK9: Procurement Regulations 2024 reg. 39(4)) and the acceptance report
(履约验收 验收书: Government Procurement Law art. 41, 财库〔2016〕205号). Built from service
views and the period's assessment (contracts.assessment), in one language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from procurement import formats, jurisdictions, labels
from procurement.contracts.assessment import (
    ACCEPTABLE,
    DELIVERABLES,
    KpiAssessment,
    Span,
    milestone_accepted,
)
from procurement.contracts.credits import PeriodCredits
from procurement.documents.context import Context, common
from procurement.domain.procurement import ALL_LOTS
from procurement.domain.views import ContractView, ProcurementDetail
from procurement.i18n import N_, Lang, tr
from procurement.vocabulary import Direction, Milestone

RATING_RULE = N_("A period of several months is rated by its worst month; a key performance "
                 "indicator not measured in the period is rated Other.")
KPI_RULE = N_("A key performance indicator is accepted when it was measured in the period and "
              "no month was rated below Approaching target; a milestone, when it was met by its "
              "due date.")
OTHER = N_("Other (not measured in the period)")


@dataclass(frozen=True)
class Member:
    """A member of the acceptance team, as the user gave them."""

    name: str
    role: str


def _contract(detail: ProcurementDetail, view: ContractView, supplier_id: str, span: Span,
              lang: Lang, today: date) -> Context:
    """What both documents start with: the buyer, the procurement, the contract, the
    supplier and the period."""
    identifier = contract_id(view)
    return {**common(detail, today, lang),
            "contract": {"id": identifier, "start": formats.day(view.start_date, lang),
                         "end": formats.day(view.end_date, lang),
                         "value": formats.money(view.value, view.currency, lang)},
            "supplier": {"name": view.supplier, "identifier": supplier_id or formats.NONE,
                         "bid": view.bid_ref,
                         "contact": formats.NONE},  # the toolkit records no address
            "period": period_text(span, lang)}


def contract_id(view: ContractView) -> str:
    """The contract's identifier as its OCDS release gives it: the procurement's reference,
    and the lot's in a procurement with lots."""
    return view.reference if view.lot in ("", ALL_LOTS) else f"{view.reference}-{view.lot}"


def period_text(span: Span, lang: Lang) -> str:
    """"October 2026" / "2026年10月", or a range with its first and last day."""
    first, last = _month(span.first, lang), _month(span.last, lang)
    if span.months == 1:
        return first
    return tr(N_("{first} to {last} ({months} months: {start} to {end})"), lang, first=first,
              last=last, months=span.months, start=formats.day(span.first, lang),
              end=formats.day(span.end, lang))


def _month(day: date, lang: Lang) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", day, locale="zh_CN" if lang == "zh" else "en_GB"))


def _value(value: float, unit: str, lang: Lang) -> str:
    from babel.numbers import format_decimal

    shown = str(format_decimal(value, format="#,##0.###",
                               locale="zh_CN" if lang == "zh" else "en_GB"))
    return f"{shown} {unit}".strip() if unit and unit != "%" else shown + unit


def target(kpi: KpiAssessment, lang: Lang) -> str:
    sign = "≥" if kpi.kpi.direction == Direction.HIGHER else "≤"
    return f"{sign} {_value(kpi.kpi.target, kpi.kpi.unit, lang)}"


def measured(kpi: KpiAssessment, lang: Lang) -> str:
    """The month's value, or for several months their range, the worst and the latest."""
    unit = kpi.kpi.unit
    if not kpi.measured:
        return formats.NONE
    if len(kpi.measured) == 1:
        return _value(kpi.measured[0].value, unit, lang)
    values = [m.value for m in kpi.measured]
    worst, latest = kpi.worst, kpi.latest
    assert worst is not None and latest is not None
    return tr(N_("{count} months, {low} to {high}; worst {worst} ({worst_month}); latest "
                 "{latest} ({latest_month})"), lang, count=len(values),
              low=_value(min(values), unit, lang), high=_value(max(values), unit, lang),
              worst=_value(worst.value, unit, lang), worst_month=worst.period.isoformat()[:7],
              latest=_value(latest.value, unit, lang),
              latest_month=latest.period.isoformat()[:7])


def rating(kpi: KpiAssessment, lang: Lang) -> str:
    return tr(labels.RATINGS[kpi.rating] if kpi.rating else OTHER, lang)


def performance_notice(detail: ProcurementDetail, view: ContractView, supplier_id: str,
                       kpis: list[KpiAssessment], credits: dict[date, PeriodCredits],
                       span: Span, lang: Lang, today: date) -> Context:
    """UK9 (reg. 39(4)): the authority, the procurement and contract identifiers, the KPIs,
    the statement of what the notice is, the supplier, each KPI's rating and the period."""
    rules = jurisdictions.get(detail.jurisdiction).contract_documents

    def money(amount: float) -> str:
        return formats.money(amount, view.currency, lang)

    owed = {p: c for p, c in sorted(credits.items()) if p in span and c.total > 0}
    return {**_contract(detail, view, supplier_id, span, lang, today),
            "basis": rules.notice.render(lang), "rating_rule": tr(RATING_RULE, lang),
            "kpis": [{"number": k.number, "measure": k.kpi.measure, "target": target(k, lang),
                      "measured": measured(k, lang), "rating": rating(k, lang),
                      "credits": money(sum(m.credit_percent for m in k.measured)
                                       * view.period_charge / 100)} for k in kpis],
            "credits": [{"period": p.isoformat()[:7], "amount": money(c.total),
                         "capped": tr(N_("capped at the contract's monthly cap"), lang)
                         if c.capped else ""} for p, c in owed.items()],
            "credits_total": money(sum(c.total for c in owed.values())),
            "no_credits": "" if owed else tr(N_("No service credits are owed for the period."),
                                             lang)}


def acceptance(detail: ProcurementDetail, view: ContractView, supplier_id: str,
               kpis: list[KpiAssessment], span: Span, members: list[Member],
               accepted_on: date, lang: Lang, today: date) -> Context:
    """The 验收书: each requirement due in the period (the KPIs against their targets, the
    milestones the supplier delivers), its evidence and its result, the team that signs."""
    rules = jurisdictions.get(detail.jurisdiction).contract_documents
    rows = [{"requirement": f"{tr(N_('KPI'), lang)} {k.number}: {k.kpi.measure}",
             "target": target(k, lang), "evidence": _kpi_evidence(k, lang),
             "accepted": k.accepted} for k in kpis]
    for milestone in view.milestones:
        if Milestone(milestone.kind) in DELIVERABLES and milestone.due in span:
            rows.append({"requirement": tr(labels.MILESTONES[Milestone(milestone.kind)], lang),
                         "target": tr(N_("by {date}"), lang,
                                      date=formats.day(milestone.due, lang)),
                         "evidence": tr(N_("met on {date}"), lang,
                                        date=formats.day(milestone.met, lang))
                         if milestone.met else tr(N_("not met"), lang),
                         "accepted": milestone_accepted(milestone.due, milestone.met)})
    failed = [str(number) for number, row in enumerate(rows, start=1) if not row["accepted"]]
    for number, row in enumerate(rows, start=1):
        row["number"] = number
        row["result"] = tr(N_("Accepted") if row.pop("accepted") else N_("Not accepted"), lang)
    conclusion = tr(N_("All {count} requirements are accepted."), lang, count=len(rows)) \
        if not failed else tr(N_("{accepted} of {count} requirements are accepted; not "
                                 "accepted: {numbers}."), lang, accepted=len(rows) - len(failed),
                              count=len(rows), numbers=", ".join(failed))
    return {**_contract(detail, view, supplier_id, span, lang, today),
            "basis": rules.acceptance.render(lang), "rule": tr(KPI_RULE, lang),
            "requirements": rows, "conclusion": conclusion,
            "members": [{"name": m.name, "role": m.role} for m in members],
            "accepted_on": formats.day(accepted_on, lang)}


def _kpi_evidence(kpi: KpiAssessment, lang: Lang) -> str:
    """The measurements and where they come from; the months below Approaching target."""
    if not kpi.measured:
        return tr(N_("not measured in the period"), lang)
    low = [f"{m.period.isoformat()[:7]} {_value(m.value, kpi.kpi.unit, lang)} "
           f"({tr(labels.RATINGS[m.rating], lang)})"
           for m in kpi.measured if m.rating not in ACCEPTABLE]
    sources = "; ".join(dict.fromkeys(m.evidence for m in kpi.measured if m.evidence))
    parts = [measured(kpi, lang)]
    if low:
        parts.append(tr(N_("below Approaching target: {months}"), lang, months=", ".join(low)))
    if sources:
        parts.append(tr(N_("evidence: {sources}"), lang, sources=sources))
    return ("；" if lang == "zh" else "; ").join(parts)
