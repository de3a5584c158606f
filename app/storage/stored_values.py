"""Values as the journal's tables hold them, for what is read and written in plain SQL.

The ORM (app/storage/tables.py) keeps a moment as naive UTC text with microseconds and a day as
ISO text, and reads them back as aware UTC datetimes and dates. These do the same, so a row
read without the ORM comes back exactly as the ORM would give it.
"""

from __future__ import annotations

from collections.abc import Sized
from datetime import UTC, date, datetime


def stored_moment(moment: datetime) -> str:
    """A datetime as the ORM's UTCDateTime column stores it: naive UTC text, microseconds
    always written (SQLAlchemy's SQLite DateTime format, which its reads expect)."""
    if moment.tzinfo is None:
        raise ValueError("datetimes stored in the journal must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def stored_day(day: date) -> str:
    """A date as the ORM's Date column stores it."""
    return day.isoformat()


def moment_of(value: str) -> datetime:
    """A stored moment read back as the ORM reads it: an aware UTC datetime."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def moment_or_none(value: str | None) -> datetime | None:
    """A stored moment that may be missing (NULL)."""
    return None if value is None else moment_of(value)


def day_or_none(value: str | None) -> date | None:
    """A stored day that may be missing (NULL)."""
    return None if value is None else date.fromisoformat(value)


def placeholders(values: Sized) -> str:
    """ "?, ?, ?" for an IN list of `values` ("NULL" for none, which matches nothing, as the
    ORM's empty IN does)."""
    return ", ".join("?" * len(values)) or "NULL"
