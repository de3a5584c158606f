"""Coaching and supervision sessions, and the actions agreed in them."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import Engine, select

# Here "session" always means a supervision session; the database's unit of work is `db` (Db).
from sqlalchemy.orm import Session as Db
from sqlalchemy.orm import sessionmaker

from app.errors import EntryNotFoundError, JournalError
from app.storage.tables import ActionEvidence, AgreedAction, SupervisionSession
from app.storage.transaction import require, transaction

_UNSET = object()  # "not given", where None has a meaning of its own


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


class SessionStore:
    """Records sessions and tracks their actions. Every method is one short transaction."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._units = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock or (lambda: datetime.now(UTC))

    def _writing(self) -> contextlib.AbstractContextManager[Db]:
        return transaction(self._units)

    def _reading(self) -> contextlib.AbstractContextManager[Db]:
        return transaction(self._units, write=False)

    def record(
        self,
        kind: SessionKind,
        held_on: date,
        *,
        with_whom: str = "",
        wants: str = "",
        notes: str = "",
        next_date: date | None = None,
        actions: Sequence[ActionDraft] = (),
    ) -> SessionRecord:
        """Record a session and the actions agreed in it."""
        now = self._clock()
        with self._writing() as db:
            row = SupervisionSession(
                id=str(uuid.uuid4()),
                kind=kind.value,
                held_on=held_on,
                with_whom=with_whom.strip(),
                wants=wants,
                notes=notes,
                next_date=next_date,
                created_at=now,
                updated_at=now,
            )
            row.actions = [_new_action(draft, n, now) for n, draft in enumerate(actions)]
            db.add(row)
            db.flush()
            return _record(row)

    def update(
        self,
        session_id: str,
        *,
        kind: SessionKind | None = None,
        held_on: date | None = None,
        with_whom: str | None = None,
        wants: str | None = None,
        notes: str | None = None,
        next_date: date | object | None = _UNSET,
        actions: Sequence[tuple[str | None, ActionDraft]] | None = None,
    ) -> SessionRecord:
        """Change what was recorded about a session, in one transaction.

        `next_date=None` clears the next date. `actions`, when given, is the whole new list:
        (id, draft) pairs keep and reword existing actions, (None, draft) adds one, and an
        action left out is removed; an action changed only where its wording changed. Every
        draft is checked before anything is written.
        """
        for _action_id, draft in actions or ():
            check_draft(draft)
        with self._writing() as db:
            row = _get(db, session_id)
            for attr, value in (
                ("kind", kind.value if kind else None),
                ("held_on", held_on),
                ("with_whom", with_whom),
                ("wants", wants),
                ("notes", notes),
            ):
                if value is not None:
                    setattr(row, attr, value)
            if next_date is not _UNSET:
                assert next_date is None or isinstance(next_date, date)
                row.next_date = next_date
            now = self._clock()
            if actions is not None:
                row.actions = _merged_actions(row, actions, now)
            row.updated_at = now
            db.flush()
            return _record(row)

    def delete_action(self, action_id: str) -> None:
        """Remove an agreed action (and its evidence links)."""
        with self._writing() as db:
            db.delete(_get_action(db, action_id))

    def add_action(self, session_id: str, draft: ActionDraft) -> ActionRecord:
        """Agree one more action in a session."""
        with self._writing() as db:
            row = _get(db, session_id)
            action = _new_action(draft, len(row.actions), self._clock())
            row.actions.append(action)
            db.flush()
            return _action_record(action)

    def update_action(
        self,
        action_id: str,
        *,
        status: ActionStatus | None = None,
        progress: str | None = None,
        draft: ActionDraft | None = None,
    ) -> ActionRecord:
        """Move an action on: its status, what happened, or its wording."""
        with self._writing() as db:
            action = _get_action(db, action_id)
            if status is not None:
                action.status = status.value
            if progress is not None:
                action.progress = progress
            if draft is not None:
                check_draft(draft)
                action.what, action.with_whom = draft.what.strip(), draft.with_whom
                action.by_when, action.how_i_will_know = draft.by_when, draft.how_i_will_know
            action.updated_at = self._clock()
            db.flush()
            return _action_record(action)

    def link_evidence(
        self, action_id: str, *, entry_id: str | None = None, cycle_id: str | None = None
    ) -> ActionRecord:
        """Link an entry or a cycle that shows evidence of change for an action."""
        if (entry_id is None) == (cycle_id is None):
            raise ValueError("link exactly one entry or one cycle")
        with self._writing() as db:
            action = _get_action(db, action_id)
            known = {(e.entry_id, e.cycle_id) for e in action.evidence}
            if (entry_id, cycle_id) not in known:
                action.evidence.append(ActionEvidence(entry_id=entry_id, cycle_id=cycle_id))
            db.flush()
            return _action_record(action)

    def unlink_evidence(
        self, action_id: str, *, entry_id: str | None = None, cycle_id: str | None = None
    ) -> ActionRecord:
        """Remove an evidence link."""
        with self._writing() as db:
            action = _get_action(db, action_id)
            action.evidence = [
                e for e in action.evidence if (e.entry_id, e.cycle_id) != (entry_id, cycle_id)
            ]
            db.flush()
            return _action_record(action)

    def get(self, session_id: str) -> SessionRecord:
        """One session."""
        with self._reading() as db:
            return _record(_get(db, session_id))

    def all(self) -> list[SessionRecord]:
        """Every session, most recent first."""
        with self._reading() as db:
            rows = db.scalars(
                select(SupervisionSession)
                .where(SupervisionSession.deleted_at.is_(None))
                .order_by(SupervisionSession.held_on.desc(), SupervisionSession.created_at.desc())
            )
            return [_record(r) for r in rows]

    def last_before(self, day: date) -> SessionRecord | None:
        """The most recent session held before `day` (the start of a summary's period)."""
        return next((s for s in self.all() if s.held_on < day), None)

    def open_actions(self) -> list[ActionRecord]:
        """Actions still to do, soonest date first (undated last)."""
        return open_actions_in(self.all())

    def delete(self, session_id: str) -> None:
        """Remove a session and its actions."""
        with self._writing() as db:
            _get(db, session_id).deleted_at = self._clock()


def check_draft(draft: ActionDraft) -> None:
    """Refuse an action with nothing saying what it is."""
    if not draft.what.strip():
        raise JournalError("Write what the action is; the other parts can wait.")


def _merged_actions(
    row: SupervisionSession, actions: Sequence[tuple[str | None, ActionDraft]], now: datetime
) -> list[AgreedAction]:
    existing = {a.id: a for a in row.actions}
    merged = []
    for position, (action_id, draft) in enumerate(actions):
        if action_id is None:
            merged.append(_new_action(draft, position, now))
            continue
        action = existing.get(action_id)
        if action is None:
            raise EntryNotFoundError("That action no longer exists.")
        wording = (
            draft.what.strip(),
            draft.with_whom.strip(),
            draft.by_when,
            draft.how_i_will_know.strip(),
        )
        # An action left as it was keeps its time: an import compares it to decide which
        # copy is newer.
        if wording != (action.what, action.with_whom, action.by_when, action.how_i_will_know):
            action.what, action.with_whom, action.by_when, action.how_i_will_know = wording
            action.updated_at = now
        action.position = position
        merged.append(action)
    return merged


def _new_action(draft: ActionDraft, position: int, now: datetime) -> AgreedAction:
    check_draft(draft)
    return AgreedAction(
        id=str(uuid.uuid4()),
        position=position,
        what=draft.what.strip(),
        with_whom=draft.with_whom.strip(),
        by_when=draft.by_when,
        how_i_will_know=draft.how_i_will_know.strip(),
        status=ActionStatus.OPEN.value,
        progress="",
        created_at=now,
        updated_at=now,
    )


def _get(db: Db, session_id: str) -> SupervisionSession:
    row = db.get(SupervisionSession, session_id)
    if row is None or row.deleted_at is not None:
        raise EntryNotFoundError("That session no longer exists.")
    return row


def _get_action(db: Db, action_id: str) -> AgreedAction:
    return require(db, AgreedAction, action_id, "action")


def _action_record(row: AgreedAction) -> ActionRecord:
    return ActionRecord(
        id=row.id,
        session_id=row.session_id,
        what=row.what,
        with_whom=row.with_whom,
        by_when=row.by_when,
        how_i_will_know=row.how_i_will_know,
        status=ActionStatus(row.status),
        progress=row.progress,
        evidence_entries=tuple(e.entry_id for e in row.evidence if e.entry_id),
        evidence_cycles=tuple(e.cycle_id for e in row.evidence if e.cycle_id),
    )


def _record(row: SupervisionSession) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        kind=SessionKind(row.kind),
        held_on=row.held_on,
        with_whom=row.with_whom,
        wants=row.wants,
        notes=row.notes,
        next_date=row.next_date,
        actions=tuple(_action_record(a) for a in row.actions),
    )


def open_actions_in(sessions: Sequence[SessionRecord]) -> list[ActionRecord]:
    """The actions of these sessions still to do, soonest date first (undated last)."""
    actions = [a for s in sessions for a in s.actions if a.status.is_open]
    return sorted(actions, key=lambda a: (a.by_when is None, a.by_when or date.max))
