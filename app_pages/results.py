"""Results: the ranking, each bid's weighted contributions, the TCO breakdown, how robust
the winner is (win probability, tipping points, rank reversal), every flag with its
explanation or its recorded resolution, what-if weights that re-rank live, and the results
as CSV/XLSX."""

import numpy as np
import streamlit as st

from procurement import formats, labels
from procurement.export import results_bytes
from procurement.scoring.methods import run_method
from procurement.services import moderation, procurements
from procurement.services.access import PRICES_OPEN
from procurement.services.moderation import RESOLVABLE
from procurement.services.results import ALL_LOTS
from procurement.ui import charts, context
from procurement.ui.context import lang, t, tm
from procurement.ui.evaluations import current_result
from procurement.ui.feedback import guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import choose, pick_procurement, show_notes

NONE = formats.NONE

who = require_actor()
db = context.database()
st.title(t("Results"))

summary = pick_procurement(who, statuses=PRICES_OPEN)
if summary is None:
    st.stop()
card = None
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    rubric = detail.rubric
    currency = detail.contract_terms.currency
    lots = [str(lot["id"]) for lot in detail.lots]
    lot = choose(t("Lot"), lots, key="results_lot") if lots else None
    result = current_result(who, detail.id, lot)
    evaluation, card = result.evaluation, result.card
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    resolutions = {(r.bid_ref, r.code): r
                   for r in moderation.flag_resolutions(db, who, detail.id)}

    winner = evaluation.winner
    sensitivity = evaluation.sensitivity
    left, middle, right = st.columns(3)
    left.metric(t("Ranked first"), winner.bid_id if winner else NONE,
                help=plain(winner.supplier) if winner else None)
    middle.metric(t("Total"), formats.number(winner.total, lang()) if winner else NONE)
    if winner and sensitivity and sensitivity.win_probability:
        right.metric(t("Wins in the weight draws"),
                     f"{sensitivity.win_probability[winner.bid_id] * 100:.1f} %")

    st.subheader(t("Ranking"))
    st.dataframe([{t("Rank"): str(b.rank) if b.rank is not None else NONE, t("Bid"): b.bid_id,
                   t("Supplier"): b.supplier, t("SME"): t("yes") if b.sme else t("no"),
                   t("Total"): formats.number(b.total, lang()),
                   t("Evaluated cost"): formats.money(b.evaluated_cost, currency, lang()),
                   t("Status"): t("ranked") if b.status == "ranked" else t("disqualified"),
                   t("Flags"): ", ".join(t(labels.FLAGS[f.code]) for f in b.flags
                                         if f.code in labels.FLAGS)}
                  for b in evaluation.ranking], hide_index=True, width="stretch")

    st.subheader(t("Flags and their explanations"))

    def settled(code: str) -> bool:
        """Every ranked bid carrying this flag has its resolution recorded."""
        carriers = [b.bid_id for b in evaluation.ranking if b.status == "ranked"
                    and any(f.code == code for f in b.flags)]
        return bool(carriers) and all((bid, code) in resolutions for bid in carriers)

    open_warnings = [w for w in evaluation.warnings
                     if not (w.code in RESOLVABLE and settled(w.code))]
    show_notes(open_warnings, empty=None if evaluation.warnings else t("No warning."))
    for code in sorted({w.code for w in evaluation.warnings} - {w.code for w in open_warnings}):
        st.markdown(tm(":material/task_alt: **{name}** — every flagged bid's resolution is "
                       "recorded (see below).", name=t(labels.FLAGS[code])))
    for bid in evaluation.ranking:
        if bid.flags or bid.reasons:
            with st.expander(f"{plain(bid.bid_id)} · {plain(bid.supplier)}"):
                show_notes([*bid.reasons, *bid.flags], resolutions=resolutions, bid=bid.bid_id)

    st.altair_chart(charts.contributions(evaluation, rubric), width="stretch")
    tco = charts.tco_breakdown(evaluation, currency)
    if tco is not None:
        st.altair_chart(tco, width="stretch")

    st.subheader(t("How robust is the result?"))
    chart = charts.win_probability(evaluation)
    if chart is not None and sensitivity is not None:
        st.altair_chart(chart, width="stretch")
        st.dataframe([{t("Bid"): bid, t("Rank, 5th percentile"): f"{p.p5:g}",
                       t("Median rank"): f"{p.p50:g}", t("Rank, 95th percentile"): f"{p.p95:g}"}
                      for bid, p in sensitivity.percentile_ranks.items()], hide_index=True)
        st.markdown(t("**Tipping points**: the weight at which another bid would overtake the "
                      "winner, the other weights rescaled in proportion."))
        st.dataframe([{t("Criterion"): names[p.criterion], t("Weight"): f"{p.weight * 100:.1f} %",
                       t("Tipping weight"): NONE if p.tipping_weight is None
                       else f"{p.tipping_weight * 100:.1f} %",
                       t("New winner"): p.new_winner or t("no weight changes the winner")}
                      for p in sensitivity.tipping_points], hide_index=True, width="stretch")
    if sensitivity is not None and sensitivity.rank_reversals:
        for reversal in sensitivity.rank_reversals:
            st.warning(tm("Removing {bid} would reorder the others: {before} → {after}",
                          bid=reversal.removed, before=" > ".join(reversal.order_before),
                          after=" > ".join(reversal.order_after)), icon=":material/swap_vert:")

    st.subheader(t("Download"))
    left, right = st.columns(2)
    stem = f"{detail.reference}-{lot or ALL_LOTS}-results"
    scored = card
    left.download_button(t("Results (XLSX)"), data=lambda: results_bytes(scored, ".xlsx", lang()),
                         file_name=f"{stem}.xlsx", icon=":material/download:",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    right.download_button(t("Results (CSV)"), data=lambda: results_bytes(scored, ".csv", lang()),
                          file_name=f"{stem}.csv", mime="text/csv", icon=":material/download:")


@st.fragment
def what_if() -> None:
    """Re-rank live under other weights. Exploration only: the published weights stand. The
    chosen weights are kept for this procurement while the user moves between pages."""
    st.subheader(t("What if the weights were different?"))
    st.caption(t("Move a weight to see the order change. This does not change the published "
                 "methodology."))
    assert card is not None
    qualified = np.flatnonzero(card.qualified)
    if len(qualified) == 0:
        return
    published = {c.id: float(c.weight) for c in rubric.weighted}
    store = f"_whatif_{detail.id}"
    kept: dict[str, float] = st.session_state.setdefault(store, dict(published))
    slider_keys = {c: f"whatif_{detail.id}_{c}" for c in card.criteria}
    def reset() -> None:
        st.session_state[store] = dict(published)
        for key in slider_keys.values():
            st.session_state.pop(key, None)

    st.button(t("Reset to the published weights"), icon=":material/restart_alt:",
              key=f"whatif_reset_{detail.id}", on_click=reset)
    kept = st.session_state[store]
    columns = st.columns(3)
    chosen = []
    for i, c in enumerate(card.criteria):
        value = columns[i % 3].slider(names[c], 0.0, 100.0, kept.get(c, published[c]), step=1.0,
                                      key=slider_keys[c])
        kept[c] = value
        chosen.append(value)
    weights = np.array(chosen)
    if weights.sum() <= 0:
        st.warning(t("At least one weight must be above zero."), icon=":material/warning:")
        return
    weights = weights / weights.sum()
    ids = [card.bids.bid_ids[i] for i in qualified]
    ranked = run_method(card.options.method, card.matrix[qualified], weights, ids, card.criteria)
    order = np.lexsort((np.arange(len(ids)), ranked.ranks))
    published_rank = {b.bid_id: b.rank for b in evaluation.ranking}
    first = [ids[i] for i in order if ranked.ranks[i] == 1]
    st.markdown(tm("**First under these weights:** {bids}", bids=", ".join(first)))
    st.dataframe([{t("Rank"): int(ranked.ranks[i]), t("Bid"): ids[i],
                   t("Total"): formats.number(float(ranked.totals[i]), lang()),
                   t("Published rank"): published_rank[ids[i]],
                   t("Change"): "=" if published_rank[ids[i]] == ranked.ranks[i] else
                   ("▲" if ranked.ranks[i] < (published_rank[ids[i]] or 0) else "▼")}
                  for i in order], hide_index=True, width="stretch", key="whatif_table")


if card is not None:
    what_if()
