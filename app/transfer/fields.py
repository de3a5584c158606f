"""Reading and writing the values of an export file, with errors that say where."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from app.domains import Domain, in_order
from app.errors import ImportRejectedError
from app.tags import MAX_TAGS, normalise_tags

E = TypeVar("E", bound=StrEnum)


def iso(value: datetime | None) -> str | None:
    """A datetime as ISO 8601 in UTC (None stays None)."""
    return None if value is None else value.astimezone(UTC).isoformat()


def refuse(where: str, message: str) -> ImportRejectedError:
    """An ImportRejectedError that starts with where the problem is."""
    return ImportRejectedError(f"{where[:1].upper()}{where[1:]}: {message}")


def obj(value: object, where: str) -> dict[str, Any]:
    """The value as a JSON object."""
    if not isinstance(value, dict):
        raise refuse(where, "should be an object.")
    return value


def text(item: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str:
    """A string field."""
    value = item.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise refuse(where, f"'{key}' is missing or not text.")
    return value


def ident(item: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    """A UUID field, normalised."""
    value = item.get(key)
    if value is None and optional:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise refuse(where, f"'{key}' is not a UUID.") from None


def items(item: dict[str, Any], key: str, where: str) -> list[Any]:
    """A list field (missing means empty)."""
    value = item.get(key, [])
    if not isinstance(value, list):
        raise refuse(where, f"'{key}' should be a list.")
    return value


def objects(item: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    """A list of objects."""
    return [obj(v, f"{key}[{n}] of {where}") for n, v in enumerate(items(item, key, where))]


def moment(item: dict[str, Any], key: str, where: str, *, optional: bool = False) -> datetime:
    """A timezone-aware datetime field, in UTC."""
    value = item.get(key)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise refuse(
            where,
            f"'{key}' should be a date and time with a time zone, "
            "such as 2026-03-01T09:30:00+00:00.",
        )
    return parsed.astimezone(UTC)


def maybe_moment(item: dict[str, Any], key: str, where: str) -> datetime | None:
    """A datetime field that may be null."""
    return None if item.get(key) is None else moment(item, key, where)


def day(item: dict[str, Any], key: str, where: str) -> date | None:
    """A calendar date field (YYYY-MM-DD) that may be null."""
    value = item.get(key)
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise refuse(where, f"'{key}' should be a date such as 2026-03-01.") from None


def domains(item: dict[str, Any], where: str) -> tuple[Domain, ...]:
    """The domains field."""
    try:
        found = [Domain(str(code)) for code in items(item, "domains", where)]
    except ValueError:
        allowed = ", ".join(d.value for d in Domain)
        raise refuse(where, f"has an unknown domain (allowed: {allowed}).") from None
    return tuple(in_order(found))


def tags(item: dict[str, Any], where: str) -> tuple[str, ...]:
    """The tags field, tidied."""
    raw = items(item, "tags", where)
    if not all(isinstance(t, str) for t in raw):
        raise refuse(where, "has a tag that is not text.")
    tidied = normalise_tags(raw)
    if len(tidied) > MAX_TAGS:
        raise refuse(
            where, f"has {len(tidied)} tags; an entry or cycle can carry at most {MAX_TAGS}."
        )
    return tidied


def choice(item: dict[str, Any], key: str, kind: type[E], where: str) -> E:
    """A field that must be one of an enumeration's values."""
    try:
        return kind(str(item.get(key)))
    except ValueError:
        allowed = ", ".join(v.value for v in kind)
        raise refuse(where, f"'{key}' must be one of: {allowed}.") from None


def flag(item: dict[str, Any], key: str, where: str) -> bool:
    """A true/false field (missing means false, as in older files)."""
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise refuse(where, f"'{key}' must be true or false.")
    return value
