"""Accounts: local users with argon2-hashed passwords, and sign-in by an identity provider
(OIDC issuer + subject) mapped to the same accounts."""

from __future__ import annotations

import re
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from procurement.domain.views import UserView
from procurement.i18n import N_
from procurement.services import clock
from procurement.services.actors import Actor
from procurement.services.errors import ConflictError, NotFound, PermissionDenied
from procurement.store import audit
from procurement.store import repository as repo
from procurement.store.db import Database
from procurement.store.rows import UserRow
from procurement.vocabulary import Role, codes

MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verifying against a fixed hash when the user does not exist takes as long as a real
    check, so response times do not tell which user names exist (made on first use: a hash
    costs 0.1 s, which a process that never checks a password should not pay)."""
    return _hasher.hash("not a real password")


SYSTEM = "system"  # the actor recorded for administration from the command line


def add_user(db: Database, username: str, display_name: str, role: str, *,
             password: str | None = None, email: str | None = None,
             oidc_issuer: str | None = None, oidc_subject: str | None = None) -> UserView:
    """Create an account (an administrator's act: recorded as ``system``)."""
    if not _USERNAME.match(username):
        raise PermissionDenied(N_("user names use 2–80 lowercase letters, digits, '.', '_' or '-'"))
    if role not in codes(Role):
        raise PermissionDenied(N_("unknown role {role}; use one of {roles}"), role=role,
                               roles=", ".join(codes(Role)))
    if password is not None and len(password) < MIN_PASSWORD:
        raise PermissionDenied(N_("a password needs at least {count} characters"),
                               count=MIN_PASSWORD)
    with db.write() as session:
        if repo.user_by_name(session, username) is not None:
            raise ConflictError(N_("user {username} exists already"), username=username)
        if email and repo.user_by_email(session, email) is not None:
            raise ConflictError(N_("another user has the e-mail address {email}"), email=email)
        row = UserRow(username=username, display_name=display_name.strip() or username,
                      email=email or None, role=role,
                      password_hash=_hasher.hash(password) if password else None,
                      oidc_issuer=oidc_issuer, oidc_subject=oidc_subject, active=True,
                      created_at=clock.now())
        session.add(row)
        session.flush()
        view = _view(row)
        audit.append(session, SYSTEM, "user.add", f"user:{username}",
                     after=view.model_dump())
    return view


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Return the actor for a correct user name and password; one message for any failure."""
    with db.write() as session:
        row = repo.user_by_name(session, username.strip().lower())
        try:
            _hasher.verify(row.password_hash if row and row.password_hash else _dummy_hash(),
                           password)
        except (VerificationError, InvalidHashError):
            row = None
        if row is None or not row.active or not row.password_hash:
            raise PermissionDenied(N_("wrong user name or password"))
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        return actor_of(row)


def identity_user(db: Database, issuer: str, subject: str, email: str | None) -> Actor:
    """The account of an identity-provider sign-in: matched by issuer and subject, or once,
    by e-mail address, after which the identity is linked to the account."""
    with db.write() as session:
        row = repo.user_by_identity(session, issuer, subject)
        if row is None and email:
            row = repo.user_by_email(session, email)
            if row is not None and row.oidc_subject is None:
                row.oidc_issuer, row.oidc_subject = issuer, subject
                audit.append(session, row.username, "user.link_identity", f"user:{row.username}",
                             after={"issuer": issuer, "subject": subject})
        if row is None or not row.active:
            raise PermissionDenied(N_("no account for this sign-in; ask an administrator"))
        return actor_of(row)


def get_actor(db: Database, username: str) -> Actor:
    with db.read() as session:
        row = repo.user_by_name(session, username)
        if row is None or not row.active:
            raise NotFound(N_("no user {username}"), username=username)
        return actor_of(row)


def list_users(db: Database) -> list[UserView]:
    with db.read() as session:
        return [_view(row) for row in repo.users(session)]


def actor_of(row: UserRow) -> Actor:
    return Actor(id=row.id, username=row.username, display_name=row.display_name,
                 role=Role(row.role))


def _view(row: UserRow) -> UserView:
    return UserView(username=row.username, display_name=row.display_name, role=Role(row.role),
                    email=row.email)
