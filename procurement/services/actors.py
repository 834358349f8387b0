"""Who is acting: a user with one role."""

from __future__ import annotations

from dataclasses import dataclass

from procurement.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    display_name: str
    role: Role
    # The command line's operator: whoever can open the database file reads every record
    # (but takes no decision: decisions are made as a named user with --as).
    operator: bool = False


OPERATOR = Actor(id=0, username="cli", display_name="command line", role=Role.OBSERVER,
                 operator=True)
