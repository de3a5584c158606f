"""Which session a summary is for, and the period it covers by default.

A session recorded for today (or later) is the one being prepared for, not "last time": its
actions are still to come, and the period runs from the session before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.journal.opening import Journal
from app.supervision.sessions import SessionKind, SessionRecord

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


def next_session(journal: Journal, today: date) -> NextSession:
    """The soonest session recorded for today or later; else the next date agreed at the last
    one (today if that has passed); else a supervision today."""
    sessions = journal.sessions.all()
    upcoming = [s for s in sessions if s.held_on >= today]
    if upcoming:
        following = min(upcoming, key=lambda s: s.held_on)
        return NextSession(following.kind, following.held_on, following.wants, following.with_whom)
    last = sessions[0] if sessions else None
    if last is None:
        return NextSession(SessionKind.SUPERVISION, today)
    day = last.next_date if last.next_date and last.next_date >= today else today
    return NextSession(last.kind, day, last.wants)


def sessions_before(journal: Journal, day: date) -> list[SessionRecord]:
    """Sessions held before `day`, most recent first."""
    return [s for s in journal.sessions.all() if s.held_on < day]


def default_period(journal: Journal, today: date) -> tuple[date, date]:
    """From the session before the one being prepared for, until today.

    Never empty while the journal holds writing: when nothing was written or changed since
    that session, the period starts at the session before it, and so on; with no session, it
    is the last 30 days, or else since the last thing written.
    """
    earlier = [s.held_on for s in sessions_before(journal, today)]
    starts = earlier or [today - timedelta(days=FALLBACK_DAYS)]
    for start in starts:
        if has_writing(journal, start, today):
            return start, today
    latest = _latest_writing(journal)
    if latest is None or latest > today:
        return starts[0], today
    return latest, today


def has_writing(journal: Journal, since: date, until: date) -> bool:
    """True when an entry was written, or a cycle changed, in the period."""
    start, end = bounds(since, until)
    return bool(journal.entries.records_written(start, end)) or bool(
        journal.cycles.records_changed(start, end)
    )


def _latest_writing(journal: Journal) -> date | None:
    """The day of the newest entry or the most recently changed cycle, if any."""
    moments = [e.created for e in journal.entries.summaries(limit=1)]
    moments += [c.updated for c in journal.cycles.summaries(limit=1)]
    return max(moments).astimezone().date() if moments else None
