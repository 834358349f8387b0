"""Review a procurement design against ISO 37106 Table 3, row by row (6.6.3 b).

Each row is rated traditional, in transition or smart with its reason, and every row that is
not smart comes with the 6.6.3 recommendation that would move it. A row whose fields the
design leaves out is rated traditional, "the design does not say", so that a half-filled
design never looks smarter than it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from procurement.design.model import ProcurementDesign
from procurement.design.rules import LEVELS, RULES, Level
from procurement.design.table3 import Table3, load_table3
from procurement.i18n import N_, Lang, tr

LEVEL_NAMES: dict[Level, str] = {
    "traditional": N_("traditional"),
    "transition": N_("in transition"),
    "smart": N_("smart"),
}
NOT_STATED = N_("the design does not say ({fields})")


@dataclass(frozen=True)
class Rating:
    """One row of Table 3 rated for one design."""

    row: int
    level: Level
    reason: str
    params: dict[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    @property
    def stated(self) -> bool:
        return not self.missing

    def reason_text(self, lang: Lang) -> str:
        return tr(self.reason, lang, **self.params)


@dataclass(frozen=True)
class DesignReview:
    design: ProcurementDesign
    ratings: tuple[Rating, ...]

    def count(self, level: Level) -> int:
        return sum(1 for r in self.ratings if r.level == level)

    @property
    def not_stated(self) -> int:
        return sum(1 for r in self.ratings if not r.stated)


def rate(design: ProcurementDesign, row: int) -> Rating:
    """Rate ``design`` on Table 3 row ``row``."""
    rule = RULES[row]
    values = {name: getattr(design, name) for name in rule.fields}
    missing = tuple(name for name, value in values.items() if value is None)
    if missing:
        return Rating(row, "traditional", NOT_STATED, {"fields": ", ".join(missing)}, missing)
    optional = {name: getattr(design, name) for name in rule.optional}
    verdict = rule.function(*values.values(), *optional.values())
    return Rating(row, verdict.level, verdict.reason, dict(verdict.params))


def review(design: ProcurementDesign) -> DesignReview:
    """Rate ``design`` on every row of Table 3."""
    return DesignReview(design, tuple(rate(design, row) for row in sorted(RULES)))


def summary_text(counts: dict[str, int], lang: Lang) -> str:
    """The summary line, e.g. "11 of 16 rows smart"."""
    return tr(N_("{smart} of {total} rows smart"), lang, smart=counts["smart"],
              total=counts["total"])


def review_view(result: DesignReview, lang: Lang = "en",
                table: Table3 | None = None) -> dict[str, Any]:
    """The review in ``lang`` as plain data: what ``procure review --json`` prints."""
    table = table or load_table3()
    design = result.design
    counts: Counter[str] = Counter(r.level for r in result.ratings)
    summary: dict[str, Any] = {level: counts[level] for level in LEVELS}
    summary |= {"not_stated": result.not_stated, "total": len(result.ratings)}
    summary["text"] = summary_text(summary, lang)
    detail = (N_("{transition} in transition, {traditional} traditional, {not_stated} of them "
                 "because the design does not say") if result.not_stated
              else N_("{transition} in transition, {traditional} traditional"))
    summary["detail"] = tr(detail, lang, **summary)
    rows = []
    for rating in result.ratings:
        row, recommendation = table.row(rating.row), table.recommendation(rating.row)
        rows.append({
            "row": rating.row,
            "name": row.name.get(lang),
            "level": rating.level,
            "level_name": tr(LEVEL_NAMES[rating.level], lang),
            "stated": rating.stated,
            "reason": rating.reason_text(lang),
            "recommendation": recommendation.text.get(lang),
            "reference": recommendation.ref.get(lang),
            "traditional": row.traditional.get(lang),
            "smart": row.smart.get(lang),
        })
    return {
        "design": {"title": design.title, "reference": design.reference, "buyer": design.buyer},
        "source": "ISO 37106:2018, Table 3; 6.6.3",
        "rows": rows,
        "summary": summary,
    }
