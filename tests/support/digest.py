"""Digests of what a journal holds (its rows, or its file), to prove something changed nothing."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from app.journal.opening import Journal


def content_digest(journal: Journal) -> str:
    """SHA-256 over every row of every table (full-text index included), in a stable order."""
    digest = hashlib.sha256()
    with journal.engine.connect() as conn:
        tables = conn.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).all()
        for table in tables:
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            digest.update(table.encode())
            for row in sorted(repr(tuple(row)) for row in rows):
                digest.update(row.encode())
    return digest.hexdigest()


def file_digest(journal: Journal) -> str:
    """Close the journal; SHA-256 of its database file, byte for byte."""
    journal.close()
    return hashlib.sha256(journal.db_file.read_bytes()).hexdigest()
