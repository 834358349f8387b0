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
from functools import cache

import numpy as np
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
_TILE = 64  # entries scored in one rapidfuzz call
_WORKERS = 2  # threads of one rapidfuzz call (it releases the GIL)


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


@cache
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
    found = [_opportunity([candidates[i] for i in ids], own)
             for ids, own in _components(reasons)]
    return sorted(found, key=lambda o: (candidates[o.entries[0]].expected_tender_date,
                                        o.entries))


def _text(entry: PipelineEntry) -> str:
    return comparable(f"{entry.title} {entry.description or ''}")


def _pairs(entries: list[PipelineEntry], months: int, cutoff: float,
           digits: int) -> list[Reason]:
    blocks: dict[str, list[PipelineEntry]] = defaultdict(list)
    for entry in entries:
        blocks[entry.cpv[:digits]].append(entry)  # type: ignore[index]
    found: list[Reason] = []
    for _prefix, block in sorted(blocks.items()):
        block.sort(key=lambda e: (e.expected_tender_date or date.min, e.id))
        found.extend(_block_pairs(block, relativedelta(months=months), cutoff))
    return found


def _block_pairs(block: list[PipelineEntry], window: relativedelta,
                 cutoff: float) -> list[Reason]:
    """The pairs of one block (sorted by date) whose dates and texts are close: the rows of
    a tile of entries are scored at once against every entry any of them may pair with."""
    days: list[date] = [e.expected_tender_date or date.min for e in block]
    stops = np.array([bisect_right(days, day + window) for day in days])
    texts = [_text(e) for e in block]
    buyers = [buyer_key(e) for e in block]
    found = []
    for first in range(0, len(block), _TILE):
        last = min(first + _TILE, len(block))
        stop = int(stops[last - 1])
        if stop <= first + 1:
            continue
        scores = process.cdist(texts[first:last], texts[first + 1:stop],
                               scorer=fuzz.token_set_ratio, score_cutoff=cutoff,
                               dtype="float32", workers=_WORKERS)
        rows, columns = scores.nonzero()
        i, j = rows + first, columns + first + 1
        keep = (j > i) & (j < stops[i])
        for a, b in zip(i[keep].tolist(), j[keep].tolist(), strict=True):
            if buyers[a] != buyers[b]:
                found.append(_reason(block[a], block[b], float(scores[a - first, b - first - 1])))
    return found


def _reason(first: PipelineEntry, second: PipelineEntry, score: float) -> Reason:
    level = cpv_level(first.cpv or "", second.cpv or "")
    assert level is not None  # the block shares at least the requested level
    return Reason((first.id, second.id), level[0], level[1],
                  (first.expected_tender_date, second.expected_tender_date),  # type: ignore[arg-type]
                  round(score, 1))


def _components(reasons: list[Reason]) -> list[tuple[list[str], list[Reason]]]:
    """The connected components of the pairs: their entry ids and their reasons."""
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
    groups: dict[str, tuple[list[str], list[Reason]]] = defaultdict(lambda: ([], []))
    for node in parent:
        groups[root(node)][0].append(node)
    for reason in reasons:
        groups[root(reason.entries[0])][1].append(reason)
    return list(groups.values())


def _opportunity(members: list[PipelineEntry], reasons: list[Reason]) -> Opportunity:
    members.sort(key=lambda e: (e.expected_tender_date, e.id))
    combined: dict[str, Decimal] = {}
    for entry in members:
        if entry.estimated_value is not None and entry.currency:
            combined[entry.currency] = combined.get(entry.currency, Decimal(0)) \
                + entry.estimated_value
    reasons.sort(key=lambda r: (r.tender_dates, r.entries))
    return Opportunity(opportunity_id(e.id for e in members), tuple(e.id for e in members),
                       tuple(dict.fromkeys(e.buyer for e in members)), combined,
                       tuple(reasons))
