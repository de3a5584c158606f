"""Alembic environment: always handed an open connection by app.storage.schema."""

from __future__ import annotations

from alembic import context

from app.storage.tables import Base


def _include(obj: object, name: str | None, type_: str, *_: object) -> bool:
    """FTS5 keeps its own tables (search_index*); they are made by hand in migration 0003."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=_include,
)
with context.begin_transaction():
    context.run_migrations()
