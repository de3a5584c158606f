"""What is recorded about coaching and supervision sessions and the actions agreed in them.

Kept apart from the store (app/supervision/sessions.py) so that the window's Actions panel,
which reads them in plain SQL (app/supervision/session_reads.py), loads no ORM.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.errors import JournalError


class SessionKind(StrEnum):
    """The kinds of session a participant brings their learning to."""

    COACHING = "coaching"
    SUPERVISION = "supervision"
    ACTION_LEARNING = "action_learning"
    LINE_MANAGER = "line_manager"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return {
            "coaching": "Coaching",
            "supervision": "Supervision",
            "action_learning": "Action learning set",
            "line_manager": "Line-manager 1:1",
        }[self.value]


class ActionStatus(StrEnum):
    """Where an agreed action stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return {
            "open": "Not started",
            "in_progress": "In progress",
            "done": "Done",
            "dropped": "Dropped",
        }[self.value]

    @property
    def is_open(self) -> bool:
        """True while the action still needs doing."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


@dataclass(frozen=True)
class ActionDraft:
    """An action as the participant writes it in the session form."""

    what: str
    with_whom: str = ""
    by_when: date | None = None
    how_i_will_know: str = ""


@dataclass(frozen=True)
class ActionRecord:
    """An agreed action, its progress and the entries or cycles that show evidence of change."""

    id: str
    session_id: str
    what: str
    with_whom: str
    by_when: date | None
    how_i_will_know: str
    status: ActionStatus
    progress: str
    evidence_entries: tuple[str, ...] = ()
    evidence_cycles: tuple[str, ...] = ()

    def overdue(self, today: date) -> bool:
        """True when the action is still open after its date."""
        return self.status.is_open and self.by_when is not None and self.by_when < today


@dataclass(frozen=True)
class SessionRecord:
    """One session and what was agreed in it."""

    id: str
    kind: SessionKind
    held_on: date
    with_whom: str
    wants: str
    notes: str
    next_date: date | None
    actions: tuple[ActionRecord, ...] = field(default_factory=tuple)


def check_draft(draft: ActionDraft) -> None:
    """Refuse an action with nothing saying what it is."""
    if not draft.what.strip():
        raise JournalError("Write what the action is; the other parts can wait.")


def open_actions_in(sessions: Sequence[SessionRecord]) -> list[ActionRecord]:
    """The actions of these sessions still to do, soonest date first (undated last)."""
    actions = [a for s in sessions for a in s.actions if a.status.is_open]
    return sorted(actions, key=lambda a: (a.by_when is None, a.by_when or date.max))
