"""A realistic bilingual demo city, built through the same services a team uses.

港湾市 Harbourside City procures a smart parking platform: five bids from SMEs and large
suppliers, a panel of four of whom one declares a conflict of interest, every score with a
rationale, a price envelope per bid, one moderation change and a resolved abnormally-low
flag. It stops at moderation, so that recommending, approving and awarding are left to try.
A second procurement is a draft, to show the methodology screens. A third, adaptive traffic
signals, was awarded a year ago: its documents and award notice are there to produce.
The city's pipeline holds the Transport Bureau's planned procurements and one of the Data
Office's, which overlaps one of them: a joint procurement opportunity to accept or dismiss.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from procurement.design import load_design
from procurement.domain.views import ContractView, ProcurementSummary
from procurement.paths import shipped_dir
from procurement.services import (
    award,
    benefits,
    bids,
    clock,
    contracts,
    design_reviews,
    integrity,
    lifecycle,
    moderation,
    panel,
    payments,
    performance,
    pipeline_store,
    procurements,
    reasons,
    scoring,
    users,
)
from procurement.services.actors import Actor
from procurement.store.db import Database

DEMO_PASSWORD = "harbourside-2026"
PARKING = "HC-2026-017"
PORTAL = "HC-2026-021"
SIGNALS = "HC-2025-009"
BUYER = "Harbourside City Transport Bureau · 港湾市交通运输局"
# 统一社会信用代码 of the city's bodies (机关: registration authority 1, category 1; Shenzhen's
# division code 440300), with their GB 32100-2015 check characters.
BUYER_ID = "CN-USCI-11440300MB2C123452"
DATA_OFFICE_ID = "CN-USCI-11440300MB2D54321K"


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    role: str


DEMO_USERS = (
    DemoUser("li.na", "Li Na 李娜", "lead"),
    DemoUser("li.wei", "Li Wei 李伟", "evaluator"),
    DemoUser("sarah.jones", "Sarah Jones", "evaluator"),
    DemoUser("chen.fang", "Chen Fang 陈芳", "evaluator"),
    DemoUser("wang.lei", "Wang Lei 王磊", "evaluator"),
    DemoUser("zhou.min", "Zhou Min 周敏", "approver"),
    DemoUser("audit.office", "Harbourside Audit Office 港湾市审计局", "observer"),
)


def build_demo(db: Database) -> list[ProcurementSummary]:
    """Create the demo in ``db`` unless it is there already; return the procurements."""
    existing = {p.reference for p in procurements.list_procurements(db)}
    if PARKING in existing:
        return procurements.list_procurements(db)
    known = {u.username for u in users.list_users(db)}
    for user in DEMO_USERS:
        if user.username not in known:
            users.add_user(db, user.username, user.name, user.role, password=DEMO_PASSWORD,
                           email=f"{user.username}@harbourside.example")
    actor = {u.username: users.get_actor(db, u.username) for u in DEMO_USERS}
    lead = actor["li.na"]
    folder = shipped_dir("examples") / "smart-parking"

    parking = procurements.create_procurement(
        db, lead, reference=PARKING, buyer_name=BUYER, buyer_id=BUYER_ID, jurisdiction="cn",
        title="Smart parking platform · 智慧停车平台",
        description=("Outcome-based smart parking service for 12,000 on-street bays: sensing, "
                     "open parking-availability data, payment and enforcement integration. "
                     "面向 1.2 万个路内泊位的成果导向型智慧停车服务。"),
        rubric="iso37106-smart", sme_deduction=0.10)
    for name in ("li.wei", "sarah.jones", "chen.fang", "wang.lei"):
        panel.assign_evaluator(db, lead, parking.id, name)
    procurements.update_contract_terms(db, lead, parking.id, currency="CNY")
    lifecycle.open_for_bids(db, lead, parking.id)
    bids.import_bids(db, lead, parking.id, folder / "bids.csv")
    lifecycle.start_quality_evaluation(db, lead, parking.id)
    for name in ("li.wei", "sarah.jones", "chen.fang"):
        panel.declare_interests(db, actor[name], parking.id, conflict=False)
    panel.declare_interests(db, actor["wang.lei"], parking.id, conflict=True,
                            reason="Former employee of Longmen Parking (SP-01), left in 2025 · "
                                   "曾任龙门泊车员工")
    with (folder / "panel.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            scoring.submit_score(db, actor[record["evaluator"]], parking.id, record["bid_id"],
                                 record["criterion"], float(record["score"]),
                                 record["rationale"] or "—")
    for name in ("li.wei", "sarah.jones", "chen.fang"):
        scoring.submit_scoresheet(db, actor[name], parking.id)
    lifecycle.close_quality_evaluation(db, lead, parking.id)
    lifecycle.start_moderation(db, lead, parking.id)
    moderation.set_consensus(
        db, lead, parking.id, "SP-02", "benefits_confidence", 2.0,
        "Panel agreed the 1,000-bay pilot evidences delivery but the consortium's lead partner "
        "is new to city-scale roll-out · 评标委员会一致认为试点可证明交付能力，但牵头方缺乏全市推广经验")
    moderation.resolve_flag(
        db, lead, parking.id, "SP-04", "abnormally_low",
        "Explanation requested on day 1 and received: reuse of an existing sensor network and "
        "volunteer enforcement; accepted as credible · 已要求说明并收到答复，判定可信")

    portal = procurements.create_procurement(
        db, lead, reference=PORTAL, buyer_name="Harbourside City Data Office · 港湾市数据局",
        buyer_id=DATA_OFFICE_ID, jurisdiction="cn",
        title="Open data portal modernisation · 开放数据门户升级",
        description="Replace the city's open data portal with an open-source, API-first service. "
                    "以开源、API 优先的服务替换城市开放数据门户。",
        rubric="iso37106-smart")
    panel.assign_evaluator(db, lead, portal.id, "sarah.jones")
    pipeline_store.import_entries(db, lead, shipped_dir("pipeline"))
    # A second buyer's pipeline in the same database, so that the City section's joint
    # procurement finder has an opportunity to show (HC-2027-002 with DO-2027-001).
    pipeline_store.import_entries(db, lead, shipped_dir("examples") / "pipeline-data-office")
    _awarded_signals(db, actor)
    _design_reviews(db, lead, parking.id)
    return procurements.list_procurements(db)


def _design_reviews(db: Database, lead: Actor, parking_id: int) -> None:
    """Three designs reviewed over two years, for the portfolio's Table 3 maturity: the
    traffic signals and the old-style CCTV in 2025, the smart parking platform in 2026."""
    folder = shipped_dir("examples") / "design"
    signals = next(p.id for p in procurements.list_procurements(db) if p.reference == SIGNALS)
    with clock.at(datetime(2025, 9, 1, 8, 45, tzinfo=UTC)):
        design_reviews.record(db, lead, load_design(folder / "traffic-signals.yaml"), signals)
    with clock.at(datetime(2025, 11, 20, 10, 0, tzinfo=UTC)):
        design_reviews.record(db, lead, load_design(folder / "legacy-cctv.yaml"))
    with clock.at(datetime(2026, 3, 2, 10, 0, tzinfo=UTC)):
        design_reviews.record(db, lead, load_design(folder / "smart-parking.yaml"), parking_id)


def _scores_from(db: Database, actor: dict[str, Actor], procurement_id: int,
                 path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            scoring.submit_score(db, actor[record["evaluator"]], procurement_id,
                                 record["bid_id"], record["criterion"], float(record["score"]),
                                 record["rationale"] or "—")


def _awarded_signals(db: Database, actor: dict[str, Actor]) -> None:
    """A procurement from a year ago, taken all the way to the award (recorded with the dates
    it happened on, after the others): its contract draft, assessment summaries and award
    notice can be produced at once."""
    lead, folder = actor["li.na"], shipped_dir("examples") / "traffic-signals"
    with clock.at(datetime(2025, 9, 1, 8, 30, tzinfo=UTC)):
        signals = procurements.create_procurement(
            db, lead, reference=SIGNALS, buyer_name=BUYER, buyer_id=BUYER_ID, jurisdiction="cn",
            title="Adaptive traffic signals as a service · 自适应交通信号服务",
            description=("Adaptive signal timing at 60 junctions, bought as an outcome: shorter "
                         "peak-hour delays and punctual buses, with the signal timings published "
                         "as open data. 以成果方式采购 60 个路口的自适应信号配时服务。"),
            rubric="iso37106-smart", sme_deduction=0.10, publish_bids=True)
        for name in ("li.wei", "chen.fang"):
            panel.assign_evaluator(db, lead, signals.id, name)
        procurements.update_contract_terms(
            db, lead, signals.id, currency="CNY", open_standards=["NTCIP 1202", "DATEX II"],
            kpis=[{"measure": "Average peak-hour delay at 60 junctions (s)", "baseline": "48",
                   "target": "36"},
                  {"measure": "Bus on-time arrival (%)", "baseline": "78", "target": "88"}])
        lifecycle.open_for_bids(db, lead, signals.id)
    with clock.at(datetime(2025, 9, 22, 9, 0, tzinfo=UTC)):
        bids.import_bids(db, lead, signals.id, folder / "bids.csv")
        lifecycle.start_quality_evaluation(db, lead, signals.id)
        for name in ("li.wei", "chen.fang"):
            panel.declare_interests(db, actor[name], signals.id, conflict=False)
        _scores_from(db, actor, signals.id, folder / "panel.csv")
        for name in ("li.wei", "chen.fang"):
            scoring.submit_scoresheet(db, actor[name], signals.id)
        lifecycle.close_quality_evaluation(db, lead, signals.id)
        lifecycle.start_moderation(db, lead, signals.id)
    with clock.at(datetime(2025, 10, 13, 9, 0, tzinfo=UTC)):  # a Monday
        award.recommend(db, lead, signals.id, note=(
            "TS-01 offers the lowest cost of ownership with exit, open signal-timing data and "
            "outcome KPIs the panel scored highest · TS-01 全生命周期成本最低，开放信号配时数据，"
            "成果指标得分最高"))
        # The reasons the letters give: the panel's agreed wording, in both languages.
        reasons.import_reasons(db, lead, signals.id, folder / "reasons.csv")
        approver = actor["zhou.min"]
        for flag in integrity.screen(db, approver, signals.id):  # the four-eyes check first
            integrity.note(db, approver, signals.id, flag.finding.code, flag.finding.subject,
                           "Checked against the bids and the market: no sign of collusion · "
                           "已对照投标与市场核查，未见串通迹象")
        award.approve(db, approver, signals.id)
    with clock.at(datetime(2025, 10, 27, 9, 0, tzinfo=UTC)):
        award.award(db, lead, signals.id)
    _running_contract(db, actor, signals.id)


def _running_contract(db: Database, actor: dict[str, Actor], procurement_id: int) -> None:
    """The signals contract a year on: its KPIs refined at mobilisation (service credits on
    junction delay only), twelve months measured — on target, approaching it, and one month
    short that owes a credit — the exit plan received, the data return tested, and four
    junctions added within the Government Procurement Law's 10 % (art. 49)."""
    lead, folder = actor["li.na"], shipped_dir("examples") / "traffic-signals"
    (signed,) = contracts.contracts_of(db, lead, procurement_id)
    with clock.at(datetime(2025, 10, 29, 9, 0, tzinfo=UTC)):
        contracts.refine_kpi(db, lead, signed.id, 1, {
            "method": "loop detectors at the 60 junctions, 07:00–09:00 and 17:00–19:00",
            "credit": {"percent_per_point": 1.0, "cap_percent": 5.0}},
            "Measurement method and service credits agreed at mobilisation",
            expected_version=1)
        for number in (2, 3):
            contracts.refine_kpi(db, lead, signed.id, number, {"credit": None},
                                 "No service credit: rated and reviewed only",
                                 expected_version=1)
    with clock.at(datetime(2026, 1, 20, 9, 0, tzinfo=UTC)):
        # The exit plan prices leaving within the bid's exit cost (the contract's cap).
        contracts.record_exit(db, actor["li.na"], signed.id, plan_received=clock.today(),
                              exit_cost_estimate=round((signed.exit_cost or 0) * 0.9, 2))
    with clock.at(datetime(2026, 6, 1, 9, 0, tzinfo=UTC)):
        contracts.modify(db, lead, signed.id, 498_000.0,
                         "Four junctions added on the new ring road · 新环路新增 4 个路口",
                         clock.today())
    with clock.at(datetime(2026, 9, 15, 9, 0, tzinfo=UTC)):
        contracts.record_exit(db, lead, signed.id, data_return_tested=clock.today(),
                              result="Full export of signal timings and detector data in 3 "
                                     "hours, DATEX II and CSV, validated by the city")
    with clock.at(datetime(2026, 11, 5, 9, 0, tzinfo=UTC)):
        performance.import_measurements(db, lead, signed.id, folder / "measurements.csv")
    with clock.at(datetime(2026, 10, 28, 14, 0, tzinfo=UTC)):
        contracts.record_review(db, lead, signed.id, clock.today(),
                                "Year 1: delay and open data on target, bus punctuality "
                                "approaching it; February's credit paid; exit plan and data "
                                "return tested · 第一年：延误与开放数据达标，公交准点率接近目标")
    _benefits_and_payments(db, lead, signed)


def _benefits_and_payments(db: Database, lead: Actor, signed: ContractView) -> None:
    """The business case the award was to realise, measured each quarter — journey times on
    plan, injuries behind it — and the charges paid monthly in arrears (the capital cost on
    acceptance of the installation)."""
    with clock.at(datetime(2025, 10, 30, 9, 0, tzinfo=UTC)):
        benefits.add_benefit(db, lead, signed.id, {
            "description": "Average peak-hour journey time on the signal corridors · "
                           "信号控制走廊高峰平均行程时间",
            "owner": "Head of Traffic Management · 交通管理处处长", "unit": "min",
            "baseline": 24.0, "target": 20.4, "due": "2027-04-30"})
        benefits.add_benefit(db, lead, signed.id, {
            "description": "Injury collisions at the 60 junctions, last 12 months · "
                           "60 个路口近 12 个月伤人事故数",
            "owner": "Road Safety Officer · 道路安全主管", "unit": "collisions",
            "baseline": 48.0, "target": 36.0, "due": "2027-10-31"})
    for day, journey, injuries in ((date(2026, 2, 1), 23.4, 47.0),
                                   (date(2026, 5, 1), 22.6, 46.0),
                                   (date(2026, 8, 1), 21.9, 45.0),
                                   (date(2026, 11, 1), 21.3, 44.0)):
        with clock.at(datetime.combine(day, datetime.min.time(), UTC).replace(hour=10)):
            benefits.measure_benefit(db, lead, signed.id, 1, day, journey,
                                     "Floating-car data, city traffic model · 浮动车数据")
            benefits.measure_benefit(db, lead, signed.id, 2, day, injuries,
                                     "Police collision records · 公安交通事故记录")
    term = relativedelta(signed.end_date + timedelta(days=1), signed.start_date)
    capital = round(signed.value - signed.period_charge * (term.years * 12 + term.months), 2)
    with clock.at(datetime(2026, 2, 13, 11, 0, tzinfo=UTC)):
        payments.record_payment(db, lead, signed.id, clock.today(), capital,
                                "Capital cost, on acceptance of the installation · "
                                "设备安装验收后支付建设费用")
    charge = round(signed.period_charge, 2)
    month = signed.start_date
    for _ in range(12):
        paid = month + relativedelta(months=1, days=14)  # invoiced in arrears, paid in 15 days
        with clock.at(datetime.combine(paid, datetime.min.time(), UTC).replace(hour=11)):
            payments.record_payment(db, lead, signed.id, paid, charge,
                                    f"Monthly charge {month:%Y-%m} · {month:%Y-%m} 月服务费")
        month += relativedelta(months=1)
