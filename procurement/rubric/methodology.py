"""A rubric in one language, as plain data: what ``procure rubric show --json`` prints and
what the UI's rubric browser shows."""

from __future__ import annotations

from typing import Any

from procurement import formats
from procurement.i18n import N_, Lang, tr
from procurement.rubric.model import Criterion, Rubric


def methodology(rubric: Rubric, lang: Lang = "en") -> dict[str, Any]:
    """Return the rubric's published methodology in ``lang`` (weights normalised to sum 1)."""
    weights = rubric.weights()
    return {
        "id": rubric.id,
        "version": rubric.version,
        "title": rubric.title.get(lang),
        "description": rubric.description.get(lang),
        "weight_summary": weight_summary(rubric, lang),
        "profile": rubric.profile,
        "defaults": rubric.defaults.model_dump(),
        "groups": [{"id": g.id, "name": g.name.get(lang)} for g in rubric.groups],
        "criteria": [criterion_view(c, weights.get(c.id, 0.0), lang) for c in rubric.criteria],
    }


def criterion_view(criterion: Criterion, weight: float, lang: Lang) -> dict[str, Any]:
    scale = criterion.scale
    return {
        "id": criterion.id,
        "name": criterion.name.get(lang),
        "group": criterion.group,
        "kind": criterion.kind,
        "weight": weight,
        "description": criterion.description.get(lang) if criterion.description else None,
        "scale": None if scale is None else {
            "min": scale.min,
            "max": scale.max,
            "levels": [{"value": level.value, "label": level.label.get(lang),
                        "descriptor": level.descriptor.get(lang)} for level in scale.levels],
        },
        "threshold": criterion.threshold,
        "basis": criterion.basis,
        "evidence": [prompt.get(lang) for prompt in criterion.evidence],
        "sources": [{"document": s.document, "ref": s.ref} for s in criterion.sources],
    }


def weight_summary(rubric: Rubric, lang: Lang) -> str:
    """How the total is made up, from the weights themselves: the description's prose states
    no figure, so that an edited copy can never publish a stale one."""
    weights = rubric.weights()
    shares: dict[str, float] = {}
    for criterion in rubric.weighted:
        shares[criterion.group] = shares.get(criterion.group, 0.0) + weights[criterion.id]
    separator = "；" if lang == "zh" else "; "
    parts = [f"{rubric.group_name(group, lang)} {share * 100:.1f} %" for group, share in
             shares.items()]
    text = tr(N_("The total of 100 points is made up of: {parts}."), lang,
              parts=separator.join(parts))
    gates = [c.name.get(lang) for c in rubric.gates]
    if gates:
        text += " " + tr(N_("A bid must pass every pass/fail criterion to be ranked: {gates}."),
                         lang, gates=formats.series(gates, lang))
    return text
