"""Home: my open tasks, and my procurements with what happens next in each."""

import streamlit as st

from procurement import labels
from procurement.services import procurements, tasks
from procurement.ui import context
from procurement.ui.context import t, tm
from procurement.ui.feedback import guarded
from procurement.ui.nav import PAGES
from procurement.ui.signin import require_actor
from procurement.ui.text import plain
from procurement.ui.widgets import status_text, step_text

who = require_actor()
db = context.database()
st.title(tm("Welcome, {name}", name=who.display_name))

# Where each task is done.
TASK_PAGES = {"open_tender": "procurement", "receive_bids": "bids", "close_quality": "procurement",
              "open_prices": "procurement", "moderate": "moderate", "approve": "award",
              "award": "award", "declare_interests": "score", "score": "score",
              "record_measurements": "contract", "exit_plan_overdue": "contract",
              "review_due": "contract", "exit_cost_above_bid": "contract"}

with guarded():
    st.subheader(t("My tasks"))
    todo = tasks.my_tasks(db, who)
    if not todo:
        st.caption(t("You have nothing to do at the moment."))
    for task in todo:
        if st.button(f"{plain(t(labels.TASKS[task.kind]))} — {plain(task.reference)} · "
                     f"{plain(task.title)}", key=f"task_{task.procurement_id}_{task.kind}",
                     icon=":material/arrow_forward:"):
            context.select_procurement(task.procurement_id)
            st.switch_page(PAGES[TASK_PAGES[task.kind]][0],
                           query_params={"procurement": task.reference})

    st.subheader(t("My procurements"))
    mine = procurements.list_procurements(db, who)
    if not mine:
        st.caption(t("You take part in no procurement yet."))
    else:
        hints = tasks.next_steps(db, who, [p.id for p in mine])
        st.dataframe([{t("Reference"): p.reference, t("Title"): p.title,
                       t("Buyer"): p.buyer_name, t("Status"): status_text(p.status),
                       t("No. of bids"): p.bid_count, t("Lead"): p.lead_name,
                       t("Next step"): step_text(hints[p.id])} for p in mine],
                     hide_index=True, width="stretch")
