"""The contracts of the awarded procurements, as the publisher's values (issue 15, "Outputs"):
each contract with its KPIs, every measurement rated, its modifications with the law's limits
they pass, its milestones and its payments, published as ``contract`` and ``implementation``
releases under the procurement's ocid (:mod:`procurement.pipeline.contract_releases`)."""

from __future__ import annotations

from collections.abc import Iterable

from procurement.contracts.kpis import ContractKpi
from procurement.domain.views import ContractView, ModificationView
from procurement.i18n import tr
from procurement.pipeline.awards import AwardNotice, award_id
from procurement.pipeline.contracts import (
    AgreedKpi,
    Amendment,
    ContractNotice,
    DatedMilestone,
    Observed,
    Payment,
)
from procurement.services.actors import OPERATOR
from procurement.services.contracts import contracts_of
from procurement.services.performance import performance
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.vocabulary import Direction, Status


def contracted(db: Database, awards: Iterable[AwardNotice]) -> list[ContractNotice]:
    """Every contract of the awarded procurements in ``awards``, in award and lot order."""
    with db.read() as session:
        ids = {row.reference: row.id for row in repo.procurements(session)
               if row.status == Status.AWARDED}
    notices = []
    for award in awards:
        if award.reference not in ids:
            continue
        lots = {winner.bid: winner.lot for winner in award.winners}
        for contract in contracts_of(db, OPERATOR, ids[award.reference]):
            lot = lots.get(contract.bid_ref)
            notices.append(_notice(db, award, contract, lot))
    return notices


def _notice(db: Database, award: AwardNotice, contract: ContractView,
            lot: str | None) -> ContractNotice:
    rated = performance(db, OPERATOR, contract.id)
    supplier_id = next((w.supplier_id for w in award.winners if w.bid == contract.bid_ref),
                       None)
    return ContractNotice(
        reference=award.reference, lot=lot or "", award_id=award_id(award.reference, lot),
        title=f"{award.title} — {lot}" if lot else award.title, buyer=award.buyer,
        supplier=contract.supplier, value=contract.value, start=contract.start_date,
        end=contract.end_date, currency=contract.currency or award.currency,
        buyer_id=award.buyer_id, supplier_id=supplier_id, language=award.language,
        kpis=tuple(_kpi(k.number, ContractKpi.model_validate(k.terms)) for k in contract.kpis),
        observations=tuple(Observed(m.kpi, m.period, m.value, m.rating, m.credit_percent)
                           for m in rated.measurements),
        amendments=tuple(_amendment(n, m) for n, m in enumerate(contract.modifications, 1)),
        milestones=tuple(DatedMilestone(m.kind, m.due, m.met, m.number)
                         for m in contract.milestones),
        payments=tuple(Payment(p.id, p.paid_on, p.amount, p.description)
                       for p in contract.payments))


def _kpi(number: int, kpi: ContractKpi) -> AgreedKpi:
    return AgreedKpi(number, kpi.measure, kpi.target, kpi.direction == Direction.HIGHER,
                     kpi.unit, kpi.method, str(kpi.frequency))


def _amendment(number: int, change: ModificationView) -> Amendment:
    """A modification with each limit of the law it passes in words (in English, the
    language of the releases), citing the rule and where the law states it."""
    findings = tuple(
        f"{tr(f['msgid'], 'en', **f.get('params', {}))} "
        f"({tr(f['rule'], 'en')}: {tr(f['source'], 'en')})" for f in change.findings)
    return Amendment(number, change.decided_on, change.rationale, change.value_change, findings)
