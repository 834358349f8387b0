"""Amounts and dates as people read them, in either language (Babel's CLDR data): thousands
separators, the currency's symbol and decimals, "1 December 2026" / "2026年12月1日"."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from procurement.i18n import Lang

_LOCALES: dict[Lang, str] = {"en": "en_GB", "zh": "zh_CN"}
NONE = "–"  # what a missing value is shown as, never "None" or "nan"


def money(value: float | None, currency: str | None, lang: Lang) -> str:
    """An amount with its currency (``¥1,234,567.50``, ``CN¥1,234,567.50``, ``£…``); without
    a currency, the number with two decimals."""
    from babel.numbers import format_currency, format_decimal

    if value is None or not math.isfinite(value):
        return NONE
    if currency:
        return str(format_currency(value, currency, locale=_LOCALES[lang]))
    return str(format_decimal(value, format="#,##0.00", locale=_LOCALES[lang]))


def number(value: float | None, lang: Lang, decimals: int = 2) -> str:
    """A number with thousands separators and a fixed number of decimals."""
    from babel.numbers import format_decimal

    if value is None or not math.isfinite(value):
        return NONE
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=_LOCALES[lang]))


def day(value: date | None, lang: Lang) -> str:
    """A date for people: "1 December 2026", "2026年12月1日"."""
    from babel.dates import format_date

    if value is None:
        return NONE
    return str(format_date(value, format="long", locale=_LOCALES[lang]))


def series(items: Iterable[str], lang: Lang) -> str:
    """Items named one after another in a sentence, without "and": "A, B, C" / "甲、乙、丙".
    Chinese separates them with the enumeration comma 、 (顿号), as GB/T 15834-2011
    *Use of punctuation marks* 4.5 prescribes; CLDR's list patterns (Babel's format_list)
    add "and" (和) or, in their unit style, no separator at all."""
    return ("、" if lang == "zh" else ", ").join(items)


def currency_symbol(currency: str | None, lang: Lang) -> str:
    from babel.numbers import get_currency_symbol

    return str(get_currency_symbol(currency, locale=_LOCALES[lang])) if currency else ""


def weekday_and_day(value: date, lang: Lang) -> str:
    """A date with its weekday: "Tuesday, 1 December 2026", "2026年12月1日星期二"."""
    from babel.dates import format_date

    return str(format_date(value, format="full", locale=_LOCALES[lang]))
