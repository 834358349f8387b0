"""Jurisdictions: one module each (``cn``, ``uk``, ``eu``, ``generic``) behind the interface of
:mod:`procurement.jurisdictions.base`. Everything that differs by country is asked of the
jurisdiction found here; nothing else branches on a country's code."""

from __future__ import annotations

from datetime import date

from procurement.errors import OptionError
from procurement.i18n import N_
from procurement.jurisdictions.base import Jurisdiction, RubricRules, Timeline
from procurement.jurisdictions.cn import CN, ProcurementIntentions
from procurement.jurisdictions.eu import EU
from procurement.jurisdictions.generic import GENERIC
from procurement.jurisdictions.notices import NoticeRules
from procurement.jurisdictions.uk import UK, PipelineNotice
from procurement.vocabulary import Jurisdiction as Code
from procurement.vocabulary import NoticeProfile, RubricProfile

__all__ = ["ALL", "Jurisdiction", "Timeline", "get", "notice_rules", "of_notice_profile",
           "of_rubric_profile", "rubric_rules"]

ALL: dict[Code, Jurisdiction] = {j.code: j for j in (CN, UK, EU, GENERIC)}


def get(code: str | Code) -> Jurisdiction:
    """The jurisdiction of ``code``, or a one-line error naming the codes there are."""
    try:
        return ALL[Code(code)]
    except ValueError:
        raise OptionError("jurisdiction", N_("unknown jurisdiction {code}; use one of {choices}"),
                          code=code, choices=", ".join(c.value for c in Code)) from None


def of_rubric_profile(profile: RubricProfile) -> Jurisdiction:
    """The jurisdiction whose rules a rubric profile (``cn-goods``, ``uk-mat``) applies."""
    return next(j for j in ALL.values() if profile in j.defaults.rubric_profiles)


def rubric_rules(profile: RubricProfile) -> RubricRules:
    """What a rubric of ``profile`` must keep."""
    return of_rubric_profile(profile).defaults.rubric_profiles[profile]


def of_notice_profile(profile: NoticeProfile) -> Jurisdiction:
    """The jurisdiction whose pipeline notice a profile is (``ocds`` is no jurisdiction's)."""
    return next((j for j in ALL.values() if j.defaults.notice_profile == profile
                 and profile is not NoticeProfile.OCDS), GENERIC)


NOTICE_RULES: dict[NoticeProfile, type[NoticeRules]] = {
    NoticeProfile.OCDS: NoticeRules, NoticeProfile.UK1: PipelineNotice,
    NoticeProfile.CN: ProcurementIntentions}


def notice_rules(profile: NoticeProfile | str, today: date) -> NoticeRules:
    """The rules a pipeline published under ``profile`` follows, as of ``today``."""
    return NOTICE_RULES[NoticeProfile(profile)](today)
