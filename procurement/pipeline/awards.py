"""An awarded procurement as an OCDS ``award`` release that tells the whole story (issue 13):
every tenderer with its scale, the bid statistics, the award criteria and their weights, the
lots, and the value of each award.

Published under the procurement's own ocid (Annex A.6 of the brief: open city procurement
data). The fields beyond the core come from the bid, partyScale, lots and award criteria
breakdown extensions (:mod:`.extensions`), declared in the package that carries the release.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from procurement.pipeline.releases import (
    NoticeOptions,
    Release,
    amount,
    buyer_party,
    ocid,
    party_id,
    start,
)

CriterionType = Literal["price", "cost", "quality"]  # the extension's awardCriterionType codes


@dataclass(frozen=True)
class Winner:
    lot: str | None
    supplier: str
    supplier_id: str | None
    # What the contract pays: the price, or for a bid on total cost of ownership the capital
    # cost plus the yearly charges over the term (undiscounted; the exit cost is contingent).
    amount: Decimal | None
    bid: str | None = None  # the winning bid's reference


@dataclass(frozen=True)
class Bidder:
    """One bid received: who made it, whether it stayed in the evaluation, what it costs."""

    bid: str
    supplier: str
    supplier_id: str | None
    sme: bool
    valid: bool
    amount: Decimal | None
    lot: str | None = None


@dataclass(frozen=True)
class Criterion:
    type: CriterionType
    name: str
    weight: float  # per cent of the total, as the published methodology states it


@dataclass(frozen=True)
class AwardNotice:
    """An awarded procurement from the evaluation workflow."""

    reference: str
    title: str
    buyer: str
    awarded_on: date
    tenderers: int
    winners: tuple[Winner, ...]
    currency: str | None = None
    language: str = "en"
    buyer_id: str | None = None
    description: str | None = None
    bidders: tuple[Bidder, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    lots: tuple[tuple[str, str], ...] = ()  # (id, title) when the procurement has lots
    publish_bids: bool = False  # the methodology said each bid is published after award


def procurement_ocid(ocid_prefix: str, reference: str) -> str:
    """The ocid of a procurement's award and contract releases."""
    return ocid(ocid_prefix, _SLUG_ID.sub("-", reference))


def award_id(reference: str, lot: str | None) -> str:
    """The id of the award of ``lot`` (``None``: the procurement has no lots)."""
    return f"{reference}-{lot}" if lot else reference


def award_key(reference: str) -> str:
    return f"award:{reference}"


def award_hash(notice: AwardNotice, options: NoticeOptions) -> str:
    body = json.dumps([repr(notice), options.ocid_prefix], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def award_release(notice: AwardNotice, options: NoticeOptions, sequence: int,
                  published: str) -> Release:
    """An ``award`` release (``awardUpdate`` when a published award changes), one award
    per lot."""
    ocid_ = procurement_ocid(options.ocid_prefix, notice.reference)
    buyer = buyer_party(notice.buyer, notice.buyer_id)
    parties = [buyer, *_tenderers(notice)]
    awards = []
    for winner in notice.winners:
        supplier_id = party_id(winner.supplier, winner.supplier_id, "supplier")
        award: dict[str, Any] = {
            "id": award_id(notice.reference, winner.lot),
            "title": f"{notice.title} — {winner.lot}" if winner.lot else notice.title,
            "status": "active", "date": start(notice.awarded_on),
            "suppliers": [{"id": supplier_id, "name": winner.supplier}]}
        if winner.amount is not None and notice.currency:
            award["value"] = {"amount": amount(winner.amount), "currency": notice.currency}
        if winner.lot:
            award["relatedLots"] = [winner.lot]
        if notice.publish_bids and winner.bid:
            award["relatedBid"] = winner.bid  # the bid extension's cross reference
        awards.append(award)
    tender: dict[str, Any] = {"id": notice.reference, "title": notice.title,
                              "status": "complete", "numberOfTenderers": notice.tenderers}
    if notice.description:
        tender["description"] = notice.description
    if notice.criteria:
        tender["awardCriteria"] = "ratedCriteria"  # core codelist: price and quality, weighted
    lots = _lots(notice)
    if lots:
        tender["lots"] = lots
    release: Release = {
        "ocid": ocid_, "id": f"{ocid_}-award-{sequence:02d}", "date": published,
        "tag": ["award" if sequence == 1 else "awardUpdate"], "initiationType": "tender",
        "language": notice.language, "parties": parties,
        "buyer": {"id": buyer["id"], "name": notice.buyer}, "tender": tender}
    bids: dict[str, Any] = {}
    if statistics := _statistics(notice):
        bids["statistics"] = statistics
    if notice.publish_bids and notice.bidders:
        bids["details"] = [_bid(bidder, notice.currency) for bidder in notice.bidders]
    if bids:
        release["bids"] = bids
    release["awards"] = awards
    return release


def _tenderers(notice: AwardNotice) -> list[dict[str, Any]]:
    """Every organisation that bid, once, as a ``tenderer`` (and ``supplier`` if it won), with
    its scale from the bid's SME flag (partyScale: sme or large)."""
    winners = {party_id(w.supplier, w.supplier_id, "supplier") for w in notice.winners}
    parties: dict[str, dict[str, Any]] = {}
    bidders = notice.bidders or tuple(
        Bidder("", w.supplier, w.supplier_id, False, True, None) for w in notice.winners)
    for bidder in bidders:
        key = party_id(bidder.supplier, bidder.supplier_id, "supplier")
        if key in parties:
            continue
        party = buyer_party(bidder.supplier, bidder.supplier_id,
                            roles=("supplier", "tenderer") if key in winners else ("tenderer",))
        party["id"] = key
        if notice.bidders:
            party["details"] = {"scale": "sme" if bidder.sme else "large"}
        parties[key] = party
    return list(parties.values())


def _bid(bidder: Bidder, currency: str | None) -> dict[str, Any]:
    """One bid as the bid extension has it: valid when it stayed in the evaluation,
    disqualified when a gate or a check removed it."""
    bid: dict[str, Any] = {
        "id": bidder.bid, "status": "valid" if bidder.valid else "disqualified",
        "tenderers": [{"id": party_id(bidder.supplier, bidder.supplier_id, "supplier"),
                       "name": bidder.supplier}]}
    if bidder.amount is not None and currency:
        bid["value"] = {"amount": amount(bidder.amount), "currency": currency}
    if bidder.lot:
        bid["relatedLots"] = [bidder.lot]
    return bid


def _lots(notice: AwardNotice) -> list[dict[str, Any]]:
    """The lots, each with the award criteria (the breakdown extension puts them on lots; a
    procurement without lots is one lot, as eForms has it)."""
    criteria = {"criteria": [
        {"type": c.type, "name": c.name,
         "numbers": [{"number": round(c.weight, 4), "weight": "percentageExact"}]}
        for c in notice.criteria]} if notice.criteria else None
    lots = notice.lots or ((("1", notice.title),) if criteria else ())
    out = []
    for lot_id, title in lots:
        lot: dict[str, Any] = {"id": lot_id, "title": title, "status": "complete"}
        if criteria:
            lot["awardCriteria"] = criteria
        out.append(lot)
    return out


def _statistics(notice: AwardNotice) -> list[dict[str, Any]]:
    """The bid extension's statistics, per lot when there are lots: bids, valid bids, bids
    from SMEs, bidders, disqualified bidders, the lowest and highest valid bid."""
    if not notice.bidders:
        return []
    groups = ([(lot_id, [b for b in notice.bidders if b.lot == lot_id])
               for lot_id, _ in notice.lots] if notice.lots else [(None, list(notice.bidders))])
    statistics: list[dict[str, Any]] = []
    for lot_id, bids in groups:
        valid = [b for b in bids if b.valid]
        suppliers = {party_id(b.supplier, b.supplier_id, "supplier") for b in bids}
        qualified = {party_id(b.supplier, b.supplier_id, "supplier") for b in valid}
        counts = [("bids", len(bids)), ("validBids", len(valid)),
                  ("smeBids", sum(b.sme for b in bids)), ("bidders", len(suppliers)),
                  ("disqualifiedBidders", len(suppliers - qualified))]
        values = sorted(b.amount for b in valid if b.amount is not None)
        for measure, count in counts:
            statistics.append(_statistic(len(statistics), measure, count, lot_id))
        if values and notice.currency:
            for measure, value in (("lowestValidBidValue", values[0]),
                                   ("highestValidBidValue", values[-1])):
                statistic = _statistic(len(statistics), measure, amount(value), lot_id)
                statistic["currency"] = notice.currency
                statistics.append(statistic)
    return statistics


def _statistic(number: int, measure: str, value: int | float, lot: str | None
               ) -> dict[str, Any]:
    statistic: dict[str, Any] = {"id": str(number + 1), "measure": measure, "value": value}
    if lot is not None:
        statistic["relatedLot"] = lot
    return statistic


_SLUG_ID = re.compile(r"[^A-Za-z0-9._-]+")
