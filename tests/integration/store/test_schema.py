"""The row classes and the migrations describe the same schema: Alembic's comparison of the
migrated database with the metadata its environment sees finds nothing to do. It runs in a
fresh interpreter, so that a row module only this test process happened to import cannot hide
one the migrations' environment leaves out of the metadata."""

from __future__ import annotations

import subprocess
import sys

_CHECK = """
import sys
from alembic import command
from alembic.config import Config
from procurement.store.db import _MIGRATIONS, Database

database = Database(sys.argv[1])
config = Config()
config.set_main_option("script_location", str(_MIGRATIONS))
with database.engine.connect() as connection:
    config.attributes["connection"] = connection
    command.check(config)  # raises when the metadata and the migrated schema differ
database.dispose()
"""


def test_the_rows_match_the_migrated_schema(db_url):
    done = subprocess.run([sys.executable, "-c", _CHECK, db_url], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "No new upgrade operations detected" in done.stdout + done.stderr
