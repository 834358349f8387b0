"""A running contract as OCDS contract and implementation releases (issue 15, "Outputs"):
the contract's terms, its KPIs as the metrics extension has them, its amendments with the
law's findings, payments from the award's buyer to its supplier, each month's measurement
rated; a release only when its part changed, each later than the ocid's last; and the
releases compile with the award's into one record (ocdsmerge)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import ocdsmerge

from procurement.pipeline import checks
from procurement.pipeline.awards import AwardNotice, Bidder, Winner, award_release
from procurement.pipeline.checks import PackageChecker
from procurement.pipeline.contract_stages import NewRelease, new_releases
from procurement.pipeline.contracts import (
    AgreedKpi,
    Amendment,
    ContractNotice,
    DatedMilestone,
    Observed,
    Payment,
    latest_by_procurement,
    reference_of,
)
from procurement.pipeline.releases import NoticeOptions, release_date

PREFIX = "ocds-213czf"
NOW = "2026-12-02T09:00:00Z"
AWARD = AwardNotice(
    "HC-2026-017", "Smart parking", "Harbourside", date(2026, 1, 20), 2,
    (Winner("north", "OpenKerb", "GB-COH-01234567", Decimal("900000"), "B-1"),),
    "CNY", buyer_id="CN-USCI-11440300MB2C123452",
    bidders=(Bidder("B-1", "OpenKerb", "GB-COH-01234567", True, True, Decimal("900000"),
                    "north"),),
    lots=(("north", "North district"),))
NOTICE = ContractNotice(
    reference="HC-2026-017", lot="north", award_id="HC-2026-017-north",
    title="Smart parking — north", buyer="Harbourside", supplier="OpenKerb", value=900000.0,
    start=date(2026, 2, 1), end=date(2028, 1, 31), currency="CNY",
    buyer_id="CN-USCI-11440300MB2C123452", supplier_id="GB-COH-01234567",
    kpis=(AgreedKpi(1, "Sensor uptime", 99.5, True, "%", "hourly pings"),
          AgreedKpi(2, "Fault repair time", 4, False, "h")),
    observations=(Observed(1, date(2026, 2, 1), 99.7, "good"),
                  Observed(2, date(2026, 2, 1), 4.6, "requires_improvement", 1.5),
                  Observed(1, date(2026, 3, 1), 99.1, "approaching_target")),
    amendments=(Amendment(1, date(2026, 6, 1), "Ten more streets", 95000.0,
                          ("the change is 10.6 % of the original value: not below the 10.0 % "
                           "a contract of this kind may change by (GPL art. 49)",)),),
    milestones=(DatedMilestone("start", date(2026, 2, 1)),
                DatedMilestone("exit_plan_due", date(2026, 8, 1), date(2026, 7, 15)),
                DatedMilestone("annual_review", date(2027, 1, 31), number=1),
                DatedMilestone("end", date(2028, 1, 31))),
    payments=(Payment(7, date(2026, 3, 5), 37500.0), Payment(8, date(2026, 4, 5), 37500.5)))


class Clock:
    """The procurement's next release date, as Publication._procurement_date gives it."""

    def __init__(self, latest: str = "") -> None:
        self.latest = latest

    def __call__(self, reference: str) -> str:
        self.latest = release_date(NOW, self.latest)
        return self.latest


def _publish(notice: ContractNotice, state: dict[str, tuple[str, int, str]],
             previous: dict[str, dict[str, Any]], clock: Clock, today: date = date(2026, 12, 2)
             ) -> list[NewRelease]:
    """One publication's contract releases, recorded into ``state`` as the state would."""
    made = list(new_releases(notice, PREFIX, today, state, previous, clock))
    for new in made:
        _hash, sequence, _date = state.get(new.key, ("", 0, ""))
        state[new.key] = (new.digest, sequence + 1, new.release["date"])
        if new.key.startswith("contract:"):
            previous[new.key] = new.release["contracts"][0]
    return made


def _first() -> tuple[list[NewRelease], dict[str, tuple[str, int, str]], dict[str, dict[str, Any]], Clock]:
    state: dict[str, tuple[str, int, str]] = {}
    previous: dict[str, dict[str, Any]] = {}
    clock = Clock()
    return _publish(NOTICE, state, previous, clock), state, previous, clock


def test_the_contract_release_states_the_terms_the_kpis_and_the_amendments():
    (contract, implementation), _state, _previous, _clock = _first()
    assert (contract.key, implementation.key) == ("contract:HC-2026-017:north",
                                                  "implementation:HC-2026-017:north")
    release = contract.release
    assert release["ocid"] == "ocds-213czf-HC-2026-017"
    assert release["id"] == "ocds-213czf-HC-2026-017-contract-north-01"
    assert release["tag"] == ["contract"]
    (part,) = release["contracts"]
    assert part["awardID"] == "HC-2026-017-north"
    assert part["status"] == "active"
    assert part["value"] == {"amount": 995000, "currency": "CNY"}  # with the modification
    assert part["period"] == {"startDate": "2026-02-01T00:00:00Z",
                              "endDate": "2028-01-31T23:59:59Z"}
    assert "dateSigned" not in part  # not known
    assert [(m["id"], m["type"], m["status"]) for m in part["milestones"]] == [
        ("start", "delivery", "scheduled"), ("exit_plan_due", "reporting", "met"),
        ("annual_review-1", "assessment", "scheduled"), ("end", "delivery", "scheduled")]
    assert part["milestones"][1]["dateMet"] == "2026-07-15T00:00:00Z"
    (amendment,) = part["amendments"]
    assert amendment["rationale"] == "Ten more streets"
    assert amendment["description"].startswith(
        "Value change: +95,000 CNY, to 995,000 CNY. The change is 10.6 % of the original")
    uptime = part["agreedMetrics"][0]
    assert uptime["id"] == "kpi-1" and uptime["title"] == "Sensor uptime"
    assert uptime["observations"] == [{
        "id": "kpi-1-target", "measure": 99.5, "unit": {"name": "%"},
        "period": {"startDate": "2026-02-01T00:00:00Z", "endDate": "2028-01-31T23:59:59Z"},
        "notes": "Higher is better."}]
    assert "implementation" not in part


def test_the_implementation_release_pays_the_award_s_supplier_and_rates_each_month():
    (_contract, implementation), *_ = _first()
    release = implementation.release
    assert release["tag"] == ["implementation"]
    award = award_release(AWARD, NoticeOptions(PREFIX), 1, NOW)
    supplier_id = award["awards"][0]["suppliers"][0]["id"]
    assert release["buyer"]["id"] == award["buyer"]["id"]
    done = release["contracts"][0]["implementation"]
    assert done["transactions"][1] == {
        "id": "8", "date": "2026-04-05T00:00:00Z",
        "value": {"amount": 37500.5, "currency": "CNY"},
        "payer": {"id": award["buyer"]["id"], "name": "Harbourside"},
        "payee": {"id": supplier_id, "name": "OpenKerb"}}
    roles = {p["id"]: p["roles"] for p in release["parties"]}
    assert "payer" in roles[award["buyer"]["id"]] and "payee" in roles[supplier_id]
    uptime, repair = done["metrics"]
    assert [o["id"] for o in uptime["observations"]] == ["kpi-1-2026-02", "kpi-1-2026-03"]
    assert uptime["observations"][1]["period"] == {"startDate": "2026-03-01T00:00:00Z",
                                                   "endDate": "2026-03-31T23:59:59Z"}
    assert repair["observations"][0]["measure"] == 4.6
    assert repair["observations"][0]["notes"] == (
        "Rating: Requires improvement. Service credit: 1.5 % of the month's charge.")


def test_both_releases_are_valid_ocds_with_the_metrics_extension():
    checker = PackageChecker()
    for new in _first()[0]:
        checker.release(new.release, new.key)
    assert checker.problems == []
    assert "agreedMetrics" in checks.release_schema()["definitions"]["Contract"]["properties"]


def test_nothing_new_is_released_when_nothing_changed():
    _made, state, previous, clock = _first()
    assert _publish(NOTICE, state, previous, clock) == []


def test_a_payment_or_a_measurement_makes_one_implementation_update_dated_later():
    _made, state, previous, clock = _first()
    first_dates = sorted(d for _h, _s, d in state.values())
    paid = replace(NOTICE, payments=(*NOTICE.payments, Payment(9, date(2026, 5, 5), 37500.0)))
    (new,) = _publish(paid, state, previous, clock)
    assert new.release["tag"] == ["implementationUpdate"]
    assert new.release["id"].endswith("-implementation-north-02")
    assert new.release["date"] > first_dates[-1]
    measured = replace(paid, observations=(*paid.observations,
                                           Observed(2, date(2026, 3, 1), 3.5, "good")))
    (again,) = _publish(measured, state, previous, clock)
    assert again.release["tag"] == ["implementationUpdate"] and again.release["date"] > \
        new.release["date"]


def test_an_amendment_is_a_contract_amendment_and_the_end_a_termination():
    _made, state, previous, clock = _first()
    amended = replace(NOTICE, amendments=(*NOTICE.amendments,
                                          Amendment(2, date(2026, 9, 1), "Less", -5000.0)))
    (new,) = _publish(amended, state, previous, clock)
    assert new.release["tag"] == ["contractAmendment"]
    assert new.release["contracts"][0]["value"]["amount"] == 990000
    (ended,) = _publish(amended, state, previous, clock, today=date(2028, 2, 1))
    assert ended.release["tag"] == ["contractTermination"]
    assert ended.release["contracts"][0]["status"] == "terminated"


def test_a_contract_without_progress_has_no_implementation_release():
    bare = replace(NOTICE, observations=(), payments=(),
                   milestones=(DatedMilestone("start", date(2026, 2, 1)),))
    (only,) = list(new_releases(bare, PREFIX, date(2026, 12, 2), {}, {}, Clock()))
    assert only.release["tag"] == ["contract"]


def test_the_state_keys_name_their_procurement():
    assert reference_of("contract:HC:2026:017:north") == "HC:2026:017"
    assert latest_by_procurement({
        "award:HC-1": ("a", 1, "2026-01-01T00:00:00Z"),
        "implementation:HC-1:": ("b", 2, "2026-03-01T00:00:00Z"),
        "HC-2027-001": ("c", 1, "2026-09-01T00:00:00Z")}) == {"HC-1": "2026-03-01T00:00:00Z"}


def _releases() -> Iterator[dict[str, Any]]:
    yield award_release(AWARD, NoticeOptions(PREFIX), 1, "2026-12-01T09:00:00Z")
    for new in _first()[0]:
        yield new.release


def test_the_releases_compile_to_one_record_of_the_contract_as_it_is():
    merger = ocdsmerge.Merger(checks.release_schema())
    record = merger.create_compiled_release(list(_releases()))
    (contract,) = record["contracts"]
    assert contract["awardID"] == record["awards"][0]["id"]
    assert contract["title"] == "Smart parking — north"
    assert len(contract["implementation"]["transactions"]) == 2
    assert [m["id"] for m in contract["agreedMetrics"]] == ["kpi-1", "kpi-2"]
    assert len(contract["implementation"]["metrics"][0]["observations"]) == 2
    assert contract["milestones"][1]["status"] == "met"
    parties = {p["id"]: p for p in record["parties"]}
    supplier = parties["GB-COH-01234567"]
    assert supplier["details"] == {"scale": "sme"}  # from the award release, kept
    assert set(supplier["roles"]) == {"supplier", "tenderer", "payee"}
    assert record["tag"] == ["compiled"]
