"""Sessions and agreed actions in the export file: written out, checked, merged back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

# Here "session" always means a supervision session; the database's unit of work is `db` (Db).
from sqlalchemy.orm import Session as Db

from app.storage.tables import (
    ActionEvidence,
    AgreedAction,
    Cycle,
    Entry,
    SupervisionSession,
)
from app.supervision.session_records import ActionStatus, SessionKind
from app.transfer import fields as f
from app.transfer.merge import Merge


def export_sessions(db: Db) -> list[dict[str, Any]]:
    """Every session with its actions and their evidence links."""
    rows = db.scalars(select(SupervisionSession).order_by(SupervisionSession.held_on))
    return [
        {
            "id": s.id,
            "kind": s.kind,
            "held_on": s.held_on.isoformat(),
            "with_whom": s.with_whom,
            "wants": s.wants,
            "notes": s.notes,
            "next_date": s.next_date.isoformat() if s.next_date else None,
            "created": f.iso(s.created_at),
            "updated": f.iso(s.updated_at),
            "deleted": f.iso(s.deleted_at),
            "actions": [
                {
                    "id": a.id,
                    "what": a.what,
                    "with_whom": a.with_whom,
                    "by_when": a.by_when.isoformat() if a.by_when else None,
                    "how_i_will_know": a.how_i_will_know,
                    "status": a.status,
                    "progress": a.progress,
                    "created": f.iso(a.created_at),
                    "updated": f.iso(a.updated_at),
                    "evidence": [
                        {"entry": e.entry_id} if e.entry_id else {"cycle": e.cycle_id}
                        for e in a.evidence
                    ],
                }
                for a in s.actions
            ],
        }
        for s in rows
    ]


@dataclass(frozen=True)
class ActionIn:
    """An agreed action from the file, checked."""

    id: str
    what: str
    with_whom: str
    by_when: date | None
    how_i_will_know: str
    status: ActionStatus
    progress: str
    created: datetime
    updated: datetime
    evidence: tuple[tuple[str | None, str | None], ...]


@dataclass(frozen=True)
class SessionIn:
    """A session from the file, checked."""

    id: str
    kind: SessionKind
    held_on: date
    with_whom: str
    wants: str
    notes: str
    next_date: date | None
    created: datetime
    updated: datetime
    deleted: datetime | None
    actions: tuple[ActionIn, ...]


def parse_session(value: object, where: str) -> SessionIn:
    """Check one session object."""
    item = f.read.obj(value, where)
    session_id = f.read.ident(item, "id", where)
    held_on = f.read.maybe_day(item, "held_on", where)
    if held_on is None:
        raise f.refuse(where, "'held_on' is missing.")
    actions = []
    for n, raw in enumerate(f.read.objects(item, "actions", where), start=1):
        at = f"action {n} of {where}"
        action_id = f.read.ident(raw, "id", at)
        what = f.read.text(raw, "what", at, blank=False)
        links: list[tuple[str | None, str | None]] = []
        for link in f.read.objects(raw, "evidence", at):
            entry = f.read.maybe_ident(link, "entry", at)
            cycle = f.read.maybe_ident(link, "cycle", at)
            if (entry is None) == (cycle is None):
                raise f.refuse(at, "each evidence link names one entry or one cycle.")
            links.append((entry, cycle))
        actions.append(
            ActionIn(
                id=action_id,
                what=what,
                with_whom=f.read.text(raw, "with_whom", at, optional=True),
                by_when=f.read.maybe_day(raw, "by_when", at),
                how_i_will_know=f.read.text(raw, "how_i_will_know", at, optional=True),
                status=f.read.choice(raw, "status", ActionStatus, at),
                progress=f.read.text(raw, "progress", at, optional=True),
                created=f.read.moment(raw, "created", at),
                updated=f.read.moment(raw, "updated", at),
                evidence=tuple(links),
            )
        )
    return SessionIn(
        id=session_id,
        kind=f.read.choice(item, "kind", SessionKind, where),
        held_on=held_on,
        with_whom=f.read.text(item, "with_whom", where, optional=True),
        wants=f.read.text(item, "wants", where, optional=True),
        notes=f.read.text(item, "notes", where, optional=True),
        next_date=f.read.maybe_day(item, "next_date", where),
        created=f.read.moment(item, "created", where),
        updated=f.read.moment(item, "updated", where),
        deleted=f.read.maybe_moment(item, "deleted", where),
        actions=tuple(actions),
    )


def merge_session(merge: Merge, item: SessionIn) -> None:
    """Add a session, replace it if the file's copy is newer, or leave it alone."""
    db = merge.session
    row = db.get(SupervisionSession, item.id)
    if row is not None and row.updated_at == item.updated and _same_actions(row, item):
        merge.result.unchanged += 1
        return
    if row is not None and item.updated < row.updated_at:
        merge.result.kept_newer += 1
        return
    if row is None:
        row = SupervisionSession(id=item.id, created_at=item.created)
        db.add(row)
        merge.result.added += 1
    else:
        merge.result.updated += 1
    row.kind = item.kind.value
    row.held_on, row.next_date = item.held_on, item.next_date
    row.with_whom, row.wants, row.notes = item.with_whom, item.wants, item.notes
    row.updated_at, row.deleted_at = item.updated, item.deleted
    existing = {a.id: a for a in row.actions}
    actions = []
    for position, incoming in enumerate(item.actions):
        action = existing.get(incoming.id)
        if action is None:
            if db.get(AgreedAction, incoming.id) is not None:
                raise f.refuse(f"action {incoming.id}", "it belongs to another session here.")
            action = AgreedAction(id=incoming.id, created_at=incoming.created)
        if action.updated_at is None or incoming.updated >= action.updated_at:
            action.what, action.with_whom = incoming.what, incoming.with_whom
            action.by_when, action.how_i_will_know = incoming.by_when, incoming.how_i_will_know
            action.status, action.progress = incoming.status.value, incoming.progress
            action.updated_at = incoming.updated
            action.evidence = [_link(db, incoming.id, e, c) for e, c in incoming.evidence]
        action.position = position
        actions.append(action)
    row.actions = actions


def _link(db: Db, action_id: str, entry: str | None, cycle: str | None) -> ActionEvidence:
    found = db.get(Entry, entry) if entry else db.get(Cycle, cycle)
    if found is None:
        raise f.refuse(
            f"action {action_id}",
            "its evidence points to an entry or cycle that is neither in the file nor here.",
        )
    return ActionEvidence(entry_id=entry, cycle_id=cycle)


def _same_actions(row: SupervisionSession, item: SessionIn) -> bool:
    ours = [(a.id, a.updated_at, a.status) for a in row.actions]
    theirs = [(a.id, a.updated, a.status.value) for a in item.actions]
    return ours == theirs
