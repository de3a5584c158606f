"""Reads in plain SQL on the driver's connection: one consistent view, failures as StorageError.

The ORM's reads each run in one read transaction (app/storage/transaction.py); a read done
without the ORM does the same here, so the rows a list shows and the domains beside them come
from the same moment of the journal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Protocol

import sqlcipher3

from app.errors import StorageError
from app.storage.connection import explain


class Readable(Protocol):
    """What can lend a driver connection to read with (an open Journal)."""

    def reading(self) -> AbstractContextManager[sqlcipher3.Connection]: ...


@contextlib.contextmanager
def snapshot(conn: sqlcipher3.Connection) -> Iterator[sqlcipher3.Connection]:
    """`conn` in one read transaction for the block (its own, unless it is in one already).

    Database failures become StorageError worded as the ORM's stores word them.
    """
    try:
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlcipher3.Error as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc


@contextlib.contextmanager
def reading(journal: Readable) -> Iterator[sqlcipher3.Connection]:
    """A connection of `journal`'s in one read transaction (see `snapshot`)."""
    try:
        with journal.reading() as conn, snapshot(conn):
            yield conn
    except sqlcipher3.Error as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc
