"""Organisation identifiers as the org-id register (org-id.guide) defines them: ``SCHEME-ID``
where SCHEME is a list code of the register (country code and list, e.g. ``GB-COH``,
``CN-USCI``) and ID the organisation's number on that list, checked where the list has a
format or a check character. An identifier in a scheme the register does not have, or one
that fails its scheme's check, is refused: it would be published as ``identifier.scheme``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from procurement.i18n import N_, Term

# 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet (no I, O, S, V, Z); the
# last is a check character, 31 minus the weighted sum of the others modulo 31.
_USCI_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCI_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def usci_check_character(first17: str) -> str:
    """The check character of a 统一社会信用代码 from its first 17 characters (GB 32100-2015
    §4.2: C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1) mod 31, 31 written as 0)."""
    total = sum(_USCI_ALPHABET.index(c) * w for c, w in zip(first17, _USCI_WEIGHTS, strict=True))
    return _USCI_ALPHABET[(31 - total % 31) % 31]


def _usci(value: str) -> bool:
    return (re.fullmatch(f"[{_USCI_ALPHABET}]{{18}}", value) is not None
            and usci_check_character(value[:17]) == value[17])


def _mod97(value: str) -> bool:
    """ISO 17442 (LEI): ISO 7064 MOD 97-10 over the characters read as base-36 digits."""
    return int("".join(str(int(c, 36)) for c in value)) % 97 == 1


def _belgian(value: str) -> bool:
    """Belgian enterprise number: 10 digits; the last two are 97 − (the first 8 mod 97)."""
    return 97 - int(value[:8]) % 97 == int(value[8:])


def _danish(value: str) -> bool:
    """CVR number: weights 2, 7, 6, 5, 4, 3, 2, 1; the weighted sum is a multiple of 11."""
    return sum(int(c) * w for c, w in zip(value, (2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


def _luhn(value: str) -> bool:
    """SIREN (France): the Luhn check over its nine digits."""
    total = 0
    for index, char in enumerate(reversed(value)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str  # message id
    pattern: str  # the identifier's form, a regular expression
    example: str
    check: Callable[[str], bool] | None = None

    def valid(self, identifier: str) -> bool:
        return re.fullmatch(self.pattern, identifier) is not None and (
            self.check is None or self.check(identifier))


REGISTER: dict[str, Scheme] = {s.code: s for s in (
    Scheme("CN-USCI", N_("Unified Social Credit Code (统一社会信用代码)"), f"[{_USCI_ALPHABET}]{{18}}",
           "11440300MB2C123452", _usci),
    Scheme("GB-COH", N_("Companies House"), r"[0-9]{8}|[A-Z]{2}[0-9]{6}", "01234567"),
    Scheme("GB-CHC", N_("Charity Commission for England and Wales"), r"[0-9]{6,7}", "1123456"),
    Scheme("GB-SC", N_("Scottish Charity Register"), r"SC[0-9]{6}", "SC012345"),
    Scheme("GB-LAE", N_("Local authorities of England"), r"[A-Z]{3,4}", "BIR"),
    Scheme("GB-LAS", N_("Local authorities of Scotland"), r"[A-Z]{3,4}", "EDH"),
    Scheme("GB-LANI", N_("Local authorities of Northern Ireland"), r"[A-Z]{3,4}", "BFS"),
    Scheme("GB-GOR", N_("UK government organisation register"), r"[A-Z]{1,3}[0-9]{1,5}", "D1234"),
    Scheme("XI-LEI", N_("Legal Entity Identifier"), r"[A-Z0-9]{18}[0-9]{2}",
           "5493001KJTIIGC8Y1R12", _mod97),
    Scheme("BE-BCE_KBO", N_("Belgian Crossroads Bank for Enterprises"), r"[01][0-9]{9}",
           "0403170701", _belgian),
    Scheme("DK-CVR", N_("Danish Central Business Register"), r"[0-9]{8}", "10403782", _danish),
    Scheme("FR-RCS", N_("French register of companies (SIREN)"), r"[0-9]{9}", "552100554",
           _luhn),
    Scheme("IE-CRO", N_("Irish Companies Registration Office"), r"[0-9]{1,6}", "104547"),
    Scheme("NL-KVK", N_("Dutch Chamber of Commerce"), r"[0-9]{8}", "33302047"),
)}
_SCHEMES_FIRST = sorted(REGISTER, key=len, reverse=True)  # GB-LANI before GB-LA…


class IdentifierProblem(ValueError):
    """Why an identifier is refused: a message id and its parameters."""

    def __init__(self, msgid: str, **params: object) -> None:
        self.msgid, self.params = msgid, params
        super().__init__(msgid.format(**params))


@lru_cache(maxsize=8192)  # a pipeline names the same few buyers a hundred thousand times
def split(identifier: str) -> tuple[Scheme, str]:
    """The scheme and the id of ``identifier``, or :class:`IdentifierProblem`."""
    for code in _SCHEMES_FIRST:
        if identifier.startswith(code + "-"):
            scheme, value = REGISTER[code], identifier[len(code) + 1:]
            if not scheme.valid(value):
                raise IdentifierProblem(N_(
                    "{id} is not a valid {scheme} identifier ({name}; for example {example})"),
                    id=value, scheme=code, name=Term(scheme.name),
                    example=f"{code}-{scheme.example}")
            return scheme, value
    prefix = "-".join(identifier.split("-")[:2])
    raise IdentifierProblem(N_(
        "{prefix} is not a scheme of the org-id register: write SCHEME-ID with a scheme such "
        "as {examples}"), prefix=prefix or identifier,
        examples=", ".join(("CN-USCI", "GB-COH", "GB-LAE", "XI-LEI")))


def check(identifier: str, allowed: tuple[str, ...] = ()) -> tuple[Scheme, str]:
    """Like :func:`split`, and, when ``allowed`` is given, the scheme must be one of them."""
    scheme, value = split(identifier)
    if allowed and scheme.code not in allowed:
        raise IdentifierProblem(N_("a buyer in this jurisdiction is identified in one of the "
                                   "schemes {schemes}, not {scheme}"),
                                schemes=", ".join(allowed), scheme=scheme.code)
    return scheme, value
