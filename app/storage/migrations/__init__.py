"""Alembic migration scripts for journal.db, run from code when a journal opens."""
