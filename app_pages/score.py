"""Score (evaluator): declare conflicts of interest first; then score each bid on each of
your criteria, choosing among the rubric's level descriptors, with the evidence prompts
beside them and a rationale for every score."""

from functools import partial

import streamlit as st

from procurement.rubric import Level
from procurement.services import bids, panel, procurements, scoring
from procurement.services.errors import ConflictError
from procurement.ui import context, versions
from procurement.ui.context import lang, t, tm
from procurement.ui.feedback import flash, guarded
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import choose, pick_procurement, widget_key
from procurement.vocabulary import Status


def _level_text(levels: dict[float, Level], value: float) -> str:
    return plain(f"{value:g} · {levels[value].label.get(lang())} — "
                 f"{levels[value].descriptor.get(lang())}")


who = require_actor()
db = context.database()
st.title(t("Score"))

summary = pick_procurement(who, statuses=(Status.OPEN, Status.QUALITY_EVALUATION, Status.PRICE_OPENING,
                                          Status.MODERATION, Status.AWARD_RECOMMENDED, Status.STANDSTILL,
                                          Status.AWARDED))
if summary is None:
    st.stop()
with guarded():
    detail = procurements.get_procurement(db, who, summary.id)
    seat = next((m for m in detail.panel if m.username == who.username), None)
    if seat is None:
        st.error(t("You are not on this procurement's evaluation panel."), icon=":material/block:")
        st.stop()
    if seat.coi == "pending":
        st.subheader(t("Declare your conflicts of interest"))
        st.markdown(t("Before you see any bid, declare any personal, professional or financial "
                      "interest in a bidder (UK Procurement Act 2023 s.81; 回避制度)."))
        with st.form("declare"):
            choice = st.radio(t("Declaration"), ["none", "conflict"], format_func=lambda c: t(
                "I have no conflict of interest") if c == "none" else t(
                "I have a conflict of interest"), key=widget_key("coi_choice"))
            reason = st.text_area(t("If you have a conflict, describe it"), key="coi_reason")
            if st.form_submit_button(t("Declare"), type="primary"):
                with guarded():
                    panel.declare_interests(db, who, detail.id, conflict=choice == "conflict",
                                            reason=reason)
                    flash(t("Declaration recorded."))
                    st.rerun()
        st.stop()
    if seat.coi == "conflict":
        st.info(t("You declared a conflict of interest and are not part of this evaluation."),
                icon=":material/info:")
        st.stop()
    if detail.status == Status.OPEN:
        st.info(t("The bids are not open for evaluation yet."), icon=":material/hourglass_top:")
        st.stop()

    rubric = detail.rubric
    criteria = [rubric.criterion(c) for c in seat.criteria]
    received = bids.list_bids(db, who, detail.id)
    mine = {(s.bid_ref, s.criterion): s for s in scoring.my_scores(db, who, detail.id)}
    total = len(received) * len(criteria)
    st.progress(len(mine) / total if total else 1.0,
                text=t("{done} of {total} scores saved", done=len(mine), total=total))
    done_bids = {b.bid_ref for b in received
                 if all((b.bid_ref, c.id) in mine for c in criteria)}
    locked = seat.submitted_at is not None or detail.status != Status.QUALITY_EVALUATION
    if locked:
        st.info(t("Your scoresheet is submitted; it can no longer change."),
                icon=":material/lock:")

    bid_ref = choose(t("Bid"), [b.bid_ref for b in received], key="score_bid",
                     format_func=lambda r: ("✓ " if r in done_bids else "○ ") + r + " · " +
                     next(b.supplier_name for b in received if b.bid_ref == r))
    bid = next(b for b in received if b.bid_ref == bid_ref)
    if bid.answers:
        named = {c.id: c.name.get(lang()) for c in rubric.criteria}
        with st.expander(t("The bidder's answers")):
            for criterion_id, answer in bid.answers.items():
                st.markdown(f"**{plain(named.get(criterion_id, criterion_id))}** — {plain(answer)}")

    with st.form(f"scores_{bid_ref}"):
        entries = {}
        for criterion in criteria:
            assert criterion.scale is not None
            st.markdown(f"#### {plain(criterion.name.get(lang()))}")
            if criterion.description:
                st.caption(plain(criterion.description.get(lang())))
            left, right = st.columns([3, 2])
            levels = {level.value: level for level in criterion.scale.levels}
            saved = mine.get((bid_ref, criterion.id))
            values = list(levels)
            with left:
                value = choose(
                    plain(t("Score for {criterion}", criterion=criterion.name.get(lang()))),
                    values, key=f"score_{bid_ref}_{criterion.id}", widget=st.radio,
                    default=saved.score if saved else None, index=None,
                    format_func=partial(_level_text, levels), disabled=locked)
            right.markdown(t("**Evidence to look for**"))
            right.markdown("\n".join(f"- {plain(p.get(lang()))}" for p in criterion.evidence))
            rationale = st.text_area(t("Rationale (required)"),
                                     value=saved.rationale if saved else "",
                                     key=f"rationale_{bid_ref}_{criterion.id}", disabled=locked)
            entries[criterion.id] = (value, rationale, saved, versions.seen(
                ("score", detail.id, bid_ref, criterion.id), saved.version if saved else None))
        save = st.form_submit_button(t("Save the scores for this bid"), type="primary",
                                     disabled=locked, icon=":material/save:")
    if save:
        saved_count = 0
        for criterion_id, (value, rationale, saved, seen_version) in entries.items():
            if value is None:
                continue
            if saved and saved.score == value and saved.rationale == rationale.strip():
                continue
            with guarded():
                try:
                    scoring.submit_score(db, who, detail.id, bid_ref, criterion_id, float(value),
                                         rationale, expected_version=seen_version)
                    saved_count += 1
                except ConflictError:
                    name = rubric.criterion(criterion_id).name.get(lang())
                    # The criterion's name comes from a rubric a user wrote: shown as text.
                    st.error(tm("{criterion}: this score was saved elsewhere while you filled in "
                               "the form (in another window or on another device). Your entry "
                               "is still in the form; reload the page to see the stored score, "
                               "then save again if yours should replace it.", criterion=name),
                             icon=":material/sync_problem:")
                finally:
                    versions.settled(("score", detail.id, bid_ref, criterion_id))
        if saved_count:
            flash(t("Saved {count} score(s).", count=saved_count))
            st.rerun()

    if not locked:
        complete = len(mine) == total
        if st.button(t("Submit my scoresheet"), disabled=not complete, icon=":material/send:",
                     help=None if complete else t("Score every bid on every criterion first")):
            with guarded():
                scoring.submit_scoresheet(db, who, detail.id)
                flash(t("Scoresheet submitted."))
                st.rerun()
