"""The words for a summary's period and session (`SummaryService` works out which ones).

A session recorded for today (or later) is the one being prepared for, not "last time": its
actions are still to come, and the period runs from the session before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.supervision.session_records import SessionKind

FALLBACK_DAYS = 30


@dataclass(frozen=True)
class NextSession:
    """The session a summary is prepared for: recorded already, or the date agreed last time."""

    kind: SessionKind
    day: date
    wants: str = ""
    with_whom: str = ""


def bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """The period as instants: from the start of `since` to the end of `until` (local days)."""
    start = datetime.combine(since, time.min).astimezone(UTC)
    end = datetime.combine(until + timedelta(days=1), time.min).astimezone(UTC)
    return start, end
