"""China: 中华人民共和国政府采购法 and its rules for goods and services tenders.

- 中标公告期限为1个工作日 (《政府采购货物和服务招标投标管理办法》（财政部令第87号）第六十九条);
  the 中标通知书 is sent when the result is published (same article).
- 质疑: within 7 working days of the day the supplier knew or should have known of the harm
  (《政府采购法》第五十二条), which for a result is the day its notice period ends
  (《政府采购质疑和投诉办法》（财政部令第94号）第十条).
- The contract is signed within 30 days of the day the 中标通知书 is sent (《政府采购法》第四十六条).
- Periods are counted as 《民法典》 counts them: the first day is not counted (第二百零一条), and
  a period whose last day is a rest day ends on the next working day (第二百零三条).
- Working days follow the State Council's holiday arrangement of each year (国务院办公厅关于
  部分节假日安排的通知), weekends made working days (调休补班) included, from the
  ``chinesecalendar`` package, or from the city's copy of a newer year's notice
  (:mod:`.cn_calendar`); a year neither has is refused, never guessed.
- 采购意向 at least 30 days before the procurement starts (财库〔2020〕10号).
- 综合评分法: price weight and the 小微企业 price deduction (财政部令第87号 第五十五条;
  财库〔2020〕46号 第九条), the rubric profiles ``cn-goods`` and ``cn-services``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from procurement.i18n import N_
from procurement.jurisdictions.base import (
    GENERIC_CONTRACT_DOCUMENTS,
    ContractDocuments,
    Deadline,
    Defaults,
    Jurisdiction,
    Letters,
    Limits,
    RubricRules,
    Rule,
    Signatory,
    Timeline,
    merged,
)
from procurement.jurisdictions.calendar import (
    SATURDAY,
    Calendar,
    Count,
    count_working_days,
    next_working_day,
)
from procurement.jurisdictions.cn_calendar import calendar
from procurement.jurisdictions.notices import Finding, NoticeRules, PlannedEntry
from procurement.vocabulary import Jurisdiction as Code
from procurement.vocabulary import NoticeProfile, RubricProfile

NOTICE_WORKING_DAYS = 1  # 87号令 第六十九条
CHALLENGE_WORKING_DAYS = 7  # 政府采购法 第五十二条
CONTRACT_DAYS = 30  # 政府采购法 第四十六条
INTENTION_DAYS = 30  # 财库〔2020〕10号

NOTICE = Rule(N_("the award notice stays published for 1 working day"),
              N_("Measures for Tendering of Government Procurement of Goods and Services "
                 "(MOF Order No. 87) art. 69"))
CHALLENGE = Rule(N_("suppliers may challenge the result within 7 working days of the day its "
                    "notice period ends"),
                 N_("Government Procurement Law art. 52; MOF Order No. 94 art. 10"))
CONTRACT = Rule(N_("the contract is signed within 30 days of the day the award letter is sent"),
                N_("Government Procurement Law art. 46; Civil Code arts. 201 and 203"))
INTENTION = Rule(N_("procurement intentions are published at least 30 days before the "
                    "procurement starts"), N_("Cai Ku [2020] No. 10"))


# 综合评分法: 87号令 第五十五条 sets the floor of the price weight (goods ≥ 30 %, services
# ≥ 10 %) and the 低价优先法 price score (lowest valid price / this price). The ceilings (goods
# ≤ 60 %, services ≤ 30 %) are the former 财政部令第18号 art. 52's, which many buyers still
# apply, so that a rubric cannot drift into a price-only award.
_SCORING = Rule(N_("comprehensive scoring: the price weight within its bounds and the lowest "
                   "valid price scoring full marks"), N_("MOF Order No. 87 art. 55"))
# 小微企业 price deduction in goods and services procurements not reserved for SMEs: 10–20 %
# of the price (财库〔2020〕46号 第九条, as raised by 财库〔2022〕19号).
SME_DEDUCTION = (0.10, 0.20, Rule(
    N_("small and micro enterprises' prices are deducted by 10–20 % in the evaluation"),
    N_("Cai Ku [2020] No. 46 art. 9; Cai Ku [2022] No. 19")))
GOODS = RubricRules(_SCORING, price_weight=(0.30, 0.60), price_formula="lowest_ratio")
SERVICES = RubricRules(_SCORING, price_weight=(0.10, 0.30), price_formula="lowest_ratio")


@dataclass(frozen=True)
class China(Jurisdiction):
    def calendar(self, region: str | None = None) -> Calendar:
        self.region(region)
        return calendar()

    def standstill(self, start: date, *, region: str | None = None,
                   electronic: bool = True, days: int | None = None) -> Timeline:
        cal = self.calendar(region)
        notice = count_working_days(cal, start + timedelta(days=1), NOTICE_WORKING_DAYS)
        challenge = count_working_days(cal, notice.end + timedelta(days=1),
                                       CHALLENGE_WORKING_DAYS)
        sign_by, unknown = _sign_by(cal, start + timedelta(days=CONTRACT_DAYS))
        skipped, worked, warnings = merged([notice, challenge, sign_by])
        warnings += unknown
        return Timeline(
            self.code, start, N_("award notice published and award letter sent"),
            (Deadline(N_("end of the award notice period"), notice.end, NOTICE),
             Deadline(N_("end of the challenge period"), challenge.end, CHALLENGE)),
            sign_from=challenge.end + timedelta(days=1),
            sign_by=Deadline(N_("last day to sign the contract"), sign_by.end, CONTRACT),
            skipped=skipped, worked=worked, warnings=warnings)


def _sign_by(cal: Calendar, last: date) -> tuple[Count, tuple[tuple[str, dict[str, Any]], ...]]:
    """The last day to sign: the 30th calendar day (Government Procurement Law art. 46), moved
    to the next working day when it is a rest day (Civil Code art. 203). Only the move needs
    the holiday arrangement: beyond the published years it is moved over weekends alone and
    said so, rather than refusing an approval whose periods are all known."""
    if cal.covers(last):
        return next_working_day(cal, last), ()
    end = last
    while end.weekday() >= SATURDAY:
        end += timedelta(days=1)
    return Count(end, (), ()), ((N_(
        "the holiday arrangement of {year} is not published yet: the last day to sign the "
        "contract ({date}) is moved over weekends only; check it once the State Council "
        "publishes the arrangement"), {"year": last.year, "date": end.isoformat()}),)


class ProcurementIntentions(NoticeRules):
    """采购意向公开 (财库〔2020〕10号): each intention states the budget (in 万元, so CNY) and the
    expected month, published at least 30 days before the procurement starts."""

    intentions = True

    def entry(self, entry: PlannedEntry) -> list[Finding]:
        for column in ("estimated_value", "expected_tender_date"):
            if getattr(entry, column) is None:
                return [Finding(column, N_(
                    "采购意向 states the budget and the expected procurement month"))]
        if not entry.description:  # the notice's 采购需求概况 column (财库〔2020〕10号 二)
            return [Finding("description", N_(
                "采购意向 states the 采购需求概况 (财库〔2020〕10号): give the entry a description"))]
        if entry.currency != "CNY":
            return [Finding("currency", N_(
                "采购意向 states budgets in 万元: the currency must be CNY"))]
        assert entry.expected_tender_date is not None
        warnings = []
        if not _CJK.search(entry.description):
            warnings.append(Finding("description", N_(
                "the 采购需求概况 has no Chinese text: suppliers read the 采购意向 in Chinese"),
                error=False))
        if entry.expected_tender_date < self.today + timedelta(days=INTENTION_DAYS):
            warnings.append(Finding("expected_tender_date", N_(
                "采购意向 should be public at least 30 days before the procurement starts: "
                "{date} is less than 30 days away"),
                {"date": entry.expected_tender_date.isoformat()}, error=False))
        return warnings


# CJK Unified Ideographs and Extension A: a summary with none of them has no Chinese text.
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


CN = China(
    code=Code.CN, name=N_("China (Government Procurement Law)"),
    law=Rule(N_("Government Procurement Law of the People's Republic of China and its "
                "Implementing Regulations"), N_("Government Procurement Law")),
    standstill_rule=CHALLENGE,
    defaults=Defaults(currency="CNY",
                      rubric_profiles={RubricProfile.CN_GOODS: GOODS, RubricProfile.CN_SERVICES: SERVICES},
                      notice_profile=NoticeProfile.CN, sme_deduction=SME_DEDUCTION,
                      evaluation=N_("comprehensive scoring method (MOF Order No. 87 art. 55)")),
    buyer_schemes=("CN-USCI",),
    data_protection_law=N_("the Personal Information Protection Law of the People's Republic of China"),
    signature=(Signatory(N_("{party} (seal)")),
               Signatory(N_("Legal representative or authorised representative (signature)")),
               Signatory(N_("Date"))),
    sign_parties=(N_("Party A (buyer)"), N_("Party B (supplier)")),
    party_names=(N_("Party A"), N_("Party B")),
    modifications=Limits(
        per_change=None, per_change_rule=None, total=0.10,
        total_rule=Rule(N_("all supplementary contracts together at most 10 % of the original "
                           "contract amount"), N_("Government Procurement Law art. 49"))),
    # 履约验收: the acceptance team's members sign the 验收书 (政府采购法 第四十一条); each
    # technical and service requirement's performance is recorded (财库〔2016〕205号).
    contract_documents=ContractDocuments(
        issued=("acceptance",),
        notice=GENERIC_CONTRACT_DOCUMENTS.notice,
        acceptance=Rule(N_("The acceptance team checked the performance of each technical and "
                           "service requirement of the contract due in the period against the "
                           "evidence recorded; its members sign this acceptance report."),
                        N_("Government Procurement Law art. 41; Cai Ku [2016] No. 205"))),
    letters=Letters(
        basis=Rule(N_("This letter tells you the result of the evaluation of your tender: your "
                      "score on each published evaluation factor and your rank."),
                   N_("MOF Order No. 87 art. 69")),
        challenge=Rule(N_("If you believe the procurement documents, process or result have "
                          "harmed your rights and interests, you may challenge them in writing "
                          "with {body} within 7 working days of the day you knew or should have "
                          "known of it, that is by {date}."),
                       N_("Government Procurement Law art. 52; MOF Order No. 94 art. 10"))),
)
