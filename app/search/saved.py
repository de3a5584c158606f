"""Saved searches ("smart lists"): a name for a search's words and filters, kept in the journal.

What a saved search is, what its filters mean and how the list is read are in
app/search/saved_records.py (no ORM there, so the window can read the list at start).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from app.errors import JournalError
from app.search.full_text import SearchFilters
from app.search.saved_records import (
    MAX_NAME,
    MAX_QUERY,
    SavedSearch,
    filters_to_json,
    saved_search,
    saved_searches,
)
from app.storage.tables import SavedSearch as SavedSearchRow
from app.storage.transaction import reading_connection, require, transaction


class SavedSearchStore:
    """Saves, lists, renames and deletes saved searches (inside the encrypted journal)."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock or (lambda: datetime.now(UTC))

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        with reading_connection(self._engine) as conn:
            return saved_searches(conn)

    def save(self, name: str, query: str, filters: SearchFilters) -> SavedSearch:
        """Keep the search under `name`; refuses an empty search, name, or a name in use."""
        query = " ".join(query.split())
        if not query and filters.is_empty:
            raise JournalError("Type a word or choose a filter before saving a search.")
        if len(query) > MAX_QUERY:
            raise JournalError(f"A saved search can hold at most {MAX_QUERY} characters of words.")
        name = self._free_name(name)
        now = self._clock()
        row = SavedSearchRow(
            id=str(uuid.uuid4()),
            name=name,
            query=query,
            filters=json.dumps(filters_to_json(filters), sort_keys=True),
            created_at=now,
            updated_at=now,
        )
        with transaction(self._sessions) as session:
            session.add(row)
        return _record(row)

    def rename(self, search_id: str, name: str) -> SavedSearch:
        """Give a saved search another name (not one another saved search has)."""
        name = self._free_name(name, keep=search_id)
        with transaction(self._sessions) as session:
            row = require(session, SavedSearchRow, search_id, "saved search")
            if row.name != name:
                row.name = name
                row.updated_at = self._clock()
            return _record(row)

    def delete(self, search_id: str) -> None:
        """Forget a saved search (the entries and cycles it lists are untouched)."""
        with transaction(self._sessions) as session:
            session.delete(require(session, SavedSearchRow, search_id, "saved search"))

    def _free_name(self, name: str, keep: str | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise JournalError("A saved search needs a name.")
        if len(name) > MAX_NAME:
            raise JournalError(f"A saved search's name can be at most {MAX_NAME} characters.")
        taken = {s.name.casefold() for s in self.all() if s.id != keep}
        if name.casefold() in taken:
            raise JournalError(f"A saved search called {name} already exists. Choose another name.")
        return name


def _record(row: SavedSearchRow) -> SavedSearch:
    return saved_search(row.id, row.name, row.query, row.filters, row.created_at, row.updated_at)
