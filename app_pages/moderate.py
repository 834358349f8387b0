"""Moderate (lead): where the evaluators' scores spread, their scores and rationales side
by side, a consensus score with its reason, and how each red flag was resolved."""

import streamlit as st

from procurement import formats, labels
from procurement.services import moderation, procurements, scoring
from procurement.services.moderation import RESOLVABLE
from procurement.ui import context, versions
from procurement.ui.charts import spread_heatmap
from procurement.ui.context import lang, t, tm
from procurement.ui.evaluations import current_result
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import Md
from procurement.ui.versions import settling
from procurement.ui.widgets import choose, form_round, next_round, pick_procurement
from procurement.vocabulary import Status

who = require_actor()
db = context.database()
st.title(t("Moderate"))

summary = pick_procurement(who, statuses=(Status.PRICE_OPENING, Status.MODERATION))
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    if who.username != detail.lead:
        st.error(t("Only the procurement's lead moderates."), icon=":material/block:")
        st.stop()
    rubric = detail.rubric
    names = {c.id: c.name.get(lang()) for c in rubric.criteria}
    people = {m.username: m.display_name for m in detail.panel}
    evaluation = current_result(who, detail.id).evaluation
    cells = evaluation.panel or []
    st.altair_chart(spread_heatmap(cells, rubric), width="stretch")

    flagged = [c for c in cells if c.level != "ok"]
    st.subheader(t("Scores to moderate"))
    if not flagged:
        st.success(t("The panel agrees on every score."), icon=":material/check_circle:")
    else:
        evaluators = sorted({e for c in cells for e in c.scores}, key=lambda e: people.get(e, e))
        st.dataframe([{t("Bid"): c.bid_id, t("Criterion"): names[c.criterion],
                       **{people.get(e, e): formats.number(c.scores.get(e), lang(), 1)
                          for e in evaluators},
                       t("Spread"): f"{c.spread * 100:.0f} %", t("Level"): t(labels.LEVELS[c.level]),
                       t("Panel score"): formats.number(c.consensus, lang(), 1),
                       t("Moderated"): t("yes") if c.consensus_source == "moderated" else t("no")}
                      for c in flagged], hide_index=True, width="stretch")

    if detail.status == Status.MODERATION:
        st.subheader(t("Set a consensus score"))
        choices = [(c.bid_id, c.criterion) for c in flagged + [c for c in cells if c.level == "ok"]]
        cell_key = choose(t("Bid and criterion"), choices, key="moderate_cell",
                          format_func=lambda k: f"{k[0]} · {names[k[1]]}")
        rationales = [s for s in scoring.panel_scores(db, who, detail.id)
                      if (s.bid_ref, s.criterion) == cell_key]
        for score in rationales:
            given = f"{score.score:g}"
            st.markdown(tm("**{who}: {score}** — {rationale}", who=score.evaluator_name or
                           score.evaluator, score=given, rationale=score.rationale))
        scale = rubric.criterion(cell_key[1]).scale
        assert scale is not None
        existing = next((c for c in moderation.consensus_scores(db, who, detail.id)
                         if (c.bid_ref, c.criterion) == cell_key), None)
        consensus_record = ("consensus", detail.id, *cell_key)
        consensus_seen = versions.seen(consensus_record, existing.version if existing else None)
        with st.form("consensus"):
            panel_score = next(c.consensus for c in cells if (c.bid_id, c.criterion) == cell_key)
            # No bounds on the input: an out-of-scale score reaches the service, which says
            # why it is refused (a bounded input would only turn red and save nothing).
            low, high = f"{scale.min:g}", f"{scale.max:g}"
            value = st.number_input(t("Consensus score ({low}–{high})", low=low, high=high),
                                    step=0.5, format="%.1f", value=existing.score if existing
                                    else float(panel_score))
            reason = st.text_area(t("Reason (recorded beside the evaluators' scores)"),
                                  value=existing.reason if existing else "")
            if st.form_submit_button(t("Save the consensus score"), type="primary"):
                with guarded(), settling(consensus_record):
                    moderation.set_consensus(db, who, detail.id, cell_key[0], cell_key[1], value,
                                             reason, expected_version=consensus_seen)
                    flash(t("Consensus score saved for {bid} · {criterion}.", bid=cell_key[0],
                            criterion=names[cell_key[1]]))
                    st.rerun()

    st.subheader(t("Red flags"))
    resolved = {(r.bid_ref, r.code): r for r in moderation.flag_resolutions(db, who, detail.id)}
    needing = [(b.bid_id, f.code, f.text(lang())) for b in evaluation.ranking
               if b.status == "ranked" for f in b.flags if f.code in RESOLVABLE]
    if not needing:
        st.caption(t("No flag needs a recorded resolution."))
    for bid_id, code, message in needing:
        done = resolved.get((bid_id, code))
        icon = labels.FLAG_ICONS.get(code, ":material/flag:")
        state = t("resolved") if done else t("open")
        st.markdown(tm("{icon} **{bid} · {flag}** ({state}) — {message}", icon=Md(icon),
                       bid=bid_id, flag=t(labels.FLAGS[code]), state=state, message=message))
        if done:
            st.caption(tm("Resolution by {who} on {date}: {text}",
                          who=done.decided_by_name or done.decided_by,
                          date=formats.day(done.decided_at.date(), lang()), text=done.resolution))
    if needing and detail.status in (Status.PRICE_OPENING, Status.MODERATION):
        pick = choose(t("Flag"), [(b, c) for b, c, _ in needing], key="resolve_flag",
                      format_func=lambda k: f"{k[0]} · {t(labels.FLAGS[k[1]])}")
        current = resolved.get(pick)
        resolve_record = ("resolution", detail.id, *pick)
        resolve_seen = versions.seen(resolve_record, current.version if current else None)
        with st.form("resolve"):
            if current is not None:
                st.warning(tm("A resolution is recorded already: {text} Saving replaces it (the "
                              "one replaced stays in the audit log).", text=current.resolution),
                           icon=":material/edit_note:")
            text = st.text_area(t("How it was resolved (e.g. the supplier's explanation and "
                                  "the decision)"), key=f"resolve_text_{form_round('resolve')}")
            label = t("Replace the resolution") if current else t("Record the resolution")
            if st.form_submit_button(label):
                with guarded(), settling(resolve_record):
                    moderation.resolve_flag(db, who, detail.id, pick[0], pick[1], text,
                                            expected_version=resolve_seen)
                    next_round("resolve")
                    flash(t("Resolution replaced.") if current else t("Resolution recorded."))
                    st.rerun()
