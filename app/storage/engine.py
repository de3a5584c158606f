"""The SQLAlchemy engine over SQLCipher: pooled connections keyed by `connection.connect`.

A transaction that will write starts as SQLite's writer (BEGIN IMMEDIATE); see `writing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

# Re-exported: callers that already hold the engine module reach the plain driver through it.
from app.storage.connection import (
    BUSY_TIMEOUT_MS,
    connect,
    connect_read_only,
    derive_raw_key,
    explain,
    file_uri,
    rekey,
)
from app.storage.keys import JournalKey

__all__ = [
    "BUSY_TIMEOUT_MS",
    "WRITES",
    "connect",
    "connect_read_only",
    "derive_raw_key",
    "explain",
    "file_uri",
    "make_engine",
    "rekey",
    "writing",
]

WRITES = "inquiry_journal_writes"
"""The execution option that makes a connection's transaction start as SQLite's writer."""


def make_engine(
    path: Path, key: JournalKey, *, create: bool = False, checked: bool = False
) -> Engine:
    """A SQLAlchemy engine whose every pooled connection is keyed by `connect`.

    With `create` the file may be made by this first connection; the pool's connections
    never create it (so a file removed while the journal is open is not made again).
    `checked` says the caller has just opened the file with this key itself.
    """
    if not checked:
        # Check the key up front so a wrong key surfaces as WrongKeyError, not at first query.
        connect(path, key, create=create).close()
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect(path, key),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
    )
    _use_explicit_transactions(engine)
    return engine


def writing(engine: Engine) -> Engine:
    """The same engine, whose transactions start as the writer (BEGIN IMMEDIATE)."""
    return engine.execution_options(**{WRITES: True})


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy own BEGIN/COMMIT (the DB-API module's implicit handling is disabled).

    A transaction that will write starts with BEGIN IMMEDIATE: in WAL mode SQLite cannot wait
    to turn a reading transaction into a writing one (it fails at once with "database is
    locked", whatever the busy timeout), but it does wait, up to the busy timeout, to start
    as the writer. Pure reads keep a plain (deferred) BEGIN so readers never wait for anyone.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        writes = bool(conn.get_execution_options().get(WRITES, False))
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
