"""The short design-review report, as Markdown, in the reader's language."""

from __future__ import annotations

from typing import Any

from procurement import formats
from procurement.i18n import N_, Lang, tr

HEADERS = ("#", N_("Table 3 row"), N_("Rating"), N_("Reason"))


def headers(lang: Lang) -> list[str]:
    return [tr(h, lang) if h != "#" else h for h in HEADERS]


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def design_line(view: dict[str, Any], lang: Lang) -> str:
    """The design's title with its reference and buyer, when stated."""
    design = view["design"]
    extra = " · ".join(v for v in (design["reference"], design["buyer"]) if v)
    if not extra:
        return str(design["title"])
    return f"{design['title']}（{extra}）" if lang == "zh" else f"{design['title']} ({extra})"


def to_move(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Each 6.6.3 recommendation that would move a row that is not smart, once, with the
    rows it would move: ``{"reference", "recommendation", "rows": [{"row", "name"}]}``."""
    moves: dict[str, dict[str, Any]] = {}
    for row in view["rows"]:
        if row["level"] != "smart":
            move = moves.setdefault(row["reference"], {"reference": row["reference"],
                                                       "recommendation": row["recommendation"],
                                                       "rows": []})
            move["rows"].append({"row": row["row"], "name": row["name"]})
    return list(moves.values())


def row_list(rows: list[dict[str, Any]], lang: Lang) -> str:
    """`` (2 Budget for shared platforms, 6 Joint procurement)``, to follow a word."""
    names = formats.series((f"{r['row']} {r['name']}" for r in rows), lang)
    return f"（{names}）" if lang == "zh" else f" ({names})"


def markdown_report(view: dict[str, Any], lang: Lang) -> str:
    """The review of ``review_view`` as a Markdown document."""
    summary = view["summary"]
    stop, colon = ("。", "：") if lang == "zh" else (".", ": ")
    lines = [
        "# " + tr(N_("Design review: {design}"), lang, design=design_line(view, lang)), "",
        f"**{summary['text']}** — {summary['detail']}{stop}", "",
        tr(N_("Rated against ISO 37106:2018 Table 3 and the recommendations of 6.6.3. A row the "
              "design does not state is rated traditional."), lang), "",
        "| " + " | ".join(headers(lang)) + " |",
        "|---:|---|---|---|",
    ]
    for row in view["rows"]:
        lines.append(f"| {row['row']} | {_cell(row['name'])} | {_cell(row['level_name'])} | "
                     f"{_cell(row['reason'])} |")
    lines += ["", "## " + tr(N_("What would move the other rows"), lang), ""]
    moving = to_move(view)
    if not moving:
        lines.append(tr(N_("Every row is smart."), lang))
    for move in moving:
        lines.append(f"- **{move['reference']}**{row_list(move['rows'], lang)}{colon}"
                     f"{move['recommendation']}")
    return "\n".join(lines) + "\n"
