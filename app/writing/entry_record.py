"""Entries as the core hands them out, how a new one is written, and the lists' reads.

A new entry is written in plain SQL on the driver's connection, not through the ORM, so that
a one-off `note` command loads no more than it needs (not even SQLAlchemy). `EntryStore.create`
writes through here too, so there is one way an entry is made. The columns the ORM would fill
from its defaults are written as it would (tests/writing/test_entries.py compares the rows).

The reads the window needs before anything is opened (the Home view's recent entries and
balance, the list of entries, an evidence link's title) are here in plain SQL too, so the
window is shown without the ORM; `EntryStore` reads through the same functions.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlcipher3

from app.errors import EntryNotFoundError
from app.storage.stored_values import moment_of, moment_or_none, placeholders, stored_moment
from app.writing.domains import Domain, in_order
from app.writing.tags import normalise_tags, tag_ids
from app.writing.titles import display_title

_TITLE_FROM_BODY_CHARS = 200


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


@dataclass(frozen=True)
class EntrySummary:
    """What a list row shows: never the body."""

    id: str
    title: str
    created: datetime
    updated: datetime
    domains: tuple[Domain, ...]
    deleted: datetime | None = None


@dataclass(frozen=True)
class EntryVersionRecord:
    """An earlier text of an entry."""

    id: int
    title: str
    body: str
    written: datetime
    replaced: datetime


_ADD_ENTRY = (
    "INSERT INTO entries (id, title, body, created_at, updated_at, deleted_at, "
    "bring_to_supervision, share_with_coach) "
    "VALUES (:id, :title, :body, :now, :now, NULL, 0, 0)"
)
_ADD_DOMAIN = "INSERT INTO entry_domains (entry_id, domain) VALUES (:entry_id, :domain)"
_ADD_TAG = "INSERT INTO entry_tags (entry_id, tag_id) VALUES (:entry_id, :tag_id)"


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


# -- reading ---------------------------------------------------------------------------------

_SUMMARY = (
    "SELECT id, title, CASE WHEN title = '' THEN substr(body, 1, "
    f"{_TITLE_FROM_BODY_CHARS}) ELSE '' END, created_at, updated_at, deleted_at FROM entries"
)


def _where(text_filter: str, trashed: bool) -> tuple[list[str], list[Any]]:
    """The live (or trashed) entries holding every word of `text_filter`, in either field,
    whatever the case of its letters (the ORM's ilike, written as it writes it)."""
    where = ["deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"]
    params: list[Any] = []
    for word in text_filter.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(
            "(lower(title) LIKE lower(?) ESCAPE '\\' OR lower(body) LIKE lower(?) ESCAPE '\\')"
        )
        params += [f"%{escaped}%"] * 2
    return where, params


def entry_count(
    conn: sqlcipher3.Connection, text_filter: str = "", *, trashed: bool = False
) -> int:
    """How many entries match the filter."""
    where, params = _where(text_filter, trashed)
    row = conn.execute(f"SELECT count(*) FROM entries WHERE {' AND '.join(where)}", params)
    return int(row.fetchone()[0])


def entry_summaries(
    conn: sqlcipher3.Connection,
    text_filter: str = "",
    *,
    after: EntrySummary | None = None,
    offset: int = 0,
    limit: int = 200,
    trashed: bool = False,
) -> list[EntrySummary]:
    """Entries newest first, a page at a time, without their bodies.

    With `after`, the page listed after that row, found from it rather than by OFFSET (which
    makes SQLite step over every earlier row): a page deep in a 50,000-entry list costs what
    the first page costs.
    """
    where, params = _where(text_filter, trashed)
    if after is not None:
        # The first condition is an index range; the second breaks ties on the same moment.
        moment = stored_moment(after.created)
        where.append("created_at <= ? AND (created_at < ? OR id < ?)")
        params += [moment, moment, after.id]
    rows = conn.execute(
        f"{_SUMMARY} WHERE {' AND '.join(where)} ORDER BY created_at DESC, id DESC "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    domains = _domains_of(conn, [row[0] for row in rows])
    return [
        EntrySummary(
            id=row[0],
            title=display_title(row[1], row[2] or ""),
            created=moment_of(row[3]),
            updated=moment_of(row[4]),
            domains=domains.get(row[0], ()),
            deleted=moment_or_none(row[5]),
        )
        for row in rows
    ]


def entry_domain_counts(conn: sqlcipher3.Connection, since: datetime) -> dict[Domain, int]:
    """How many live entries written or changed since `since` touch each domain."""
    # Recent entries first (by their index), then their domains: a handful, not all.
    rows = conn.execute(
        "SELECT domain, count(*) FROM entry_domains WHERE entry_id IN "
        "(SELECT id FROM entries WHERE updated_at >= ? AND deleted_at IS NULL) GROUP BY domain",
        (stored_moment(since),),
    )
    return {Domain(code): int(n) for code, n in rows}


def read_entry(conn: sqlcipher3.Connection, entry_id: str) -> EntryRecord:
    """One whole entry (trashed ones too); EntryNotFoundError when there is none."""
    row = conn.execute(
        "SELECT id, title, body, created_at, updated_at, deleted_at, bring_to_supervision, "
        "share_with_coach FROM entries WHERE id = ?",
        (entry_id,),
    ).fetchone()
    if row is None:
        raise EntryNotFoundError("That entry no longer exists.")
    tags = conn.execute(
        "SELECT t.name FROM entry_tags x JOIN tags t ON t.id = x.tag_id WHERE x.entry_id = ?",
        (entry_id,),
    )
    return EntryRecord(
        id=row[0],
        title=row[1],
        body=row[2],
        created=moment_of(row[3]),
        updated=moment_of(row[4]),
        domains=_domains_of(conn, [entry_id]).get(entry_id, ()),
        tags=tuple(sorted((name for (name,) in tags), key=str.casefold)),
        deleted=moment_or_none(row[5]),
        bring_to_supervision=bool(row[6]),
        share_with_coach=bool(row[7]),
    )


def _domains_of(conn: sqlcipher3.Connection, ids: list[str]) -> dict[str, tuple[Domain, ...]]:
    if not ids:
        return {}
    found: dict[str, list[Domain]] = {}
    rows = conn.execute(
        f"SELECT entry_id, domain FROM entry_domains WHERE entry_id IN ({placeholders(ids)})", ids
    )
    for entry_id, code in rows:
        found.setdefault(entry_id, []).append(Domain(code))
    return {k: tuple(in_order(v)) for k, v in found.items()}
