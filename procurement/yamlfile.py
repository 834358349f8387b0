"""Reading a user's YAML file (a rubric, a procurement design, a pipeline entry) into a
mapping, with one clear message for each way it can be unreadable."""

from __future__ import annotations

from typing import Any

import yaml

from procurement.errors import fail
from procurement.i18n import N_


def read_mapping(raw: bytes, file: str) -> dict[str, Any]:
    """Parse ``raw`` as a YAML mapping, or raise an :class:`InputError` naming ``file``."""
    if b"\x00" in raw:
        raise fail(file, N_("this is a binary file, not a YAML file"))
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise fail(file, N_("the file is not UTF-8 text")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise fail(file, N_("line {line}: not valid YAML ({problem})"),
                   line=mark.line + 1 if mark is not None else "?", problem=problem) from exc
    if data is None:
        raise fail(file, N_("the file is empty"))
    if not isinstance(data, dict):
        raise fail(file, N_("the file must be a mapping of fields (key: value)"))
    return data
