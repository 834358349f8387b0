"""Read a design file (or a form's data) into a :class:`ProcurementDesign`, naming the file
and the field in every problem, as the rubric loader does."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from procurement.design.model import ProcurementDesign
from procurement.errors import InputError, Problem, fail, field_path, pydantic_message
from procurement.i18n import N_
from procurement.rubric.load import PYDANTIC_MESSAGES
from procurement.yamlfile import read_mapping

M = TypeVar("M", bound=BaseModel)

# The rubric loader's phrasing of pydantic's errors, with the types a design adds.
_MESSAGES = {
    **PYDANTIC_MESSAGES,
    "extra_forbidden": N_("unknown field (not part of the design format)"),
    "int_parsing": N_("must be a whole number"),
    "int_type": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "bool_parsing": N_("must be yes or no"),
    "bool_type": N_("must be yes or no"),
}


def load_design(path: str | Path) -> ProcurementDesign:
    """Load and validate the design file at ``path``."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise fail(file, N_("no such file")) from exc
    except OSError as exc:
        raise fail(file, N_("cannot read the file ({reason})"), reason=exc.strerror) from exc
    return parse_design(raw, file)


def parse_design(raw: bytes, file: str) -> ProcurementDesign:
    """Validate design YAML ``raw`` read from ``file`` (named in error messages)."""
    return validate(ProcurementDesign, read_mapping(raw, file), file)


def design_from_data(data: dict[str, Any], file: str) -> ProcurementDesign:
    """Validate a design given as data (a form's fields), naming ``file`` in problems."""
    return validate(ProcurementDesign, data, file)


def validate(model: type[M], data: dict[str, Any], file: str) -> M:
    """Validate ``data`` as ``model``; every error becomes a :class:`Problem` with its field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError([_problem(file, err) for err in exc.errors()]) from exc


def _problem(file: str, err: Any) -> Problem:
    msgid, params = pydantic_message(err, _MESSAGES)
    return Problem(file, msgid, field=field_path(err["loc"]) or None, params=params)
