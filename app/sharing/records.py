"""What sharing hands out (contacts, comments, what waits for a coach) and the reads the window
makes as it opens: who the journal shares with, unread comments, what waits for the coach.

These reads are written in plain SQL on the driver's connection, not through the ORM, so the
window can make them at start without loading SQLAlchemy. The stores read through here too
(app/sharing/contacts.py, exchange.py and workspace.py), so each is read one way, and the
values come back as the ORM gave them (moments aware in UTC, flags as bools, roles as Role).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import sqlcipher3

from app.errors import StorageError
from app.sharing.keys import Card
from app.storage.connection import explain
from app.words import counted, joined

if TYPE_CHECKING:  # what is shared is read only when a share is made or compared
    from app.sharing.content import SharedRecord


class Role(StrEnum):
    """Who a contact is to this journal."""

    COACH = "coach"
    PARTICIPANT = "participant"


@dataclass(frozen=True)
class ContactRecord:
    """A coach or participant, known by their card."""

    card: Card
    role: Role
    added: datetime
    verified: bool = False
    """True once the fingerprint was compared (a coach added from a card counts)."""

    @property
    def name(self) -> str:
        """Their card name."""
        return self.card.name

    @property
    def fingerprint(self) -> str:
        """Their card's fingerprint."""
        return self.card.fingerprint


@dataclass(frozen=True)
class SentBefore:
    """The version of an entry or cycle last sent to a coach, and when."""

    version: datetime
    sent_at: datetime

    def changed_since(self, record: SharedRecord) -> bool:
        """True when the record is newer than the version that went."""
        return datetime.fromisoformat(record.version) > self.version


@dataclass(frozen=True)
class CommentRecord:
    """A comment or reply as the journal holds it."""

    id: str
    contact: str
    item_id: str
    stage_id: str
    mine: bool
    body: str
    created: datetime
    read: bool
    sent: bool
    reply_to: str | None


@dataclass(frozen=True)
class Who:
    """Who a share came from, as this journal knows them."""

    name: str
    fingerprint: str
    verified: bool


def share_message(items: int, replies: int, who: Who) -> str:
    """What importing a share did, in a sentence, marking a sender not yet verified."""
    parts = [counted(items, "shared item", "shared items")]
    if replies:
        parts.append(counted(replies, "reply", "replies"))
    said = f"Imported {joined(parts)} from {who.name}."
    if who.verified:
        return said
    return (
        f"{said} {who.name} is not verified yet: compare the fingerprint {who.fingerprint} "
        "with them before relying on it."
    )


@dataclass(frozen=True)
class CoachingWork:
    """What waits for the coach across all participants."""

    new_shares: int
    """Shared items not yet ticked as discussed."""
    new_replies: int
    unsent_comments: int
    """Comments written but not yet in a feedback package."""

    @property
    def total(self) -> int:
        """Everything waiting, as one number."""
        return self.new_shares + self.new_replies + self.unsent_comments


# -- the reads -----------------------------------------------------------------------------


def _rows(conn: sqlcipher3.Connection, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Every row `sql` finds; a database failure as StorageError, worded as the ORM's are."""
    try:
        return list(conn.execute(sql, tuple(params)).fetchall())
    except sqlcipher3.Error as exc:
        raise StorageError(f"The journal could not be saved or read: {explain(exc)}.") from exc


def _moment(stored: str) -> datetime:
    """A stored moment as the ORM's UTCDateTime column reads it back: aware, in UTC."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


_CONTACTS = (
    "SELECT name, encryption_key, signing_key, role, added_at, verified FROM contacts{where} "
    "ORDER BY name"
)


def contacts(conn: sqlcipher3.Connection, role: Role | None = None) -> list[ContactRecord]:
    """The journal's contacts (only those in `role`, if given), by name."""
    where, params = (" WHERE role = ?", (role.value,)) if role is not None else ("", ())
    return [
        ContactRecord(
            card=Card(name, bytes(encryption_key), bytes(signing_key)),
            role=Role(stored_role),
            added=_moment(added),
            verified=bool(verified),
        )
        for name, encryption_key, signing_key, stored_role, added, verified in _rows(
            conn, _CONTACTS.format(where=where), params
        )
    ]


_LIVE_ITEM = (
    "(EXISTS (SELECT 1 FROM entries WHERE entries.id = comments.item_id "
    "AND entries.deleted_at IS NULL) "
    "OR EXISTS (SELECT 1 FROM cycles WHERE cycles.id = comments.item_id "
    "AND cycles.deleted_at IS NULL))"
)


def unread_counts(
    conn: sqlcipher3.Connection, role: Role | None = None, *, live_items_only: bool = False
) -> dict[str, int]:
    """Unread comments per entry or cycle id (only items that have some).

    With `role`, only comments from contacts in that role count (Role.COACH: what a
    participant's coaches wrote, not replies from the people a coach journal coaches). With
    `live_items_only`, comments on the journal's own entries and cycles that are in the trash
    do not count (there is nothing to open for them).
    """
    sql = "SELECT comments.item_id, count(*) FROM comments"
    conditions = ["comments.read IS 0"]
    params: list[str] = []
    if role is not None:
        sql += " JOIN contacts ON contacts.fingerprint = comments.contact"
        conditions.append("contacts.role = ?")
        params.append(role.value)
    if live_items_only:  # a key lookup per unread comment, not a scan of every entry
        conditions.append(_LIVE_ITEM)
    sql += " WHERE " + " AND ".join(conditions) + " GROUP BY comments.item_id"
    return {str(item_id): int(count) for item_id, count in _rows(conn, sql, params)}


# Only participants' threads: a coach may also share their own journal with a coach.
_PARTICIPANTS_COMMENTS = (
    "SELECT count(*) FROM comments WHERE comments.contact IN "
    f"(SELECT fingerprint FROM contacts WHERE role = '{Role.PARTICIPANT.value}')"
)
_WAITING = (
    "SELECT (SELECT count(*) FROM shared_items WHERE discussed IS 0), "
    f"({_PARTICIPANTS_COMMENTS} AND mine IS 0 AND read IS 0), "
    f"({_PARTICIPANTS_COMMENTS} AND mine IS 1 AND sent_at IS NULL)"
)


def waiting_work(conn: sqlcipher3.Connection) -> CoachingWork:
    """How many shares, replies and unsent comments wait for the coach (three counts)."""
    [(shares, replies, unsent)] = _rows(conn, _WAITING)
    return CoachingWork(int(shares or 0), int(replies or 0), int(unsent or 0))
