"""Reading and writing the values of an export file, with errors that say where."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from app.domains import Domain, in_order
from app.errors import ImportRejectedError
from app.tags import MAX_TAGS, normalise_tags

E = TypeVar("E", bound=StrEnum)

# Dates outside these years are refused: nothing genuine is dated there, and arithmetic on
# them elsewhere in the app (a day later, an hour earlier) would overflow.
FIRST_YEAR = 1900
LAST_YEAR = 9998


def iso(value: datetime | None) -> str | None:
    """A datetime as ISO 8601 in UTC (None stays None)."""
    return None if value is None else value.astimezone(UTC).isoformat()


def shown(value: object, limit: int = 40) -> str:
    """A value as it may appear in a one-line message: quoted, escaped and cut short."""
    if not isinstance(value, str):
        return "a value that is not text"
    cut = value[:limit].encode("unicode_escape").decode("ascii")
    return f"'{cut}{'...' if len(value) > limit else ''}'"


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
        if not isinstance(value, str):
            raise ValueError(key)
        return str(uuid.UUID(value))
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
        if parsed is not None and parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC)  # may overflow at the ends of the calendar
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise refuse(
            where,
            f"'{key}' should be a date and time with a time zone, "
            "such as 2026-03-01T09:30:00+00:00.",
        )
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise refuse(where, f"'{key}' is not between the years {FIRST_YEAR} and {LAST_YEAR}.")
    return parsed


def maybe_moment(item: dict[str, Any], key: str, where: str) -> datetime | None:
    """A datetime field that may be null."""
    return None if item.get(key) is None else moment(item, key, where)


def day(item: dict[str, Any], key: str, where: str) -> date | None:
    """A calendar date field (YYYY-MM-DD) that may be null."""
    value = item.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(key)
        parsed = date.fromisoformat(value)
    except ValueError:
        raise refuse(where, f"'{key}' should be a date such as 2026-03-01.") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise refuse(where, f"'{key}' is not between the years {FIRST_YEAR} and {LAST_YEAR}.")
    return parsed


def domains(item: dict[str, Any], where: str) -> tuple[Domain, ...]:
    """The domains field."""
    codes = items(item, "domains", where)
    try:
        found = [Domain(code) for code in codes if isinstance(code, str)]
        if len(found) != len(codes):
            raise ValueError("domains")
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
    value = item.get(key)
    try:
        if not isinstance(value, str):
            raise ValueError(key)
        return kind(value)
    except ValueError:
        allowed = ", ".join(v.value for v in kind)
        raise refuse(where, f"'{key}' must be one of: {allowed}.") from None


def flag(item: dict[str, Any], key: str, where: str) -> bool:
    """A true/false field (missing means false, as in older files)."""
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise refuse(where, f"'{key}' must be true or false.")
    return value


def strings(item: dict[str, Any], key: str, where: str) -> list[str]:
    """A list of strings (missing means empty)."""
    values = items(item, key, where)
    if not all(isinstance(v, str) for v in values):
        raise refuse(where, f"'{key}' should be a list of text.")
    return values


_FINGERPRINT = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")


def fingerprint(item: dict[str, Any], key: str, where: str) -> str:
    """A card fingerprint such as 7KQ2-M9XD-4TRB-H1VC."""
    value = item.get(key)
    if not isinstance(value, str) or not _FINGERPRINT.fullmatch(value):
        raise refuse(where, f"'{key}' is not a card fingerprint such as 7KQ2-M9XD-4TRB-H1VC.")
    return value
