"""Find, read and validate rubric files, shipped or the user's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from procurement.errors import InputError, Problem, fail, pydantic_message
from procurement.i18n import N_
from procurement.paths import shipped_dir
from procurement.rubric import profiles
from procurement.rubric.model import Rubric
from procurement.yamlfile import read_mapping

DEFAULT_RUBRIC = "iso37106-smart"
_SUFFIXES = (".yaml", ".yml")

# Pydantic's own error types, phrased for a person editing a rubric file (the design loader
# reuses them).
PYDANTIC_MESSAGES = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field (not part of the rubric format)"),
    "greater_than_equal": N_("must be at least {ge}"),
    "greater_than": N_("must be greater than {gt}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "literal_error": N_("must be one of {expected}"),
    "enum": N_("must be one of {expected}"),
    "string_pattern_mismatch": N_("must use lowercase letters, digits and '_' only"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("must be at most {max_length} characters"),
    "too_short": N_("must have at least {min_length} entries"),
    "float_parsing": N_("must be a number"),
    "float_type": N_("must be a number"),
    "finite_number": N_("must be a finite number (not .inf or .nan)"),
    "string_type": N_("must be text"),
    "list_type": N_("must be a list"),
    "model_type": N_("must be a mapping of fields"),
    "dict_type": N_("must be a mapping of fields"),
}


@dataclass(frozen=True)
class RubricInfo:
    id: str
    version: str
    title_en: str
    title_zh: str
    profile: str | None
    path: Path


def shipped_rubric_paths() -> list[Path]:
    folder = shipped_dir("rubrics")
    return sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES)


def list_rubrics() -> list[RubricInfo]:
    """Return the shipped rubrics, the default first."""
    infos = []
    for path in shipped_rubric_paths():
        rubric = load_rubric(path)
        infos.append(RubricInfo(rubric.id, rubric.version, rubric.title.en, rubric.title.zh,
                                rubric.profile, path))
    return sorted(infos, key=lambda info: (info.id != DEFAULT_RUBRIC, info.id))


def resolve_rubric(ref: str | Path) -> Path:
    """Return the file of a shipped rubric id or of a user's rubric path."""
    path = Path(ref)
    if path.suffix in _SUFFIXES or path.exists() or len(path.parts) > 1:
        if not path.is_file():
            raise fail(str(ref), N_("no such rubric file"))
        return path
    shipped = {p.stem: p for p in shipped_rubric_paths()}
    if str(ref) not in shipped:
        raise fail(str(ref), N_("no such rubric; shipped rubrics are: {ids}"),
                   ids=", ".join(sorted(shipped)))
    return shipped[str(ref)]


def load_rubric(ref: str | Path = DEFAULT_RUBRIC) -> Rubric:
    """Load and validate a rubric by shipped id or by path."""
    path = resolve_rubric(ref)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(str(ref), N_("cannot read the file ({reason})"), reason=exc.strerror) from exc
    return parse_rubric(raw, str(ref))


def parse_rubric(raw: bytes, file: str) -> Rubric:
    """Validate rubric YAML ``raw`` read from ``file`` (named in error messages)."""
    data = read_mapping(raw, file)
    return rubric_from_data(data, file)


def rubric_from_data(data: dict[str, Any], file: str) -> Rubric:
    """Validate a rubric given as data (an edited copy, a frozen procurement's), naming
    ``file`` and the field in every problem, and check its profile's rules."""
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        raise InputError([_problem(file, data, err) for err in exc.errors()]) from exc
    findings = profiles.check_rubric(rubric)
    if findings:
        raise InputError([Problem(file, msgid, params=params) for msgid, params in findings])
    return rubric


def _problem(file: str, data: dict[str, Any], err: Any) -> Problem:
    msgid, params = pydantic_message(err, PYDANTIC_MESSAGES)
    return Problem(file, msgid, field=_field_path(data, err["loc"]) or None, params=params)


def _field_path(data: Any, loc: tuple[Any, ...]) -> str:
    """Name list items by their ``id`` where they have one: ``criteria.open_data.weight``."""
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            item = node[key]
            item_id = item.get("id") if isinstance(item, dict) else None
            parts.append(str(item_id) if isinstance(item_id, str) else f"[{key}]")
            node = item
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)
