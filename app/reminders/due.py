"""What is waiting for the participant, and the dates coming up, read from the journal.

Three kinds of date matter to an action-inquiry rhythm (docs/domain.md): the day an experiment
is to be tried by, after which the cycle waits for its reflection; the day an action agreed in a
session is due; and the next coaching or supervision session. A reflection waits only while the
cycle is still planned (once reflection has begun the person is already back); an action waits
while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.journal.opening import Journal
from app.supervision.session_records import SessionKind, SessionRecord, open_actions_in
from app.writing.cycle_states import CycleStatus

COMING_DAYS = 90
"""How far ahead the calendar looks by default."""
REFLECT = "Reflect on your experiment"
ACTION_DUE = "Agreed action due"
_SESSION_WORDS = {
    SessionKind.COACHING: "Coaching session",
    SessionKind.SUPERVISION: "Supervision session",
    SessionKind.ACTION_LEARNING: "Action learning set",
    SessionKind.LINE_MANAGER: "Line-manager 1:1",
}
MOST_PLANS = 5000
"""More planned cycles than anyone keeps: the store reads lists a page at a time."""


class DueKind(StrEnum):
    """What a date is for."""

    REFLECTION = "reflection"
    ACTION = "action"
    SESSION = "session"


@dataclass(frozen=True)
class DueItem:
    """One dated thing: a cycle to reflect on, an action due, or a session.

    `key` names it for good (a calendar event made from it keeps the same identity when the
    calendar is written again); `item_id` is the cycle, action or session it opens, empty for a
    session agreed at the last one but not yet recorded. `label` says what kind of date it is
    and holds nothing personal; `title` is the person's own words (a cycle's title, what the
    action is, whom the session is with), which may name someone.
    """

    kind: DueKind
    key: str
    item_id: str
    day: date
    label: str
    title: str

    def words(self, *, titles: bool = True) -> str:
        """ "Reflect on your experiment: Ask earlier", or the label alone without titles."""
        if not titles or not self.title:
            return self.label
        if self.kind is DueKind.SESSION:
            return f"{self.label} with {self.title}"
        return f"{self.label}: {self.title}"


class ReminderService:
    """What is waiting and what is coming, from an open journal: `ReminderService(journal)`."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def waiting(self, today: date) -> list[DueItem]:
        """Cycles waiting for their reflection and actions due, the longest waiting first."""
        sessions = self._journal.sessions.all()
        items = [i for i in self._reflections(today) + _actions(sessions) if i.day <= today]
        return sorted(items, key=_order)

    def coming(self, today: date, days: int = COMING_DAYS) -> list[DueItem]:
        """Every date from today to `days` ahead: experiments to reflect on, actions due, and
        the next session (recorded, or agreed at the last one), soonest first."""
        until = today + timedelta(days=days)
        sessions = self._journal.sessions.all()  # read once for actions and sessions
        items = self._reflections() + _actions(sessions) + _sessions(sessions, today)
        return sorted((i for i in items if today <= i.day <= until), key=_order)

    def _reflections(self, due_by: date = date.max) -> list[DueItem]:
        plans = self._journal.cycles.summaries(
            statuses=[CycleStatus.PLANNED], due_by=due_by, limit=MOST_PLANS
        )
        return [
            DueItem(
                DueKind.REFLECTION, f"reflect-{c.id}", c.id, c.experiment_date, REFLECT, c.title
            )
            for c in plans
            if c.experiment_date is not None
        ]


def _actions(sessions: list[SessionRecord]) -> list[DueItem]:
    return [
        DueItem(DueKind.ACTION, f"action-{a.id}", a.id, a.by_when, ACTION_DUE, _one_line(a.what))
        for a in open_actions_in(sessions)
        if a.by_when is not None
    ]


def _sessions(sessions: list[SessionRecord], today: date) -> list[DueItem]:
    recorded = [
        DueItem(
            DueKind.SESSION,
            f"session-{s.id}",
            s.id,
            s.held_on,
            _SESSION_WORDS[s.kind],
            _one_line(s.with_whom),
        )
        for s in sessions
        if s.held_on >= today
    ]
    if recorded:
        return recorded
    # None recorded yet: the date agreed at the last one, for the same kind of session.
    last = sessions[0] if sessions else None
    if last is None or last.next_date is None or last.next_date < today:
        return []
    key = f"next-session-{last.id}"
    return [
        DueItem(
            DueKind.SESSION,
            key,
            "",
            last.next_date,
            _SESSION_WORDS[last.kind],
            _one_line(last.with_whom),
        )
    ]


def day_words(day: date) -> str:
    """ "Wed 9 Dec 2026": how a list of dates shows each."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _order(item: DueItem) -> tuple[date, int, str]:
    return item.day, list(DueKind).index(item.kind), item.key
