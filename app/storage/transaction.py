"""One way to run a unit of work: a committed session (or, where the ORM is not needed, a
connection), storage failures as StorageError."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import sqlcipher3
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from app.errors import EntryNotFoundError, StorageError
from app.storage.engine import WRITES, explain, writing

if TYPE_CHECKING:  # the ORM loads with the stores that use it, not with this module
    from sqlalchemy.orm import Session, sessionmaker


@contextlib.contextmanager
def transaction(
    sessions: sessionmaker[Session],
    *,
    write: bool = True,
    failure: str = "The journal could not be saved or read: {reason}.",
) -> Iterator[Session]:
    """A session committed on success and rolled back on failure.

    A writing transaction (the default) starts as SQLite's writer, waiting its turn behind
    another program's write; `write=False` is for pure reads, which never wait.
    Database failures become StorageError with a plain-English reason; they are never swallowed.
    `failure` words that error for a use case that says more (an import says nothing was kept).
    """
    try:
        with sessions.begin() as session:
            if write:
                # Procuring the connection with the option is what makes BEGIN IMMEDIATE.
                session.connection(execution_options={WRITES: True})
            yield session
    except SQLAlchemyError as exc:
        raise StorageError(failure.format(reason=explain(exc))) from exc


@contextlib.contextmanager
def writing_connection(engine: Engine) -> Iterator[Connection]:
    """A connection whose transaction starts as SQLite's writer and is committed on success;
    failures as `transaction` reports them. For writes done in plain SQL, without the ORM,
    including those made on the driver's own connection inside it."""
    try:
        with writing(engine).begin() as conn:
            yield conn
    except (SQLAlchemyError, sqlcipher3.Error) as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc


@contextlib.contextmanager
def reading_connection(engine: Engine) -> Iterator[sqlcipher3.Connection]:
    """The driver's own connection, from the engine's pool, for reads written in plain SQL
    (shared with the window, which reads the same way before the engine exists); failures as
    `transaction` reports them."""
    try:
        with engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert isinstance(driver, sqlcipher3.Connection)
            yield driver
    except (SQLAlchemyError, sqlcipher3.Error) as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc


Row = TypeVar("Row")


def require(session: Session, model: type[Row], key: Any, what: str) -> Row:
    """The row with this key, or EntryNotFoundError saying "That {what} no longer exists."."""
    row = session.get(model, key)
    if row is None:
        raise EntryNotFoundError(f"That {what} no longer exists.")
    return row


def driver_of(session: Session) -> sqlcipher3.Connection:
    """The driver connection under `session`, in its transaction (flushed first), for a read
    written in plain SQL that the ORM's stores share with code that runs without the ORM."""
    session.flush()
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlcipher3.Connection)
    return driver
