"""Sign-in sessions: a signed cookie that survives a refresh, expires, and ends at sign-out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from procurement.services import clock, sessions, users
from tests.integration import world


@pytest.fixture
def lead(db):
    return world.people(db)["lead"]


def _cookie(db, lead) -> str:
    exchanged = sessions.exchange(db, sessions.start(db, lead).ticket)
    assert exchanged is not None
    return exchanged[0]


def test_a_ticket_buys_one_cookie_which_resumes_the_session(db, lead):
    started = sessions.start(db, lead)
    exchanged = sessions.exchange(db, started.ticket)
    assert exchanged is not None
    cookie, seconds = exchanged
    assert 11 * 3600 < seconds <= 12 * 3600
    assert sessions.exchange(db, started.ticket) is None  # one use only
    resumed = sessions.resume(db, cookie)
    assert resumed is not None
    assert (resumed[0], resumed[1].username) == (started.session_id, "lead")
    assert world.PASSWORD not in cookie


@pytest.mark.parametrize("forge", ["signature", "session", "empty", "garbage"])
def test_a_forged_cookie_opens_nothing(db, lead, forge):
    cookie = _cookie(db, lead)
    session_id, _, signature = cookie.partition(".")
    forged = {"signature": f"{session_id}.{'0' * len(signature)}",
              "session": f"{'a' * len(session_id)}.{signature}", "empty": "",
              "garbage": "no dot here"}[forge]
    assert sessions.resume(db, forged) is None


def test_sign_out_revokes_the_cookie(db, lead):
    started = sessions.start(db, lead)
    exchanged = sessions.exchange(db, started.ticket)
    assert exchanged is not None
    cookie = exchanged[0]
    sessions.end(db, started.session_id)
    assert sessions.resume(db, cookie) is None
    assert not sessions.still_valid(db, started.session_id)


def test_a_session_expires(db, lead, monkeypatch):
    cookie = _cookie(db, lead)
    later = clock.now() + timedelta(hours=12, seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert sessions.resume(db, cookie) is None


def test_a_stale_ticket_is_refused(db, lead, monkeypatch):
    started = sessions.start(db, lead)
    later = clock.now() + timedelta(minutes=11)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert sessions.exchange(db, started.ticket) is None


def test_the_lifetime_is_a_setting(monkeypatch):
    monkeypatch.setenv(sessions.HOURS_ENV, "2")
    assert sessions.lifetime() == timedelta(hours=2)
    monkeypatch.setenv(sessions.HOURS_ENV, "nonsense")
    assert sessions.lifetime() == timedelta(hours=sessions.DEFAULT_HOURS)


def test_instances_share_the_secret_kept_in_the_database(db, lead, monkeypatch):
    cookie = _cookie(db, lead)
    sessions._SECRETS.clear()  # another process: it reads the same stored secret
    assert sessions.resume(db, cookie) is not None
    monkeypatch.setenv(sessions.SECRET_ENV, "a configured secret")
    assert sessions.resume(db, cookie) is None  # signed with another secret


def test_a_deactivated_user_is_signed_out(db, lead):
    from procurement.store.rows import UserRow

    cookie = _cookie(db, lead)
    with db.write() as session:
        session.get(UserRow, lead.id).active = False
    assert sessions.resume(db, cookie) is None
    assert users.list_users(db)
