"""The read transaction each part of an export runs in."""

from __future__ import annotations

import contextlib

from sqlalchemy.orm import Session, sessionmaker

from app.journal.opening import Journal
from app.storage.transaction import transaction


def reading(journal: Journal) -> contextlib.AbstractContextManager[Session]:
    """A read-only session on the journal; storage failures come out as StorageError, as the
    stores' do (app/storage/transaction.py)."""
    return transaction(sessionmaker(journal.engine, expire_on_commit=False), write=False)
