"""Coaching and supervision sessions, and the actions agreed in them."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import Engine

# Here "session" always means a supervision session; the database's unit of work is `db` (Db).
from sqlalchemy.orm import Session as Db
from sqlalchemy.orm import sessionmaker

from app.errors import EntryNotFoundError
from app.storage.snapshot import snapshot
from app.storage.tables import ActionEvidence, AgreedAction, SupervisionSession
from app.storage.transaction import driver_of, require, transaction
from app.supervision.session_reads import (
    open_actions as open_actions_read,
)
from app.supervision.session_reads import (
    read_action,
    read_session,
    session_records,
)
from app.supervision.session_records import (
    ActionDraft,
    ActionRecord,
    ActionStatus,
    SessionKind,
    SessionRecord,
    check_draft,
)

_UNSET = object()  # "not given", where None has a meaning of its own


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
        with self._reading() as db, snapshot(driver_of(db)) as conn:
            return session_records(conn)

    def last_before(self, day: date) -> SessionRecord | None:
        """The most recent session held before `day` (the start of a summary's period)."""
        return next((s for s in self.all() if s.held_on < day), None)

    def open_actions(self) -> list[ActionRecord]:
        """Actions still to do, soonest date first (undated last)."""
        with self._reading() as db, snapshot(driver_of(db)) as conn:
            return open_actions_read(conn)

    def delete(self, session_id: str) -> None:
        """Remove a session and its actions."""
        with self._writing() as db:
            _get(db, session_id).deleted_at = self._clock()


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
    """The record of an action row as it stands in its session (changes flushed)."""
    db = _session_of(row)
    with snapshot(driver_of(db)) as conn:
        return read_action(conn, row.id)


def _record(row: SupervisionSession) -> SessionRecord:
    """The record of a session row as it stands in its session (changes flushed)."""
    db = _session_of(row)
    with snapshot(driver_of(db)) as conn:
        return read_session(conn, row.id)


def _session_of(row: object) -> Db:
    db = Db.object_session(row)
    assert db is not None
    return db
