"""Free tags: how they are tidied and how they are found or created in the journal.

The ORM's Tag rows load with the stores that use them; `tag_ids` does the same work in plain
SQL on the driver's connection for a new entry, so a one-off `note` command does without the
ORM and without SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from app.errors import JournalError

if TYPE_CHECKING:
    import sqlcipher3
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from app.storage.tables import Tag

MAX_TAG_LENGTH = 200
MAX_TAGS = 50
"""Tags one entry or cycle may carry: generous for people, and it bounds the work of a save."""

# tags.name has SQLite's NOCASE collation, which folds ASCII letters only.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trim tags, drop a leading '#', fold repeats regardless of case, keep the first spelling."""
    seen: dict[str, str] = {}
    for raw in tags:
        tag = " ".join(raw.split()).lstrip("#").strip()[:MAX_TAG_LENGTH]
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def same_tags(old: Iterable[str], new: Iterable[str]) -> bool:
    """True when two tag lists name the same tags, whatever their case or order."""
    return sorted(t.casefold() for t in old) == sorted(t.casefold() for t in new)


def tag_rows(session: Session, names: Sequence[str]) -> list[Tag]:
    """The Tag rows for these names, creating any that are new (an existing spelling wins).

    Refuses more than MAX_TAGS names (JournalError). Costs at most three statements, whatever
    the number of names: read the existing ones, insert the new ones together, read those.
    """
    from sqlalchemy import insert

    from app.storage.tables import Tag

    _refuse_too_many(names)
    if not names:
        return []
    existing = _tags_named(session, names)
    new = [name for name in names if name.translate(_NOCASE) not in existing]
    if new:
        # One executemany and one re-read: the ORM would insert new tags one row at a time
        # (SQLite cannot promise RETURNING order for a multi-row insert).
        session.execute(insert(Tag), [{"name": name} for name in new])
        existing.update(_tags_named(session, new))
    return [existing[name.translate(_NOCASE)] for name in names]


def _tags_named(session: Session, names: Sequence[str]) -> dict[str, Tag]:
    """Existing Tag rows for these names, keyed as tags.name's collation compares them."""
    from sqlalchemy import select

    from app.storage.tables import Tag

    found = session.scalars(select(Tag).where(Tag.name.in_(names)))
    return {tag.name.translate(_NOCASE): tag for tag in found}


def tag_in_use() -> ColumnElement[bool]:
    """True for tags that some entry or cycle still carries."""
    from sqlalchemy import or_, select

    from app.storage.tables import Tag, cycle_tags, entry_tags

    return or_(Tag.id.in_(select(entry_tags.c.tag_id)), Tag.id.in_(select(cycle_tags.c.tag_id)))


_NAMED = "SELECT id, name FROM tags WHERE name IN ({marks})"
_ADD = "INSERT INTO tags (name) VALUES (?)"


def tag_ids(conn: sqlcipher3.Connection, names: Sequence[str]) -> list[tuple[int, str]]:
    """`tag_rows` in plain SQL: each name's (id, stored spelling), in the order given.

    The same rules and the same three statements at most: an existing spelling wins, new
    tags are inserted together, more than MAX_TAGS names are refused (JournalError).
    """
    _refuse_too_many(names)
    if not names:
        return []
    existing = _ids_named(conn, names)
    new = [name for name in names if name.translate(_NOCASE) not in existing]
    if new:
        conn.executemany(_ADD, [(name,) for name in new])
        existing.update(_ids_named(conn, new))
    return [existing[name.translate(_NOCASE)] for name in names]


def _ids_named(conn: sqlcipher3.Connection, names: Sequence[str]) -> dict[str, tuple[int, str]]:
    # At most MAX_TAGS names, so one placeholder each stays far below SQLite's limit.
    found = conn.execute(_NAMED.format(marks=", ".join("?" * len(names))), list(names))
    return {str(name).translate(_NOCASE): (int(id_), str(name)) for id_, name in found}


def _refuse_too_many(names: Sequence[str]) -> None:
    if len(names) > MAX_TAGS:
        raise JournalError(
            f"An entry or cycle can carry at most {MAX_TAGS} tags, and this one has "
            f"{len(names)}. Remove some tags and save again; nothing was saved."
        )
