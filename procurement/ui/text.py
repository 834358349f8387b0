"""What users and bidders typed, shown as text on every page, never as markup.

Streamlit renders Markdown (and its own directives: ``:red[…]``, ``:material/…:``, ``$…$``)
in ``st.markdown``, captions, alerts, and the labels of buttons, expanders and tabs. A
supplier named ``![x](http://tracker/pixel)`` would make every viewer's browser fetch that
address, a description starting with ``# `` would become a page heading. So a value that
did not come from this program is escaped before it meets Markdown: every ASCII punctuation
character gets a backslash (CommonMark shows it literally), line starts lose the indentation
that would make a code block, and line breaks stay line breaks. Streamlit also turns bare web
and e-mail addresses into links after the escapes are read (GitHub's "autolink literals"),
so an invisible word joiner (U+2060) goes where such an address would be recognised:
``http⁠://``, ``www⁠.``, ``name⁠@host`` look the same and link nowhere.

Our own texts (message templates with ``**bold**``, status icons) are :class:`Md` values:
the one way to say "this is markup we wrote".
"""

from __future__ import annotations

import re
import string
from typing import Any

from procurement.i18n import Lang, Term, tr

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=ftp)(?=:)|(?<=mailto)(?=:)"
                       r"|(?<=xmpp)(?=:)|(?<=www)(?=\.)|(?=@)")
JOINER = "\u2060"
_LEADING_SPACE = re.compile(r"^[ \t]+", re.MULTILINE)


class Md(str):
    """Markdown written by this program (never by a user): passed through unescaped."""

    __slots__ = ()


def plain(value: object) -> str:
    """``value`` as Markdown that shows exactly its text (an :class:`Md` stays as it is)."""
    if isinstance(value, Md):
        return value
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _AUTOLINK.sub(JOINER, text)
    text = _PUNCTUATION.sub(r"\\\1", text)
    # Four leading spaces would start a code block; no-break spaces (as entities, which the
    # renderer does not trim from a line's start) keep the indent visible.
    text = _LEADING_SPACE.sub(lambda m: "&nbsp;" * len(m.group(0).expandtabs(4)), text)
    return text.replace("\n", "  \n")


def md(msgid: str, lang: Lang, /, **params: Any) -> Md:
    """The message ``msgid`` in ``lang`` as Markdown, every parameter shown as plain text
    (numbers and :class:`Md` parameters as they are)."""
    safe = {key: value if isinstance(value, int | float | Md)
            else plain(tr(value, lang) if isinstance(value, Term) else value)
            for key, value in params.items()}
    return Md(tr(msgid, lang, **safe))


def join(*parts: object, separator: str = " · ") -> Md:
    """Parts joined into one line of Markdown, each user part escaped."""
    return Md(separator.join(plain(part) for part in parts))
