"""Joint procurement opportunities: planned procurements of different buyers whose needs
overlap — the same CPV group (or class), expected tender dates within a window and similar
titles and descriptions — grouped into connected components.

Pure functions over pipeline entries. Entries are blocked by CPV group and sorted by date
before any text is compared, so that only the pairs a window allows are scored (rapidfuzz).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from rapidfuzz import fuzz, process

from procurement.pipeline.entry import PipelineEntry

DEFAULT_WINDOW_MONTHS = 6
DEFAULT_MIN_SIMILARITY = 60.0
# The CPV hierarchy: how many leading digits each level shares (Regulation (EC) 213/2008).
LEVELS = {"division": 2, "group": 3, "class": 4}
# Han, kana and hangul: scripts written without spaces, compared character by character.
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")
_PUNCTUATION = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class Reason:
    """Why two entries were grouped: the CPV level they share, their dates, their texts."""

    entries: tuple[str, str]
    cpv_level: str
    cpv_prefix: str
    tender_dates: tuple[date, date]
    similarity: float


@dataclass(frozen=True)
class Opportunity:
    """Entries of several buyers that could be bought together."""

    id: str
    entries: tuple[str, ...]
    buyers: tuple[str, ...]
    combined_value: dict[str, Decimal]  # currency → the sum of the estimated values
    reasons: tuple[Reason, ...]


def opportunity_id(entry_ids: Iterable[str]) -> str:
    """Stable for a set of entries, whatever order they are listed in."""
    text = "\n".join(sorted(entry_ids))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def comparable(text: str) -> str:
    """Text ready for a token scorer: lower case, no punctuation, and each CJK character a
    token of its own (Chinese has no spaces between words)."""
    text = _PUNCTUATION.sub(" ", text.casefold())
    return " ".join(_CJK.sub(r" \1 ", text).split())


def similarity(first: str, second: str) -> float:
    """0–100: how alike two texts are, in either language (token set ratio, characters as
    the tokens of Chinese)."""
    return float(fuzz.token_set_ratio(comparable(first), comparable(second)))


def buyer_key(entry: PipelineEntry) -> str:
    return entry.buyer_id or " ".join(entry.buyer.casefold().split())


def cpv_level(first: str, second: str) -> tuple[str, str] | None:
    """The finest level of the CPV hierarchy two codes share (down to class), or None."""
    found = None
    for level, digits in LEVELS.items():
        if first[:digits] != second[:digits]:
            break
        found = (level, first[:digits])
    return found


def find(entries: Iterable[PipelineEntry], *, window_months: int = DEFAULT_WINDOW_MONTHS,
         min_similarity: float = DEFAULT_MIN_SIMILARITY,
         level: str = "group") -> list[Opportunity]:
    """The opportunities among ``entries``: pairs of different buyers sharing at least
    ``level`` of the CPV hierarchy, tender dates at most ``window_months`` apart and texts
    at least ``min_similarity`` alike, grouped into connected components, in the order of
    their earliest tender date (then ids)."""
    if window_months < 0:
        raise ValueError("window_months must not be negative")
    candidates = {e.id: e for e in entries if e.cpv and e.expected_tender_date
                  and e.status != "withdrawn" and not e.joint_buyers}
    reasons = _pairs(list(candidates.values()), window_months, min_similarity, LEVELS[level])
    found = [_opportunity([candidates[i] for i in component], reasons)
             for component in _components(reasons)]
    return sorted(found, key=lambda o: (candidates[o.entries[0]].expected_tender_date,
                                        o.entries))


def _text(entry: PipelineEntry) -> str:
    return comparable(f"{entry.title} {entry.description or ''}")


def _pairs(entries: list[PipelineEntry], months: int, cutoff: float,
           digits: int) -> list[Reason]:
    blocks: dict[str, list[PipelineEntry]] = defaultdict(list)
    for entry in entries:
        blocks[entry.cpv[:digits]].append(entry)  # type: ignore[index]
    window = relativedelta(months=months)
    found = []
    for _prefix, block in sorted(blocks.items()):
        days: list[date] = sorted(e.expected_tender_date or date.min for e in block)
        block.sort(key=lambda e: (e.expected_tender_date or date.min, e.id))
        texts = [_text(e) for e in block]
        for i, entry in enumerate(block):
            stop = bisect_right(days, days[i] + window)
            if stop <= i + 1:
                continue
            scores = process.cdist([texts[i]], texts[i + 1:stop], scorer=fuzz.token_set_ratio,
                                   score_cutoff=cutoff, dtype="float32")[0]
            for offset in scores.nonzero()[0]:
                other = block[i + 1 + int(offset)]
                if buyer_key(other) != buyer_key(entry):
                    found.append(_reason(entry, other, float(scores[offset])))
    return found


def _reason(first: PipelineEntry, second: PipelineEntry, score: float) -> Reason:
    level = cpv_level(first.cpv or "", second.cpv or "")
    assert level is not None  # the block shares at least the requested level
    return Reason((first.id, second.id), level[0], level[1],
                  (first.expected_tender_date, second.expected_tender_date),  # type: ignore[arg-type]
                  round(score, 1))


def _components(reasons: list[Reason]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for reason in reasons:
        first, second = (root(i) for i in reason.entries)
        if first != second:
            parent[max(first, second)] = min(first, second)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in parent:
        groups[root(node)].append(node)
    return list(groups.values())


def _opportunity(members: list[PipelineEntry], reasons: list[Reason]) -> Opportunity:
    members.sort(key=lambda e: (e.expected_tender_date, e.id))
    ids = {e.id for e in members}
    combined: dict[str, Decimal] = {}
    for entry in members:
        if entry.estimated_value is not None and entry.currency:
            combined[entry.currency] = combined.get(entry.currency, Decimal(0)) \
                + entry.estimated_value
    own = sorted((r for r in reasons if r.entries[0] in ids),
                 key=lambda r: (r.tender_dates, r.entries))
    return Opportunity(opportunity_id(ids), tuple(e.id for e in members),
                       tuple(dict.fromkeys(e.buyer for e in members)), combined, tuple(own))

