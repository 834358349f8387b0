"""A rubric in one language, as plain data: what ``procure rubric show --json`` prints and
what the UI's rubric browser shows."""

from __future__ import annotations

from typing import Any

from procurement.i18n import Lang
from procurement.rubric.model import Criterion, Rubric


def rubric_view(rubric: Rubric, lang: Lang = "en") -> dict[str, Any]:
    """Return the rubric's published methodology in ``lang`` (weights normalised to sum 1)."""
    weights = rubric.weights()
    return {
        "id": rubric.id,
        "version": rubric.version,
        "title": rubric.title.get(lang),
        "description": rubric.description.get(lang),
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
