"""Sessions and their actions read in plain SQL: the Actions panel beside the Home view is
filled without loading the ORM, and `SessionStore` reads through the same functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlcipher3

from app.errors import EntryNotFoundError
from app.storage.stored_values import day_or_none, placeholders
from app.supervision.session_records import (
    ActionRecord,
    ActionStatus,
    SessionKind,
    SessionRecord,
    open_actions_in,
)

_SESSION = (
    "SELECT id, kind, held_on, with_whom, wants, notes, next_date FROM sessions "
    "WHERE deleted_at IS NULL"
)
_ACTION = (
    "SELECT id, session_id, what, with_whom, by_when, how_i_will_know, status, progress "
    "FROM actions"
)


def session_records(conn: sqlcipher3.Connection) -> list[SessionRecord]:
    """Every session (not deleted), most recent first, with its actions."""
    rows = conn.execute(f"{_SESSION} ORDER BY held_on DESC, created_at DESC").fetchall()
    return _with_actions(conn, rows)


def read_session(conn: sqlcipher3.Connection, session_id: str) -> SessionRecord:
    """One session; EntryNotFoundError when there is none (or it was deleted)."""
    rows = conn.execute(f"{_SESSION} AND id = ?", (session_id,)).fetchall()
    if not rows:
        raise EntryNotFoundError("That session no longer exists.")
    return _with_actions(conn, rows)[0]


def read_action(conn: sqlcipher3.Connection, action_id: str) -> ActionRecord:
    """One agreed action; EntryNotFoundError when there is none."""
    found = _actions(conn, f"{_ACTION} WHERE id = ?", [action_id])
    if not found:
        raise EntryNotFoundError("That action no longer exists.")
    return found[0]


def open_actions(conn: sqlcipher3.Connection) -> list[ActionRecord]:
    """Actions still to do, soonest date first (undated last)."""
    return open_actions_in(session_records(conn))


def _with_actions(conn: sqlcipher3.Connection, rows: Sequence[Any]) -> list[SessionRecord]:
    ids = [row[0] for row in rows]
    actions: dict[str, list[ActionRecord]] = {}
    if ids:
        query = f"{_ACTION} WHERE session_id IN ({placeholders(ids)}) ORDER BY position"
        for action in _actions(conn, query, ids):
            actions.setdefault(action.session_id, []).append(action)
    return [
        SessionRecord(
            id=row[0],
            kind=SessionKind(row[1]),
            held_on=_day(row[2]),
            with_whom=row[3],
            wants=row[4],
            notes=row[5],
            next_date=day_or_none(row[6]),
            actions=tuple(actions.get(row[0], ())),
        )
        for row in rows
    ]


def _actions(conn: sqlcipher3.Connection, query: str, params: list[str]) -> list[ActionRecord]:
    rows = conn.execute(query, params).fetchall()
    evidence: dict[str, tuple[list[str], list[str]]] = {row[0]: ([], []) for row in rows}
    if rows:
        linked = conn.execute(
            "SELECT action_id, entry_id, cycle_id FROM action_evidence "
            f"WHERE action_id IN ({placeholders(evidence)}) ORDER BY id",
            list(evidence),
        )
        for action_id, entry_id, cycle_id in linked:
            entries, cycles = evidence[action_id]
            if entry_id:
                entries.append(entry_id)
            if cycle_id:
                cycles.append(cycle_id)
    return [
        ActionRecord(
            id=row[0],
            session_id=row[1],
            what=row[2],
            with_whom=row[3],
            by_when=day_or_none(row[4]),
            how_i_will_know=row[5],
            status=ActionStatus(row[6]),
            progress=row[7],
            evidence_entries=tuple(evidence[row[0]][0]),
            evidence_cycles=tuple(evidence[row[0]][1]),
        )
        for row in rows
    ]


def _day(value: str) -> Any:
    day = day_or_none(value)
    assert day is not None  # held_on is never NULL
    return day
