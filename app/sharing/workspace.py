"""The coach's side: participants, what they shared, search and domain balance across them.

Shared items are read-only copies of a participant's entries and cycles, the latest version
of each. Everything here reads; the only change a coach makes to an item is ticking it as
discussed (comments go through app.sharing.exchange.write_comment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from app.errors import JournalError
from app.journal.opening import Journal
from app.search.query import parse_query
from app.sharing import records
from app.sharing.content import SharedStage, stages_from_json
from app.sharing.exchange import unit
from app.sharing.records import CoachingWork, Role
from app.storage.tables import Comment, Contact, SharedDoc, SharedItem
from app.writing.domains import Domain, parse_domains

SEARCH_LIMIT = 500
# The FTS5 table made by migration 0008 (not an ORM model: FTS5 keeps its own tables).
_FTS = table("search_index_shared", column("rowid"), column("rank"))


@dataclass(frozen=True)
class SharedItemRecord:
    """What a coach sees of one shared entry or cycle."""

    participant: str
    item_id: str
    kind: str
    title: str
    content: str
    previous_content: str
    commented_content: str
    stages: tuple[SharedStage, ...]
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    written: datetime
    version: datetime
    received: datetime
    discussed: bool

    @property
    def updated(self) -> bool:
        """True when a newer version replaced an earlier one."""
        return bool(self.previous_content) and self.previous_content != self.content

    @property
    def changed_since_comment(self) -> bool:
        """True when the participant changed the item after the coach last commented on it."""
        return bool(self.commented_content) and self.commented_content != self.content

    @property
    def before(self) -> str:
        """The text to compare the current one with: as commented on, else the last version."""
        return self.commented_content or self.previous_content


@dataclass(frozen=True)
class ParticipantSummary:
    """One participant in the coach's list."""

    fingerprint: str
    name: str
    items: int
    to_discuss: int
    unread_replies: int
    unsent_comments: int
    last_received: datetime | None
    verified: bool = False
    """True once the coach compared their fingerprint; until then a stranger could be posing."""


@dataclass(frozen=True)
class SharedFilter:
    """Which shared items to show: words, one participant, one domain, or all."""

    text: str = ""
    participant: str | None = None
    domain: Domain | None = None
    to_discuss_only: bool = False


@dataclass(frozen=True)
class UnsentComment:
    """A coach's comment not sent yet: which it is, to whom, on what, and how it starts."""

    id: str
    to: str
    about: str
    start: str


def _start(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _item_counts(session: Session, *conditions: ColumnElement[bool]) -> dict[str, int]:
    query = select(SharedItem.participant, func.count()).where(*conditions)
    return {row[0]: row[1] for row in session.execute(query.group_by(SharedItem.participant))}


def _comment_counts(session: Session, *conditions: ColumnElement[bool]) -> dict[str, int]:
    query = select(Comment.contact, func.count()).where(*conditions).group_by(Comment.contact)
    return {row[0]: row[1] for row in session.execute(query)}


def _record(r: SharedItem) -> SharedItemRecord:
    return SharedItemRecord(
        r.participant,
        r.item_id,
        r.kind,
        r.title,
        r.content,
        r.previous_content,
        r.commented_content,
        stages_from_json(r.stages),
        parse_domains([d for d in r.domains.split(",") if d]),
        tuple(t for t in r.tags.split("\n") if t),
        r.written_at,
        r.version,
        r.received_at,
        r.discussed,
    )


class WorkspaceService:
    """A coach's view of what participants have shared: who, what is waiting, and the balance of
    domains across what they shared.

    Made over an open journal, `WorkspaceService(journal)`; each method is one transaction.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def participants(self) -> list[ParticipantSummary]:
        """Every participant who has shared something (or was added), by name."""
        with unit(self._journal.engine) as session:
            items = _item_counts(session)
            to_discuss = _item_counts(session, SharedItem.discussed.is_(False))
            received = dict(
                session.execute(
                    select(SharedItem.participant, func.max(SharedItem.received_at)).group_by(
                        SharedItem.participant
                    )
                ).all()
            )
            unread = _comment_counts(session, Comment.mine.is_(False), Comment.read.is_(False))
            unsent = _comment_counts(session, Comment.mine.is_(True), Comment.sent_at.is_(None))
            contacts = session.scalars(
                select(Contact).where(Contact.role == Role.PARTICIPANT.value).order_by(Contact.name)
            ).all()
            return [
                ParticipantSummary(
                    c.fingerprint,
                    c.name,
                    items.get(c.fingerprint, 0),
                    to_discuss.get(c.fingerprint, 0),
                    unread.get(c.fingerprint, 0),
                    unsent.get(c.fingerprint, 0),
                    received.get(c.fingerprint),
                    bool(c.verified),
                )
                for c in contacts
            ]

    def waiting_work(self) -> CoachingWork:
        """How many shares, replies and unsent comments wait for the coach (three counts)."""
        with self._journal.reading() as conn:
            return records.waiting_work(conn)

    def unsent_comments(self) -> list[UnsentComment]:
        """The coach's comments waiting for a feedback package, oldest first."""
        query = (
            select(Comment, Contact.name, SharedItem.title)
            .join(Contact, Contact.fingerprint == Comment.contact)
            .outerjoin(
                SharedItem,
                (SharedItem.participant == Comment.contact)
                & (SharedItem.item_id == Comment.item_id),
            )
            .where(
                Contact.role == Role.PARTICIPANT.value,
                Comment.mine.is_(True),
                Comment.sent_at.is_(None),
            )
            .order_by(Comment.created_at)
        )
        with unit(self._journal.engine) as session:
            return [
                UnsentComment(
                    comment.id,
                    name,
                    title or "an item no longer shared",
                    _start(comment.body),
                )
                for comment, name, title in session.execute(query)
            ]

    def shared_items(
        self, participant: str | None = None, *, where: SharedFilter | None = None
    ) -> list[SharedItemRecord]:
        """Shared items, newest first: best match first when searching words, and the longest
        waiting first when only those not yet discussed."""
        where = where or SharedFilter(participant=participant)
        query = select(SharedItem)
        if where.participant is not None:
            query = query.where(SharedItem.participant == where.participant)
        if where.to_discuss_only:
            query = query.where(SharedItem.discussed.is_(False))
        if where.domain is not None:
            query = query.where(
                func.instr("," + SharedItem.domains + ",", f",{where.domain.value},") > 0
            )
        match = parse_query(where.text).fts()
        with unit(self._journal.engine) as session:
            if where.text.strip() and not match:
                return []  # only punctuation: nothing the index could find
            if match:
                ranked = (
                    select(SharedDoc.participant, SharedDoc.item_id, _FTS.c.rank)
                    .join(SharedDoc, SharedDoc.rowid == _FTS.c.rowid)
                    .where(literal_column("search_index_shared").op("MATCH")(match))
                    .order_by(_FTS.c.rank)
                    .limit(SEARCH_LIMIT)
                    .subquery()
                )
                query = query.join(
                    ranked,
                    (ranked.c.participant == SharedItem.participant)
                    & (ranked.c.item_id == SharedItem.item_id),
                ).order_by(ranked.c.rank)
                rows = session.scalars(query)
            elif where.to_discuss_only:  # what waits for feedback: the longest waiting first
                rows = session.scalars(
                    query.order_by(SharedItem.received_at, SharedItem.written_at)
                )
            else:
                rows = session.scalars(query.order_by(SharedItem.written_at.desc()))
            return [_record(r) for r in rows]

    def shared_item(self, participant: str, item_id: str) -> SharedItemRecord:
        """One shared item (a clear error when it is no longer here)."""
        with unit(self._journal.engine) as session:
            row = session.get(SharedItem, (participant, item_id))
            if row is None:
                raise JournalError("That shared item is no longer here.")
            return _record(row)

    def find_shared(self, item_id: str) -> SharedItemRecord | None:
        """The shared item with this entry or cycle id, from whichever participant shared it."""
        with unit(self._journal.engine) as session:
            row = session.scalars(select(SharedItem).where(SharedItem.item_id == item_id)).first()
            return None if row is None else _record(row)

    def mark_discussed(self, participant: str, item_id: str, discussed: bool) -> None:
        """Tick (or untick) an item as discussed in a session."""
        with unit(self._journal.engine) as session:
            row = session.get(SharedItem, (participant, item_id))
            if row is None:
                raise JournalError("That shared item is no longer here.")
            row.discussed = discussed

    def mark_replies_read(self, participant: str, item_id: str) -> None:
        """The coach has read the participant's replies on this item."""
        with unit(self._journal.engine) as session:
            for row in session.scalars(
                select(Comment).where(
                    Comment.contact == participant,
                    Comment.item_id == item_id,
                    Comment.mine.is_(False),
                    Comment.read.is_(False),
                )
            ):
                row.read = True

    def domain_balance(self, participant: str | None = None) -> dict[Domain, int]:
        """How many shared items touch each domain (an item in two domains counts twice)."""
        query = select(SharedItem.domains, func.count()).group_by(SharedItem.domains)
        if participant is not None:
            query = query.where(SharedItem.participant == participant)
        counts = dict.fromkeys(Domain, 0)
        with unit(self._journal.engine) as session:
            for domains, n in session.execute(query):
                for domain in parse_domains([d for d in domains.split(",") if d]):
                    counts[domain] += n
        return counts
