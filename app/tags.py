"""Free tags: how they are tidied and how they are found or created in the journal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from app.storage.models import Tag, cycle_tags, entry_tags

MAX_TAG_LENGTH = 200


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
    """The Tag rows for these names, creating any that are new (an existing spelling wins)."""
    rows: list[Tag] = []
    for name in names:
        tag = session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        rows.append(tag)
    return rows


def tag_in_use() -> ColumnElement[bool]:
    """True for tags that some entry or cycle still carries."""
    return or_(Tag.id.in_(select(entry_tags.c.tag_id)), Tag.id.in_(select(cycle_tags.c.tag_id)))
