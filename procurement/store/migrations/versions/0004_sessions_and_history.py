"""Sign-in sessions, a returned recommendation kept beside its note, versioned flag
resolutions, and audit entries hashed over the digests of their content.

- ``sessions``: one row per signed-in browser (a refresh or a link keeps the user signed in;
  sign-out revokes it); ``settings`` holds the secret that signs the session cookies, shared
  by every app instance on the database.
- ``decisions``: who returned a recommendation, when and why. Until now the reason replaced
  the recommendation's note; the note is recovered from the audit log's ``award.recommend``
  entries, which recorded it.
- ``flag_resolutions.version``: a resolution is replaced only by someone who saw the current
  one.
- ``audit_log.scheme``: entries written from now on (scheme 2) hash the SHA-256 digests of
  ``before`` and ``after`` rather than the texts, so that a log exported with some content
  withheld from its reader can still be verified. Existing entries keep scheme 1.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

"""

import json
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ticket_hash", sa.String(64), nullable=True),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.add_column("decisions", sa.Column("returned_by", sa.Integer(), nullable=True))
    op.add_column("decisions", sa.Column("returned_at", sa.DateTime(timezone=True),
                                         nullable=True))
    op.add_column("decisions", sa.Column("return_reason", sa.Text(), nullable=True))
    op.add_column("flag_resolutions", sa.Column("version", sa.Integer(), nullable=False,
                                                server_default="1"))
    op.add_column("audit_log", sa.Column("scheme", sa.Integer(), nullable=False,
                                         server_default="1"))
    _recover_returned_notes()


def _recover_returned_notes() -> None:
    """A returned decision's ``note`` holds the return reason: move it to ``return_reason``
    and put back the note recorded when the award was recommended."""
    connection = op.get_bind()
    returned = connection.execute(sa.text(
        "SELECT id, procurement_id, note FROM decisions WHERE outcome = 'returned' ORDER BY id"
    )).all()
    if not returned:
        return
    recommended: dict[int, list[str | None]] = defaultdict(list)
    for procurement_id, after in connection.execute(sa.text(
            "SELECT procurement_id, after FROM audit_log WHERE action = 'award.recommend' "
            "ORDER BY seq")):
        recommended[procurement_id].append(json.loads(after).get("note") if after else None)
    returns: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for procurement_id, at, actor in connection.execute(sa.text(
            "SELECT procurement_id, at, actor FROM audit_log WHERE action = 'award.return' "
            "ORDER BY seq")):
        returns[procurement_id].append((at, actor))
    decision_ids = connection.execute(sa.text(
        "SELECT id, procurement_id FROM decisions ORDER BY id")).all()
    position: dict[int, int] = {}
    count: dict[int, int] = defaultdict(int)
    for decision_id, procurement_id in decision_ids:
        position[decision_id] = count[procurement_id]
        count[procurement_id] += 1
    users: dict[str, int] = {name: user_id for name, user_id in connection.execute(
        sa.text("SELECT username, id FROM users"))}
    seen: dict[int, int] = defaultdict(int)
    for decision_id, procurement_id, reason in returned:
        index = position[decision_id]
        notes = recommended[procurement_id]
        note = notes[index] if index < len(notes) else None
        back = returns[procurement_id]
        at, actor = back[seen[procurement_id]] if seen[procurement_id] < len(back) else (None,
                                                                                          None)
        seen[procurement_id] += 1
        connection.execute(sa.text(
            "UPDATE decisions SET return_reason = :reason, note = :note, returned_at = :at, "
            "returned_by = :by WHERE id = :id"),
            {"reason": reason, "note": note, "at": at, "by": users.get(actor or ""),
             "id": decision_id})


def downgrade() -> None:
    op.drop_column("audit_log", "scheme")
    op.drop_column("flag_resolutions", "version")
    op.drop_column("decisions", "return_reason")
    op.drop_column("decisions", "returned_at")
    op.drop_column("decisions", "returned_by")
    op.drop_table("settings")
    op.drop_table("sessions")
