"""Local accounts with argon2 hashes, and identity-provider sign-in mapped to them."""

import pytest
from sqlalchemy import select

from procurement.services import users
from procurement.services.errors import ConflictError, PermissionDenied
from procurement.store.rows import UserRow


def test_add_and_authenticate(db):
    users.add_user(db, "li.na", "Li Na 李娜", "lead", password="a long password")
    actor = users.authenticate(db, "li.na", "a long password")
    assert (actor.username, actor.role, actor.display_name) == ("li.na", "lead", "Li Na 李娜")
    with db.read() as session:
        stored = session.scalar(select(UserRow.password_hash))
    assert stored is not None and stored.startswith("$argon2id$")
    assert "a long password" not in stored


@pytest.mark.parametrize(("username", "password"), [("li.na", "wrong password!"),
                                                    ("nobody", "a long password")])
def test_one_message_for_any_failed_sign_in(db, username, password):
    users.add_user(db, "li.na", "Li Na", "lead", password="a long password")
    with pytest.raises(PermissionDenied, match=r"^wrong user name or password$"):
        users.authenticate(db, username, password)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"username": "Bad Name"}, "user names use"),
    ({"role": "admin"}, "unknown role admin"),
    ({"password": "short"}, "at least 10 characters"),
])
def test_bad_accounts_are_refused(db, kwargs, message):
    values = {"username": "ok.name", "display_name": "x", "role": "lead",
              "password": "long enough password"} | kwargs
    with pytest.raises(PermissionDenied, match=message):
        users.add_user(db, values.pop("username"), values.pop("display_name"), values.pop("role"),
                       **values)


def test_duplicates_are_refused(db):
    users.add_user(db, "a.b", "A", "lead", password="long enough password", email="a@x.org")
    with pytest.raises(ConflictError, match="exists already"):
        users.add_user(db, "a.b", "A", "lead", password="long enough password")
    with pytest.raises(ConflictError, match="e-mail"):
        users.add_user(db, "c.d", "C", "lead", password="long enough password", email="A@x.org")


def test_identity_provider_sign_in_links_by_email_then_by_subject(db):
    users.add_user(db, "sarah", "Sarah", "evaluator", email="sarah@city.example")
    first = users.identity_user(db, "https://idp", "sub-1", "Sarah@city.example")
    again = users.identity_user(db, "https://idp", "sub-1", None)
    assert first == again and first.username == "sarah"
    with pytest.raises(PermissionDenied, match="no account"):
        users.identity_user(db, "https://idp", "sub-2", "stranger@city.example")
    # A user without a password cannot sign in with one.
    with pytest.raises(PermissionDenied):
        users.authenticate(db, "sarah", "")
