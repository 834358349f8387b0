"""Bilingual user-facing text: gettext catalogs with English msgids and a zh-CN translation.

Every message a user can read is written in English in the code, marked with ``N_`` (for
extraction) and rendered with :func:`tr` in the language of the person reading it. Rendering
is per call, never a process-wide switch, because one Streamlit server serves users in both
languages at once.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "en"

LOCALE_DIR = Path(__file__).parent / "locale"
_DOMAIN = "procurement"
_GETTEXT_LOCALE = {"zh": "zh_CN"}


def N_(msgid: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it yet."""
    return msgid


@cache
def catalog(lang: Lang, domain: str = _DOMAIN) -> gettext.NullTranslations:
    """The ``domain`` catalog of ``lang`` (the messages of this program, unless another
    domain is named: the command-line help, Click's words)."""
    locale = _GETTEXT_LOCALE.get(lang)
    if locale is None:
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir=LOCALE_DIR, languages=[locale])


def check_lang(lang: str) -> Lang:
    """Return ``lang`` as a supported language code, or raise ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


class Term(str):
    """A parameter value that is itself a message id (a status name, a role): it is
    translated along with the message it fills."""

    __slots__ = ()


class Phrase:
    """A parameter that is itself a message with parameters (why an identifier is refused,
    inside the message naming the field): translated and filled with the message it is in."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, /, **params: Any) -> None:
        self.msgid, self.params = msgid, params

    def __str__(self) -> str:
        return tr(self.msgid, DEFAULT_LANG, **self.params)


def tr(msgid: str, lang: Lang = DEFAULT_LANG, /, **params: Any) -> str:
    """Translate ``msgid`` into ``lang`` and fill its ``{named}`` placeholders."""
    messages = catalog(lang)
    text = messages.gettext(msgid)
    if not params:
        return text
    return text.format(**{k: messages.gettext(v) if isinstance(v, Term) else
                          tr(v.msgid, lang, **v.params) if isinstance(v, Phrase) else v
                          for k, v in params.items()})


def language_names() -> dict[str, str]:
    """Each language in its own words, for a language switch."""
    names: dict[str, str] = {"en": "English", "zh": "中文"}
    return {code: names[code] for code in LANGS}
