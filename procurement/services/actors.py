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
    # The command line's operator: whoever can open the database file reads every record
    # (but takes no decision: decisions are made as a named user with --as).
    operator: bool = False


OPERATOR = Actor(id=0, username="cli", display_name="command line", role="observer",
                 operator=True)
