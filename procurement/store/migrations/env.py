"""Alembic environment: migrations run on a connection the toolkit opened (see db.py)."""

from alembic import context

# The row modules that register their tables in Base's metadata beside rows' own (the
# migrations never import them: this is Alembic's picture of the schema, for comparisons).
from procurement.store import contract_rows, pipeline_rows  # noqa: F401
from procurement.store.rows import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called from Database.upgrade
    raise RuntimeError("run migrations through procurement.store.db.Database.upgrade()")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
