"""A contract's milestones, from its dates and the contract terms: the start, the exit plan's
due date (the exit clause's "within N months"), the first date the city may break the
contract (the term clause's "after N months"), an annual review on each anniversary, and the
end. Each carries the OCDS milestone type (codelist milestoneType) it is published as."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from procurement.vocabulary import Milestone

# OCDS 1.1.5 milestoneType: "delivery" (something delivered), "reporting" (a report due),
# "assessment" (a review or decision point).
OCDS_TYPE = {Milestone.START: "delivery", Milestone.EXIT_PLAN_DUE: "reporting",
             Milestone.BREAK: "assessment", Milestone.ANNUAL_REVIEW: "assessment",
             Milestone.END: "delivery"}


@dataclass(frozen=True)
class Dated:
    kind: Milestone
    due: date
    met: date | None = None  # when it was met (the exit plan received), if it was
    number: int = 0  # the review's year (1, 2, …), 0 for the others


def milestones(start: date, end: date, exit_plan_due: date, break_after_months: int,
               exit_plan_received: date | None = None, reviews: Sequence[date] = (),
               today: date | None = None) -> list[Dated]:
    """Every milestone of a contract running ``start`` to ``end`` (inclusive), in date
    order. A break after 0 months, or one past the end, is no break at all. The reviews held
    meet the annual reviews in order: the first held meets the first year's, and so on. By
    ``today`` the contract has started on its start date, and ended on its end date once
    past it."""
    held = sorted(reviews)
    started = start if today is not None and today >= start else None
    found = [Dated(Milestone.START, start, started),
             Dated(Milestone.EXIT_PLAN_DUE, exit_plan_due, exit_plan_received)]
    if break_after_months:
        breaks = start + relativedelta(months=break_after_months)
        if breaks <= end:
            found.append(Dated(Milestone.BREAK, breaks))
    year = 1
    while (review := start + relativedelta(years=year) - timedelta(days=1)) < end:
        met = held[year - 1] if year <= len(held) else None
        found.append(Dated(Milestone.ANNUAL_REVIEW, review, met, number=year))
        year += 1
    found.append(Dated(Milestone.END, end, end if today is not None and today > end else None))
    return sorted(found, key=lambda m: (m.due, list(Milestone).index(m.kind)))
