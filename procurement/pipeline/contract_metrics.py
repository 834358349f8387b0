"""A contract's KPIs in the OCDS metrics extension (``ocds_metrics_extension``, v1.1): each
KPI is a ``Metric`` whose id is ``kpi-N``; the contract's ``agreedMetrics`` give its target
over the term as one observation (``measure`` and ``unit``, the better direction in its
``notes``), and ``implementation.metrics`` each period's measurement as one observation of
the month, with its rating (vocabulary.Rating) and any service credit owed in its ``notes``.
Not ``dimensions``: its keys are free (``patternProperties``), which the Data Review Tool
reports as additional fields. Observations have ids (``kpi-1-2026-03``), so a compiled
record merges them."""

from __future__ import annotations

import calendar
from typing import Any

from procurement.pipeline.contracts import AgreedKpi, ContractNotice, Observed
from procurement.pipeline.releases import end, start


def money(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _metric_id(number: int) -> str:
    return f"kpi-{number}"


def _unit(kpi: AgreedKpi) -> dict[str, Any]:
    return {"unit": {"name": kpi.unit}} if kpi.unit else {}


def agreed_metrics(notice: ContractNotice) -> list[dict[str, Any]]:
    """The contract's KPIs as the extension's ``agreedMetrics``."""
    return [_agreed(kpi, notice) for kpi in notice.kpis]


def _agreed(kpi: AgreedKpi, notice: ContractNotice) -> dict[str, Any]:
    """A KPI as an agreed metric: its target over the term, which way is better."""
    side = "at least" if kpi.higher_is_better else "at most"
    metric: dict[str, Any] = {"id": _metric_id(kpi.number), "title": kpi.measure}
    metric["description"] = (f"Target {side} {kpi.target:g}{' ' + kpi.unit if kpi.unit else ''}"
                             f", measured {kpi.frequency}."
                             + (f" Method: {kpi.method}." if kpi.method else ""))
    metric["observations"] = [{
        "id": f"{_metric_id(kpi.number)}-target", "measure": money(kpi.target), **_unit(kpi),
        "period": {"startDate": start(notice.start), "endDate": end(notice.end)},
        "notes": "Higher is better." if kpi.higher_is_better else "Lower is better."}]
    return metric


def observed_metrics(notice: ContractNotice) -> list[dict[str, Any]]:
    """Each KPI's measurements, by period, each with its rating (and its service credit)."""
    kpis = {k.number: k for k in notice.kpis}
    by_kpi: dict[int, list[Observed]] = {}
    for observed in notice.observations:
        by_kpi.setdefault(observed.kpi, []).append(observed)
    metrics = []
    for number in sorted(by_kpi):
        kpi = kpis.get(number)
        metric: dict[str, Any] = {"id": _metric_id(number)}
        if kpi is not None:
            metric["title"] = kpi.measure
        metric["observations"] = [_observation(o, kpi) for o in
                                  sorted(by_kpi[number], key=lambda o: o.period)]
        metrics.append(metric)
    return metrics


def _observation(observed: Observed, kpi: AgreedKpi | None) -> dict[str, Any]:
    day = observed.period
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    out: dict[str, Any] = {
        "id": f"{_metric_id(observed.kpi)}-{day.isoformat()[:7]}",
        "period": {"startDate": start(day), "endDate": end(last)},
        "measure": money(observed.value), **(_unit(kpi) if kpi else {}),
        "notes": f"Rating: {rating_words(observed.rating)}."}
    if observed.credit_percent:
        out["notes"] += (f" Service credit: {observed.credit_percent:g} % of the month's "
                         "charge.")
    return out


def rating_words(rating: str) -> str:
    """``approaching_target`` as the contract performance notice words it: "Approaching
    target" (Procurement Regulations 2024 reg. 39)."""
    return rating.replace("_", " ").capitalize()
