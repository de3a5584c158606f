"""Saved searches in the export file: a name, the words and the filters (periods by name)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.search.full_text import SearchFilters
from app.search.saved_records import MAX_NAME, MAX_QUERY, filters_from_json, filters_to_json
from app.storage.tables import SavedSearch
from app.transfer import fields as f
from app.transfer.merge import Merge


def export_saved_searches(session: Session) -> list[dict[str, Any]]:
    """Every saved search, with its filters as the journal keeps them."""
    rows = session.scalars(select(SavedSearch).order_by(SavedSearch.created_at, SavedSearch.id))
    return [
        {
            "id": row.id,
            "name": row.name,
            "query": row.query,
            "filters": json.loads(row.filters),
            "created": f.iso(row.created_at),
            "updated": f.iso(row.updated_at),
        }
        for row in rows
    ]


@dataclass(frozen=True)
class SavedSearchIn:
    """A saved search read from a file, checked."""

    id: str
    name: str
    query: str
    filters: SearchFilters
    created: datetime
    updated: datetime

    @property
    def stored_filters(self) -> str:
        """The filters as the journal stores them."""
        return json.dumps(filters_to_json(self.filters), sort_keys=True)


def parse_saved_search(value: object, where: str) -> SavedSearchIn:
    """Check one saved search."""
    item = f.read.obj(value, where)
    search_id = f.read.ident(item, "id", where)
    name = " ".join(f.read.text(item, "name", where).split())
    if not 1 <= len(name) <= MAX_NAME:
        raise f.refuse(where, f"'name' should be 1 to {MAX_NAME} characters.")
    query = " ".join(f.read.text(item, "query", where, optional=True).split())
    if len(query) > MAX_QUERY:
        raise f.refuse(where, f"'query' should be at most {MAX_QUERY} characters.")
    try:
        filters = filters_from_json(item.get("filters", {}))
    except ValueError as exc:
        raise f.refuse(where, str(exc)) from None
    return SavedSearchIn(
        id=search_id,
        name=name,
        query=query,
        filters=filters,
        created=f.read.moment(item, "created", where),
        updated=f.read.moment(item, "updated", where),
    )


def merge_saved_search(merge: Merge, item: SavedSearchIn) -> None:
    """Add a saved search, or replace this journal's copy when the file's is newer."""
    row = merge.session.get(SavedSearch, item.id)
    content = (item.name, item.query, item.stored_filters)
    if row is None:
        merge.session.add(
            SavedSearch(
                id=item.id,
                name=item.name,
                query=item.query,
                filters=item.stored_filters,
                created_at=item.created,
                updated_at=item.updated,
            )
        )
        merge.result.added += 1
    elif (row.name, row.query, row.filters) == content:
        merge.result.unchanged += 1
    elif item.updated > row.updated_at:
        row.name, row.query, row.filters = content
        row.updated_at = item.updated
        merge.result.updated += 1
    else:
        merge.result.kept_newer += 1
