"""What each document says, as plain data for its template: built from service views, in one
language, numbers formatted. No I/O and no Word here (render.py does that)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from procurement import formats, jurisdictions, labels
from procurement.documents.clauses import ClauseLibrary, select_clauses
from procurement.domain.terms import ContractTerms, Kpi
from procurement.domain.views import (
    BidView,
    ConsensusView,
    DecisionView,
    EnvelopeView,
    ProcurementDetail,
    ResolutionView,
    ScoreView,
)
from procurement.i18n import N_, Lang, tr
from procurement.integrity import IntegrityFlag
from procurement.rubric import Rubric
from procurement.scoring.result import Evaluation, RankedBid
from procurement.vocabulary import Role

if TYPE_CHECKING:
    from procurement.domain.chain import ChainReport

Context = dict[str, Any]


def currency_of(detail: ProcurementDetail) -> str | None:
    """The currency of the procurement's prices: its terms', else its jurisdiction's."""
    return jurisdictions.get(detail.jurisdiction).currency(detail.contract_terms.currency)


def common(detail: ProcurementDetail, today: date, lang: Lang) -> Context:
    law = jurisdictions.get(detail.jurisdiction)
    return {"procurement": {"title": detail.title, "reference": detail.reference,
                            "buyer": detail.buyer_name, "buyer_id": detail.buyer_id or "–",
                            "description": detail.description or "–",
                            "law": tr(law.law.text, lang)},
            "generated_on": formats.day(today, lang)}


def clause_sections(library: ClauseLibrary, rubric: Rubric, terms: ContractTerms,
                    detail: ProcurementDetail, lang: Lang, today: date) -> list[Context]:
    parameters = terms.parameters(detail.buyer_name, lang, today)
    return [{"title": title, "clauses": [vars(clause) for clause in clauses]}
            for title, clauses in select_clauses(library, rubric, terms, parameters, lang,
                                                 jurisdiction=detail.jurisdiction, today=today)]


def signature(detail: ProcurementDetail, supplier: str, lang: Lang) -> Context:
    """The signature block as the jurisdiction's contracts have it, one column per party
    (China: 甲方（盖章） / 法定代表人或授权代表（签字） / 日期; UK and EU: name, title,
    signature, date)."""
    law = jurisdictions.get(detail.jurisdiction)
    colon = "：" if lang == "zh" else ": "
    heads = [f"{tr(head, lang)}{colon}{name}" for head, name in
             zip(law.sign_parties, (detail.buyer_name, supplier), strict=True)]
    lines = [{"buyer": tr(line.label, lang, party=tr(law.party_names[0], lang)) + colon,
              "supplier": tr(line.label, lang, party=tr(law.party_names[1], lang)) + colon}
             for line in law.signature]
    return {"buyer": heads[0], "supplier": heads[1], "lines": lines}


def clause_pack(detail: ProcurementDetail, rubric: Rubric, terms: ContractTerms,
                library: ClauseLibrary, lang: Lang, today: date) -> Context:
    return {**common(detail, today, lang), "kpis": [_kpi(k) for k in terms.kpis],
            "sections": clause_sections(library, rubric, terms, detail, lang, today)}


def contract(detail: ProcurementDetail, rubric: Rubric, terms: ContractTerms,
             library: ClauseLibrary, bid: BidView, envelope: EnvelopeView, ranked: RankedBid,
             lang: Lang, today: date) -> Context:
    currency = currency_of(detail)

    def money(value: float | None) -> str:
        return formats.money(value, currency, lang)

    # What the contract pays, and nothing the evaluation computed: present values and the
    # SME deduction were how the bid was compared, not prices (they follow the table, marked).
    schedule = []
    if envelope.price is not None:
        schedule.append({"item": tr(N_("Price"), lang), "amount": money(envelope.price)})
    evaluated = ""
    if ranked.tco is not None:
        tco = ranked.tco
        schedule += [
            {"item": tr(N_("Capital cost"), lang), "amount": money(envelope.capex)},
            {"item": tr(N_("Operating charge per year"), lang),
             "amount": money(envelope.opex_per_year)},
            {"item": tr(N_("Term (years)"), lang), "amount": str(tco.term_years)},
        ]
        if envelope.capex is not None and envelope.opex_per_year is not None:
            schedule.append({"item": tr(N_("Total payable over the term"), lang),
                             "amount": money(envelope.capex
                                             + envelope.opex_per_year * tco.term_years)})
        schedule.append({"item": tr(N_("Exit and transition charges (at most)"), lang),
                         "amount": money(envelope.exit_cost)})
        evaluated = tr(N_("For information, not a price: the tender was evaluated on its total "
                          "cost of ownership including exit, {total} at present value "
                          "(discount rate {rate})."), lang, total=money(tco.total),
                       rate=f"{tco.discount_rate * 100:g} %")
    commitments = bid.commitments or {}
    standards = commitments.get("open_standards") or []
    return {
        **common(detail, today, lang),
        "supplier": {"name": bid.supplier_name, "identifier": bid.supplier_identifier or "–",
                     "kpis": [_kpi(Kpi.model_validate(k)) for k in commitments.get("kpis", [])],
                     "open_standards": ("、" if lang == "zh" else ", ").join(standards)
                     or tr(N_("None stated in the bid."), lang)},
        "schedule": schedule,
        "evaluated": evaluated,
        "currency": currency or "–",
        "signature": signature(detail, bid.supplier_name, lang),
        "sections": clause_sections(library, rubric, terms, detail, lang, today),
    }


def report(detail: ProcurementDetail, rubric: Rubric, evaluation: Evaluation,
           scores: list[ScoreView], consensus: list[ConsensusView],
           resolutions: list[ResolutionView], decisions: list[DecisionView],
           chain: ChainReport, lang: Lang, today: date,
           integrity: list[IntegrityFlag] | None = None) -> Context:
    """``integrity``: the flags of the recommendation (pending or approved) with the
    approver's notes; none before a recommendation, or when the latest was returned."""
    names = {c.id: c.name.get(lang) for c in rubric.criteria}
    weights = rubric.weights()
    options = detail.options
    # People by name, not by login; scores in the ranking's and the rubric's order.
    people = {m.username: m.display_name for m in detail.panel}
    originals: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in scores:
        originals[(s.bid_ref, s.criterion)].append(
            f"{people.get(s.evaluator, s.evaluator)} {s.score:g}")
    resolved = {(r.bid_ref, r.code): r.resolution for r in resolutions}
    sensitivity = evaluation.sensitivity
    criteria = {c.id: index for index, c in enumerate(rubric.criteria)}
    bids = {b.bid_id: index for index, b in enumerate(evaluation.ranking)}

    def order(bid: str, criterion: str) -> tuple[int, str, int]:
        return bids.get(bid, len(bids)), bid, criteria.get(criterion, len(criteria))

    scores = sorted(scores, key=lambda s: (*order(s.bid_ref, s.criterion),
                                           people.get(s.evaluator, s.evaluator)))
    consensus = sorted(consensus, key=lambda c: order(c.bid_ref, c.criterion))
    return {
        **common(detail, today, lang),
        "rubric": {"title": rubric.title.get(lang), "id": rubric.id, "version": rubric.version,
                   "criteria": [{"name": c.name.get(lang), "kind": tr(labels.KINDS[c.kind], lang),
                                 "weight": f"{weights[c.id] * 100:.1f} %" if c.id in weights
                                 else "–",
                                 "minimum": "–" if c.threshold is None else f"{c.threshold:g}"}
                                for c in rubric.criteria]},
        "settings": tr(N_("method {method}; price formula {formula}; discount rate {rate} %; SME "
                          "deduction {sme} %"), lang, method=tr(labels.METHODS[options.method],
                                                                 lang),
                       formula=tr(labels.PRICE_FORMULAS[options.price_formula], lang),
                       rate=f"{options.discount_rate * 100:g}",
                       sme=f"{options.sme_deduction * 100:g}"),
        "panel": [{"name": m.display_name,
                   "declaration": tr(labels.COI[m.coi], lang), "reason": m.coi_reason or "–",
                   "declared_on": formats.day(m.declared_at.date(), lang) if m.declared_at
                   else "–"}
                  for m in detail.panel],
        "scores": [{"bid": s.bid_ref, "criterion": names[s.criterion],
                    "evaluator": people.get(s.evaluator, s.evaluator),
                    "score": f"{s.score:g}", "rationale": s.rationale} for s in scores],
        "moderation": [{"bid": c.bid_ref, "criterion": names[c.criterion],
                        "original": ", ".join(originals[(c.bid_ref, c.criterion)]),
                        "consensus": f"{c.score:g}", "reason": c.reason} for c in consensus],
        "ranking": [_ranked(b, lang) for b in evaluation.ranking],
        "sensitivity": None if sensitivity is None or not sensitivity.win_probability else {
            "samples": f"{sensitivity.samples:,}", "seed": sensitivity.seed,
            "win": [{"bid": bid, "share": f"{p * 100:.1f} %"}
                    for bid, p in sensitivity.win_probability.items()],
            "tipping": [{"criterion": names[p.criterion], "weight": f"{p.weight * 100:.1f} %",
                         "tipping_weight": "–" if p.tipping_weight is None
                         else f"{p.tipping_weight * 100:.1f} %",
                         "new_winner": p.new_winner
                         or tr(N_("no weight changes the winner"), lang)}
                        for p in sensitivity.tipping_points]},
        "flags": [{"bid": b.bid_id, "flag": tr(labels.FLAGS.get(f.code, f.code), lang),
                   "explanation": f.text(lang),
                   "resolution": resolved.get((b.bid_id, f.code), "–")}
                  for b in evaluation.ranking for f in b.flags],
        "decisions": (history := _decisions(decisions, detail, lang)),
        "recommendation": " ".join(history),
        "integrity": _integrity(integrity, set(bids), lang),
        "audit": tr(N_("Audit chain intact on {date}: {count} entries, newest hash {hash}."), lang,
                    date=formats.day(today, lang), count=chain.entries, hash=chain.head_hash)
        if chain.ok else tr(N_("Audit chain BROKEN at entry {seq}: the record has been "
                               "tampered with."), lang, seq=chain.first_bad),
    }


Reasons = dict[tuple[str, str], str]  # (bid, criterion) -> the reason released, in one language


def summary(detail: ProcurementDetail, rubric: Rubric, evaluation: Evaluation, bid: RankedBid,
            reasons: Reasons, lang: Lang, today: date) -> Context:
    """The letter to one bidder (the assessment summary of Procurement Regulations 2024
    reg. 31, the 评审得分与排序 of MOF Order No. 87 art. 69): per criterion the weight, the
    score and the points available, the bidder's final score and the released reason; for an
    unsuccessful bidder the winner's scores and where it gained; the standstill and how to
    challenge, in the jurisdiction's words."""
    weights = evaluation.weights
    winner = evaluation.winner
    law = jurisdictions.get(detail.jurisdiction)
    rows = _criteria_rows(rubric, weights, bid, reasons, currency_of(detail), lang)
    if bid.status == "disqualified":
        outcome = tr(N_("Your tender was not ranked: {reasons}"), lang,
                     reasons="; ".join(r.text(lang) for r in bid.reasons))
    elif winner is not None and winner.bid_id == bid.bid_id:
        outcome = tr(N_("Your tender is the most advantageous tender, and the contracting "
                        "authority intends to award the contract to you."), lang)
    else:
        outcome = tr(N_("Your tender was not the most advantageous tender."), lang)
    end = detail.standstill_end
    context: Context = {
        **common(detail, today, lang),
        "letter": {"date": formats.day(today, lang), "basis": law.letters.basis.render(lang),
                   "signed": detail.lead_name or detail.lead,
                   "role": tr(N_("Procurement lead"), lang)},
        "bidder": {"bid": bid.bid_id, "supplier": bid.supplier, "criteria": rows,
                   "total": "–" if bid.total is None else f"{bid.total:.2f} / 100",
                   "rank": "–" if bid.rank is None else
                   tr(N_("{rank} of {bids}"), lang, rank=bid.rank, bids=_ranked_count(evaluation))},
        "outcome": outcome,
        "winner": None,
        "standstill": (tr(N_("The standstill period ends on {date}; the contract will not be "
                             "entered into before then."), lang, date=formats.day(end, lang))
                       # the source once, where the challenge paragraph cites the same
                       + ("" if law.standstill_rule.source == law.letters.challenge.source
                          else _cited(law.standstill_rule.source, lang))) if end
        else tr(N_("The standstill period starts when the award is approved."), lang),
        "challenge": law.letters.challenge.render(
            lang, body=detail.buyer_name, date=formats.day(end, lang)) if end else "",
    }
    if winner is not None and winner.bid_id != bid.bid_id:
        context["winner"] = _winner(rubric, weights, winner, bid, lang)
    return context


def _winner(rubric: Rubric, weights: dict[str, float], winner: RankedBid, bid: RankedBid,
            lang: Lang) -> Context:
    """The most advantageous tender beside the bidder's: its scores and points per criterion
    and the criteria on which it gained most (the relative advantages)."""
    def points(of: RankedBid, criterion: str) -> float:
        return weights[criterion] * of.scores.get(criterion, 0.0) * 100

    weighted = rubric.weighted
    ahead = sorted(((points(winner, c.id) - points(bid, c.id), c.name.get(lang))
                    for c in weighted), reverse=True)
    leads = [name for gain, name in ahead[:3] if gain > 0.005]
    return {
        "why": tr(N_("The most advantageous tender ({bid}, {supplier}) scored {total} of 100; "
                     "it gained most over yours on: {criteria}."), lang, bid=winner.bid_id,
                  supplier=winner.supplier, total="–" if winner.total is None
                  else f"{winner.total:.2f}", criteria=("、" if lang == "zh" else ", ").join(leads)
                  or "–"),
        "criteria": [{"name": c.name.get(lang), "score": _score(rubric, c.id, winner),
                      "points": f"{points(winner, c.id):.2f}",
                      "yours": f"{points(bid, c.id):.2f}",
                      "difference": f"{points(winner, c.id) - points(bid, c.id):+.2f}"}
                     for c in weighted]}


def _ranked_count(evaluation: Evaluation) -> int:
    return sum(1 for b in evaluation.ranking if b.rank is not None)


def _cited(source: str, lang: Lang) -> str:
    return f" ({tr(source, lang)})" if lang == "en" else f"（{tr(source, lang)}）"


def _criteria_rows(rubric: Rubric, weights: dict[str, float], bid: RankedBid,
                   reasons: Reasons, currency: str | None, lang: Lang) -> list[Context]:
    rows = []
    for criterion in rubric.weighted:
        weight = weights[criterion.id]
        if criterion.kind == "cost":
            score = _score(rubric, criterion.id, bid)
            reason = tr(N_("evaluated cost {cost}, scored by the price formula"), lang,
                        cost=formats.money(bid.evaluated_cost, currency, lang))
        else:
            assert criterion.scale is not None
            score = tr(N_("{score} of {high}"), lang, score=_score(rubric, criterion.id, bid),
                       high=f"{criterion.scale.max:g}")
            reason = reasons.get((bid.bid_id, criterion.id)) or "–"
        rows.append({"name": criterion.name.get(lang), "weight": f"{weight * 100:.1f} %",
                     "score": score,
                     "points": tr(N_("{points} of {available}"), lang,
                                  points=f"{weight * bid.scores.get(criterion.id, 0.0) * 100:.2f}",
                                  available=f"{weight * 100:.1f}"),
                     "reason": reason})
    return rows


def _score(rubric: Rubric, criterion_id: str, bid: RankedBid) -> str:
    if criterion_id in bid.raw_scores:
        return f"{bid.raw_scores[criterion_id]:g}"
    return f"{bid.scores.get(criterion_id, 0.0):.3f}"


def _ranked(bid: RankedBid, lang: Lang) -> Context:
    return {"rank": "–" if bid.rank is None else str(bid.rank), "bid": bid.bid_id,
            "supplier": bid.supplier, "total": "–" if bid.total is None else f"{bid.total:.2f}",
            "cost": formats.number(bid.evaluated_cost, lang),
            "status": tr(N_("ranked"), lang) if bid.status == "ranked"
            else tr(N_("disqualified"), lang)}


def _integrity(flags: list[IntegrityFlag] | None, bids: set[str], lang: Lang) -> Context:
    """The report's integrity section: the flags on this evaluation's bids (a lot's report,
    its lot's), each with the approver's note, who wrote it and when."""
    if flags is None:
        return {"flags": [], "none": tr(N_("The integrity screening runs on a recommendation; "
                                           "there is none awaiting approval or approved."),
                                        lang)}
    shown = []
    for flag in flags:
        if not set(flag.finding.bids) & bids:
            continue
        lot = flag.finding.lot
        concerns = flag.bid or (tr(N_("all bids"), lang) if lot == "all"
                                else tr(N_("lot {lot}"), lang, lot=lot))
        note = tr(N_("{note} ({who}, {date})"), lang, note=flag.note,
                  who=flag.noted_by_name or flag.noted_by or "?",
                  date=formats.day(flag.noted_at.date(), lang) if flag.noted_at else "?") \
            if flag.note is not None else tr(N_("no note yet"), lang)
        shown.append({"flag": f"{flag.finding.code} · {flag.indicator(lang)}",
                      "concerns": concerns,
                      "finding": f"{flag.rule(lang)} {flag.detail(lang)}".strip(),
                      "source": flag.finding.source, "note": note})
    return {"flags": shown,
            "none": tr(N_("The screening raised no integrity flag on the recommendation."),
                       lang)}


def winners_text(winners: dict[str, str]) -> str:
    """"SP-02", or "lot 1: SP-02, lot 2: SP-07" for procurements with lots."""
    if list(winners) == ["all"]:
        return winners["all"]
    return ", ".join(f"{lot}: {bid}" for lot, bid in winners.items())


def _kpi(kpi: Kpi) -> Context:
    return {"measure": kpi.measure, "baseline": kpi.baseline or "–", "target": kpi.target}


def _decisions(decisions: list[DecisionView], detail: ProcurementDetail,
               lang: Lang) -> list[str]:
    """Every recommendation in order, with its reasons and its approval or return: a
    returned recommendation stays on the record."""
    if not decisions:
        return [tr(N_("No award has been recommended yet."), lang)]

    def person(name: str, role: Role) -> str:  # by name and role, never by login
        return tr(N_("{name} ({role})"), lang, name=name, role=tr(labels.ROLES[role], lang))

    paragraphs = []
    for number, decision in enumerate(decisions, start=1):
        text = tr(N_("{number}. Recommended by {who} on {date}: {winners}."), lang,
                  number=number, who=person(decision.recommended_by_name
                                            or decision.recommended_by, Role.LEAD),
                  date=formats.day(decision.recommended_at.date(), lang),
                  winners=winners_text(decision.winners))
        if decision.note:
            text += " " + tr(N_("Reasons: {note}"), lang, note=decision.note)
        if decision.outcome == "returned":
            text += " " + tr(N_("Returned to moderation by {who} on {date}: {reason}"), lang,
                             who=person(decision.returned_by_name or decision.returned_by
                                        or "?", Role.APPROVER),
                             date=formats.day(decision.returned_at.date(), lang)
                             if decision.returned_at else "?",
                             reason=decision.return_reason or "")
        if decision.approved_by and decision.approved_at:
            text += " " + tr(N_("Approved by {who} on {date}."), lang,
                             who=person(decision.approved_by_name or decision.approved_by,
                                        Role.APPROVER),
                             date=formats.day(decision.approved_at.date(), lang))
            if detail.standstill_end:
                text += " " + tr(N_("Standstill until {date}."), lang,
                                 date=formats.day(detail.standstill_end, lang))
        paragraphs.append(text)
    return paragraphs
