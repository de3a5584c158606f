"""One way to run a unit of work: a committed session, storage failures as StorageError."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StorageError
from app.storage.engine import explain


@contextlib.contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session committed on success and rolled back on failure.

    Database failures become StorageError with a plain-English reason; they are never swallowed.
    """
    try:
        with sessions.begin() as session:
            yield session
    except SQLAlchemyError as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc
