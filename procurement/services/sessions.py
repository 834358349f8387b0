"""Sign-in sessions that survive a browser refresh and a link, and end at sign-out.

Signing in creates a session row and a one-time ticket. The browser exchanges the ticket
(``/_procure/session``, see :mod:`procurement.ui.server`) for a cookie that is HttpOnly
(no script on the page can read it), SameSite=Strict and, behind HTTPS, Secure. The cookie
holds the session id and an HMAC-SHA256 signature made with a secret the app instances on one
database share (``PROCUREMENT_SESSION_SECRET``, else one generated and kept in the
database), never the password. A new page load presents the cookie; the session is honoured
while it is signed, not expired (``PROCUREMENT_SESSION_HOURS``, 12 by default: a working day)
and not revoked, and while its user is active.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.users import actor_of
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import SessionRow, SettingRow

COOKIE = "procure_session"
SECRET_ENV = "PROCUREMENT_SESSION_SECRET"
HOURS_ENV = "PROCUREMENT_SESSION_HOURS"
DEFAULT_HOURS = 12
_SECRET_KEY = "session_secret"


@dataclass(frozen=True)
class Started:
    session_id: str
    ticket: str  # exchanged once, within minutes, for the cookie
    expires_at: datetime


def lifetime() -> timedelta:
    value = os.environ.get(HOURS_ENV, "")
    hours = float(value) if value.replace(".", "", 1).isdigit() and float(value) > 0 else \
        DEFAULT_HOURS
    return timedelta(hours=hours)


def start(db: Database, actor: Actor) -> Started:
    """A new session for a user who has just proved who they are."""
    session_id, ticket = secrets.token_hex(32), secrets.token_urlsafe(32)
    now = clock.now()
    expires = now + lifetime()
    with db.write() as session:
        session.add(SessionRow(id=session_id, user_id=actor.id, created_at=now,
                               expires_at=expires, ticket_hash=_digest(ticket)))
    return Started(session_id, ticket, expires)


def exchange(db: Database, ticket: str) -> tuple[str, int] | None:
    """The cookie value and its lifetime in seconds for a ticket not used before, or None."""
    now = clock.now()
    with db.write() as session:
        row = repo.session_by_ticket(session, _digest(ticket))
        if row is None or row.revoked_at is not None or row.expires_at <= now or \
                row.created_at < now - timedelta(minutes=10):
            return None
        row.ticket_hash = None
        seconds = int((row.expires_at - now).total_seconds())
        session_id = row.id
    return f"{session_id}.{_signature(db, session_id)}", seconds


def resume(db: Database, cookie: str | None) -> tuple[str, Actor] | None:
    """The session id and user of a valid cookie, or None."""
    session_id, _, signature = (cookie if isinstance(cookie, str) else "").partition(".")
    if not session_id or not hmac.compare_digest(signature, _signature(db, session_id)):
        return None
    with db.read() as session:
        row = session.get(SessionRow, session_id)
        if row is None or row.revoked_at is not None or row.expires_at <= clock.now():
            return None
        user = repo.user(session, row.user_id)
        if user is None or not user.active:
            return None
        return session_id, actor_of(user)


def still_valid(db: Database, session_id: str) -> bool:
    with db.read() as session:
        row = session.get(SessionRow, session_id)
        return row is not None and row.revoked_at is None and row.expires_at > clock.now()


def end(db: Database, session_id: str) -> None:
    """Revoke the session (sign-out): its cookie opens nothing from now on."""
    with db.write() as session:
        row = session.get(SessionRow, session_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at = clock.now()


def _digest(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def _signature(db: Database, session_id: str) -> str:
    return hmac.new(_secret(db), session_id.encode(), hashlib.sha256).hexdigest()


_SECRETS: dict[str, bytes] = {}  # database URL → secret, read once per process


def _secret(db: Database) -> bytes:
    configured = os.environ.get(SECRET_ENV)
    if configured:
        return configured.encode()
    if db.url not in _SECRETS:
        _SECRETS[db.url] = _stored_secret(db).encode()
    return _SECRETS[db.url]


def _stored_secret(db: Database) -> str:
    """The database's secret, made by whichever instance asks first."""
    with db.read() as session:
        row = session.get(SettingRow, _SECRET_KEY)
        if row is not None:
            return row.value
    try:
        with db.write() as session:
            row = session.get(SettingRow, _SECRET_KEY)
            if row is None:
                row = SettingRow(key=_SECRET_KEY, value=secrets.token_hex(32))
                session.add(row)
            return row.value
    except IntegrityError:  # another instance stored it between our read and our write
        with db.read() as session:
            stored = session.get(SettingRow, _SECRET_KEY)
            assert stored is not None
            return stored.value
