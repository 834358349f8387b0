"""Who is acting: a user with one role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from procurement.i18n import N_

Role = Literal["lead", "evaluator", "approver", "observer"]
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_NAMES = {
    "lead": N_("procurement lead"),
    "evaluator": N_("evaluator"),
    "approver": N_("approver"),
    "observer": N_("observer"),
}


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    display_name: str
    role: Role
