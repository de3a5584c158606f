"""Saved searches ("smart lists"): a name for a search's words and filters, kept in the journal.

The filters are stored as JSON in the shape `filters_to_json` writes (the export file uses the
same shape). A period such as "this quarter" is stored by name and worked out on the day the
search runs, so "Team, this quarter" is always the current quarter.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import sessionmaker

from app.errors import JournalError, StorageError
from app.json_fields import FieldReader, Wording, parse_json
from app.search.full_text import Kind, SearchFilters
from app.search.periods import Period
from app.storage.tables import SavedSearch as SavedSearchRow
from app.storage.transaction import require, transaction
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.domains import Domain

MAX_NAME = 80
MAX_QUERY = 1000
MAX_VALUE = 200
"""The longest tag, template, stage or inquiry id a saved filter may name."""

_IN_FILTERS = f"'{{key}}' in 'filters' should be text of 1 to {MAX_VALUE} characters."
_LIST_IN_FILTERS = "'{key}' in 'filters' should be a list of: {allowed}."
_FILTERS = FieldReader(
    ValueError,
    Wording(
        not_object="'filters' should be an object.",
        not_text=_IN_FILTERS,
        blank=_IN_FILTERS,
        too_long=_IN_FILTERS,
        not_list=_LIST_IN_FILTERS,
        too_many=_LIST_IN_FILTERS,
        not_choices=_LIST_IN_FILTERS,
        not_choice="'{key}' in 'filters' must be one of: {allowed}.",
        not_day="'{key}' in 'filters' should be a date such as 2026-03-01.",
        out_of_years="'{key}' in 'filters' is not between the years {first} and {last}.",
        not_flag="'{key}' in 'filters' must be true or false.",
    ),
)
"""Reads a saved search's filters (kept as JSON, and brought in by imports)."""


@dataclass(frozen=True)
class SavedSearch:
    """A search kept under a name."""

    id: str
    name: str
    query: str
    filters: SearchFilters
    created: datetime
    updated: datetime


class SavedSearchStore:
    """Saves, lists, renames and deletes saved searches (inside the encrypted journal)."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock or (lambda: datetime.now(UTC))

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        with transaction(self._sessions, write=False) as session:
            rows = session.scalars(select(SavedSearchRow)).all()
            found = [_record(row) for row in rows]
        return sorted(found, key=lambda s: (s.name.casefold(), s.id))

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


def filter_words(filters: SearchFilters) -> list[str]:
    """The filters that are set, in words, such as ["Team", "Double loop", "This quarter"]."""
    words = [d.label for d in filters.domains]
    words += [f"tag {filters.tag}"] if filters.tag else []
    words += [f"template {filters.template}"] if filters.template else []
    words += [f"stage {filters.stage}"] if filters.stage else []
    words += [filters.loop.label] if filters.loop else []
    words += [filters.status.label] if filters.status else []
    words += ["one line of inquiry"] if filters.inquiry else []
    words += [filters.period.label] if filters.period else []
    words += [f"from {filters.since:%d %b %Y}"] if filters.since else []
    words += [f"until {filters.until:%d %b %Y}"] if filters.until else []
    if filters.shared is not None:
        words.append("shared" if filters.shared else "not shared")
    if filters.has_comment is not None:
        words.append("with comments" if filters.has_comment else "without comments")
    return words


def describe(search: SavedSearch) -> str:
    """What a saved search looks for, in words (for its tooltip)."""
    parts = [f"words {search.query}"] if search.query else []
    return ", ".join(parts + filter_words(search.filters)) or "everything"


def suggest_name(query: str, filters: SearchFilters, taken: Sequence[str]) -> str:
    """A name for a search about to be saved, such as "Team, This quarter", not one taken."""
    words = [" ".join(query.split())] if query.strip() else []
    base = ", ".join(words + filter_words(filters))[: MAX_NAME - 5].strip() or "Saved search"
    used = {name.casefold() for name in taken}
    name, number = base, 2
    while name.casefold() in used:
        name, number = f"{base} ({number})", number + 1
    return name


def filters_to_json(filters: SearchFilters) -> dict[str, Any]:
    """The filters that are set, as a JSON-ready dict (dates as YYYY-MM-DD, the period by
    name)."""
    found: dict[str, Any] = {}
    if filters.domains:
        found["domains"] = [d.value for d in filters.domains]
    if filters.kinds:
        found["kinds"] = [k.value for k in filters.kinds]
    for key, text in (
        ("tag", filters.tag),
        ("template", filters.template),
        ("stage", filters.stage),
        ("inquiry", filters.inquiry),
        ("loop", filters.loop.value if filters.loop else None),
        ("status", filters.status.value if filters.status else None),
        ("period", filters.period.value if filters.period else None),
        ("since", filters.since.isoformat() if filters.since else None),
        ("until", filters.until.isoformat() if filters.until else None),
    ):
        if text is not None:
            found[key] = text
    if filters.shared is not None:
        found["shared"] = filters.shared
    if filters.has_comment is not None:
        found["commented"] = filters.has_comment
    return found


def filters_from_json(value: object) -> SearchFilters:
    """Filters from what `filters_to_json` wrote; keys not known are ignored.

    Raises ValueError with a plain message naming the first bad value.
    """
    item = _FILTERS.obj(value)
    for key in ("loop", "status", "period"):
        _FILTERS.maybe_text(item, key, limit=MAX_VALUE, blank=False)
    return SearchFilters(
        domains=tuple(d for d in Domain if d in _FILTERS.choices(item, "domains", Domain)),
        kinds=tuple(k for k in Kind if k in _FILTERS.choices(item, "kinds", Kind)),
        tag=_FILTERS.maybe_text(item, "tag", limit=MAX_VALUE, blank=False),
        template=_FILTERS.maybe_text(item, "template", limit=MAX_VALUE, blank=False),
        stage=_FILTERS.maybe_text(item, "stage", limit=MAX_VALUE, blank=False),
        inquiry=_FILTERS.maybe_text(item, "inquiry", limit=MAX_VALUE, blank=False),
        loop=_FILTERS.maybe_choice(item, "loop", LoopLevel),
        status=_FILTERS.maybe_choice(item, "status", CycleStatus),
        period=_FILTERS.maybe_choice(item, "period", Period),
        since=_FILTERS.maybe_day(item, "since"),
        until=_FILTERS.maybe_day(item, "until"),
        shared=_FILTERS.maybe_flag(item, "shared"),
        has_comment=_FILTERS.maybe_flag(item, "commented"),
    )


def _record(row: SavedSearchRow) -> SavedSearch:
    try:
        filters = filters_from_json(parse_json(row.filters))
    except ValueError as exc:
        raise StorageError(f"The saved search {row.name} could not be read: {exc}") from None
    return SavedSearch(row.id, row.name, row.query, filters, row.created_at, row.updated_at)
