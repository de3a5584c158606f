"""Reading and writing the values of an export file, with errors that say where.

The generic fields are read by `read` (app/json_fields.py); what only an export holds
(domains, tags, card fingerprints) is read here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from app.errors import ImportRejectedError
from app.json_fields import FieldReader
from app.writing.domains import Domain, in_order
from app.writing.tags import MAX_TAGS, normalise_tags


def iso(value: datetime | None) -> str | None:
    """A datetime as ISO 8601 in UTC (None stays None)."""
    return None if value is None else value.astimezone(UTC).isoformat()


def shown(value: object, limit: int = 40) -> str:
    """A value as it may appear in a one-line message: quoted, escaped and cut short."""
    if not isinstance(value, str):
        return "a value that is not text"
    cut = value[:limit].encode("unicode_escape").decode("ascii")
    return f"'{cut}{'...' if len(value) > limit else ''}'"


read = FieldReader(ImportRejectedError)
"""Reads the generic fields of an export file (text, ids, dates, choices, lists)."""
_DOMAINS = read.worded(not_choices="has an unknown domain (allowed: {allowed}).")
_TAGS = read.worded(not_strings="has a tag that is not text.")


def refuse(where: str, message: str) -> ImportRejectedError:
    """An ImportRejectedError that starts with where the problem is."""
    return ImportRejectedError(f"{where[:1].upper()}{where[1:]}: {message}")


def domains(item: dict[str, Any], where: str) -> tuple[Domain, ...]:
    """The domains field."""
    return tuple(in_order(_DOMAINS.choices(item, "domains", Domain, where)))


def tags(item: dict[str, Any], where: str) -> tuple[str, ...]:
    """The tags field, tidied."""
    tidied = normalise_tags(_TAGS.strings(item, "tags", where))
    if len(tidied) > MAX_TAGS:
        raise refuse(
            where, f"has {len(tidied)} tags; an entry or cycle can carry at most {MAX_TAGS}."
        )
    return tidied


_FINGERPRINT = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")


def fingerprint(item: dict[str, Any], key: str, where: str) -> str:
    """A card fingerprint such as 7KQ2-M9XD-4TRB-H1VC."""
    value = item.get(key)
    if not isinstance(value, str) or not _FINGERPRINT.fullmatch(value):
        raise refuse(where, f"'{key}' is not a card fingerprint such as 7KQ2-M9XD-4TRB-H1VC.")
    return value
