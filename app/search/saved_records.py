"""A saved search as the core hands it out, what its filters mean, and how the saved searches
are read.

The filters are stored as JSON in the shape `filters_to_json` writes (the export file uses the
same shape). A period such as "this quarter" is stored by name and worked out on the day the
search runs, so "Team, this quarter" is always the current quarter.

The saved searches are read in plain SQL on the driver's connection, not through the ORM, so
that the window can list them at start without loading SQLAlchemy; `SavedSearchStore.all`
reads through here too, so there is one way they are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlcipher3

from app.errors import StorageError
from app.json_fields import FieldReader, Wording, parse_json
from app.search.full_text import Kind, SearchFilters
from app.search.periods import Period
from app.storage.connection import explain
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


_ALL = "SELECT id, name, query, filters, created_at, updated_at FROM saved_searches"


def saved_searches(conn: sqlcipher3.Connection) -> list[SavedSearch]:
    """Every saved search, by name (read on `conn`, the driver's connection)."""
    try:
        rows = conn.execute(_ALL).fetchall()
    except sqlcipher3.Error as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc
    found = [
        saved_search(id_, name, query, filters, _moment(created), _moment(updated))
        for id_, name, query, filters, created, updated in rows
    ]
    return sorted(found, key=lambda s: (s.name.casefold(), s.id))


def saved_search(
    search_id: str, name: str, query: str, filters: str, created: datetime, updated: datetime
) -> SavedSearch:
    """A saved search from its stored values; StorageError if its filters cannot be read."""
    try:
        read = filters_from_json(parse_json(filters))
    except ValueError as exc:
        raise StorageError(f"The saved search {name} could not be read: {exc}") from None
    return SavedSearch(search_id, name, query, read, created, updated)


def _moment(stored: str) -> datetime:
    """A stored moment as the ORM's UTCDateTime column reads it back: aware, in UTC."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


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
