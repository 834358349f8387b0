"""Rubrics: the evaluation criteria, as validated data."""

from procurement.rubric.load import (
    DEFAULT_RUBRIC,
    RubricInfo,
    list_rubrics,
    load_rubric,
    parse_rubric,
    resolve_rubric,
    rubric_from_data,
)
from procurement.rubric.model import Criterion, Level, Rubric, Scale, Text

__all__ = [
    "DEFAULT_RUBRIC",
    "Criterion",
    "Level",
    "Rubric",
    "RubricInfo",
    "Scale",
    "Text",
    "list_rubrics",
    "load_rubric",
    "parse_rubric",
    "resolve_rubric",
    "rubric_from_data",
]
