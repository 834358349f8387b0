"""Opening a database the toolkit cannot use is one clear refusal (issue 12)."""

from __future__ import annotations

import os

import pytest

from procurement.errors import ProcurementError
from procurement.store.db import Database


def test_a_read_only_database_is_refused_in_words(tmp_path, monkeypatch):
    path = tmp_path / "city.sqlite"
    Database.open(path).dispose()
    # The tests run as root, whom no permission stops: the check is what is tested.
    monkeypatch.setattr(os, "access", lambda where, mode: mode != os.W_OK)
    with pytest.raises(ProcurementError, match="is read-only: the toolkit writes to it"):
        Database.open(path)


def test_a_new_database_is_still_created(tmp_path):
    db = Database.open(tmp_path / "new.sqlite")
    db.dispose()
    assert (tmp_path / "new.sqlite").stat().st_size > 0
