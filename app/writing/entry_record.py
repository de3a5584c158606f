"""A whole entry as the core hands it out, and how a new one is written.

A new entry is written in plain SQL on the driver's connection, not through the ORM, so that
a one-off `note` command loads no more than it needs (not even SQLAlchemy). `EntryStore.create`
writes through here too, so there is one way an entry is made. The columns the ORM would fill
from its defaults are written as it would (tests/writing/test_entries.py compares the rows).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlcipher3

from app.writing.domains import Domain, in_order
from app.writing.tags import normalise_tags, tag_ids
from app.writing.titles import display_title


@dataclass(frozen=True)
class EntryRecord:
    """One whole entry."""

    id: str
    title: str
    body: str
    created: datetime
    updated: datetime
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    deleted: datetime | None = None
    bring_to_supervision: bool = False
    share_with_coach: bool = False

    @property
    def display_title(self) -> str:
        """The title, or the first line of the body, or "Untitled entry"."""
        return display_title(self.title, self.body)


_ADD_ENTRY = (
    "INSERT INTO entries (id, title, body, created_at, updated_at, deleted_at, "
    "bring_to_supervision, share_with_coach) "
    "VALUES (:id, :title, :body, :now, :now, NULL, 0, 0)"
)
_ADD_DOMAIN = "INSERT INTO entry_domains (entry_id, domain) VALUES (:entry_id, :domain)"
_ADD_TAG = "INSERT INTO entry_tags (entry_id, tag_id) VALUES (:entry_id, :tag_id)"


def stored_moment(moment: datetime) -> str:
    """A datetime as the ORM's UTCDateTime column stores it: naive UTC text, microseconds
    always written (SQLAlchemy's SQLite DateTime format, which its reads expect)."""
    if moment.tzinfo is None:
        raise ValueError("datetimes stored in the journal must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def add_entry(
    conn: sqlcipher3.Connection,
    title: str,
    body: str,
    domains: Sequence[Domain],
    tags: Sequence[str],
    now: datetime,
    entry_id: str | None = None,
) -> EntryRecord:
    """Write a new entry in `conn`'s open transaction (tags made as needed) and return it."""
    stored = stored_moment(now)
    entry_id = entry_id or str(uuid.uuid4())
    ordered = in_order(domains)
    tagged = tag_ids(conn, normalise_tags(tags))
    conn.execute(_ADD_ENTRY, {"id": entry_id, "title": title, "body": body, "now": stored})
    if ordered:
        conn.executemany(_ADD_DOMAIN, [{"entry_id": entry_id, "domain": d.value} for d in ordered])
    if tagged:
        conn.executemany(_ADD_TAG, [{"entry_id": entry_id, "tag_id": i} for i, _name in tagged])
    moment = now.astimezone(UTC)
    return EntryRecord(
        id=entry_id,
        title=title,
        body=body,
        created=moment,
        updated=moment,
        domains=tuple(ordered),
        tags=tuple(sorted((name for _id, name in tagged), key=str.casefold)),
    )
