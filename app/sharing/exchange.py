"""Sharing entries with a coach and bringing comments back, as packages (both directions).

Participant: choose entries and cycles, make a share package for one coach (replies to
comments ride along), later import the coach's feedback. Coach: import shares into a read-only
workspace per participant, comment, and make a feedback package for one participant.
Every import is atomic and idempotent: the same file twice changes nothing and says so.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing import records
from app.sharing.content import (
    MAX_NOTE,
    CommentNote,
    ContentError,
    CycleFacts,
    SharedRecord,
    SharedStage,
    check_feedback,
    check_share,
    note_json,
    record_json,
    stages_json,
)
from app.sharing.keys import canonical
from app.sharing.package import (
    MAX_CONTENT_BYTES,
    OpenedPackage,
    PackageError,
    check_content,
    open_package,
    seal_bytes,
)
from app.sharing.records import CommentRecord, ContactRecord, Role, SentBefore, Who, share_message
from app.storage.tables import (
    Comment,
    Contact,
    ReceivedPackage,
    SentVersion,
    SharedItem,
)
from app.storage.transaction import transaction
from app.summary.privacy import LocatedFinding, find_in
from app.words import counted
from app.writing.links import plain_text


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


# -- participant: what to share ------------------------------------------------------------


_WRITTEN = {"title", "body", "tags"}
_STAGE_WRITTEN = {"title", "text"}


def privacy_findings(records: tuple[SharedRecord, ...]) -> list[LocatedFinding]:
    """What could identify someone in the words of the records (not in ids or timestamps,
    whose digits can look like a phone number)."""

    def written(path: tuple[str | int, ...]) -> bool:
        if len(path) > 1 and path[1] in _WRITTEN:
            return True
        return len(path) > 3 and path[1] == "stages" and path[3] in _STAGE_WRITTEN

    return [f for f in find_in(records) if written(f.path)]


@dataclass(frozen=True)
class Outgoing:
    """A package ready to write, and what to record once it is written."""

    data: bytes
    contact: ContactRecord
    versions: dict[str, str]
    notes: tuple[str, ...]


def _checked(kind: str, payload: dict[str, Any], refused: str) -> bytes:
    """The content as it will travel, after the very checks the receiver will run on it.

    A package the other side would refuse is caught here, before any file is written or
    anything is recorded as sent, and `refused` starts the sentence that says why.
    """
    content = canonical(payload)
    if len(content) > MAX_CONTENT_BYTES:
        raise JournalError(
            f"{refused}: it would be larger than one package may be "
            f"({MAX_CONTENT_BYTES // (1024 * 1024)} MB); send fewer items at a time."
        )
    try:
        received = check_content(content)
        if kind == "share":
            check_share(received)
        else:
            check_feedback(received)
    except ContentError as exc:
        where = f"{exc.where} cannot go as it is: " if exc.where else ""
        raise JournalError(f"{refused}: {where}{exc.reason} Shorten it, then try again.") from None
    except PackageError as exc:
        raise JournalError(f"{refused}: the other side's app would refuse it ({exc}).") from None
    return content


# -- comments (both sides) -----------------------------------------------------------------


def _check_body(body: str) -> None:
    if not body.strip():
        raise JournalError("The comment is empty.")
    if len(body) > MAX_NOTE:  # the other side would refuse every package carrying it
        raise JournalError(
            f"The comment is longer than a package may carry ({MAX_NOTE:,} characters); shorten it."
        )


SENT_IS_FINAL = (
    "That comment went in a feedback package on {day}, so it can no longer be {done}; "
    "write a new comment instead."
)


def _pending(session: Session, comment_id: str, done: str) -> Comment:
    """One's own comment that has not gone yet; refused in words otherwise."""
    row = session.get(Comment, comment_id)
    if row is None:
        raise JournalError("That comment is no longer here; nothing was changed.")
    if not row.mine:
        raise JournalError("Only your own comments can be changed; nothing was changed.")
    if row.sent_at is not None:
        sent = row.sent_at.astimezone()
        day = f"{sent.day} {sent:%B %Y}"
        raise JournalError(SENT_IS_FINAL.format(day=day, done=done))
    return row


def _comment(row: Comment) -> CommentRecord:
    return CommentRecord(
        row.id,
        row.contact,
        row.item_id,
        row.stage_id,
        row.mine,
        row.body,
        row.created_at,
        row.read,
        row.sent_at is not None,
        row.reply_to,
    )


# -- importing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageResult:
    """What importing a package did, in a sentence, and in numbers for a window to word.

    `kind` is "share" or "feedback"; `items` counts the shared items added or updated and
    `notes` the comments (feedback) or replies (share) that came with it. `sender` is the name
    this journal knows them by; `verified` is False for a participant whose fingerprint the
    coach has not yet compared, and `fingerprint` is theirs.
    """

    message: str
    changed: bool
    kind: str = ""
    sender: str = ""
    items: int = 0
    notes: int = 0
    verified: bool = True
    fingerprint: str = ""


Progress = Callable[[int, int], None]
PROGRESS_STEP = 100


def _remember_participant(session: Session, opened: OpenedPackage) -> Contact:
    """The sender as a contact: a new card is added unverified, a known one keeps its name.

    The name on a card is whatever its maker typed, so it never renames someone the coach
    already knows; a new card with a name already in use is a separate person, told apart
    by fingerprint until the coach verifies them.
    """
    card = opened.sender
    row = session.get(Contact, card.fingerprint)
    if row is None:
        row = Contact(
            fingerprint=card.fingerprint,
            name=card.name,
            role=Role.PARTICIPANT.value,
            encryption_key=card.encryption_key,
            signing_key=card.signing_key,
            added_at=_now(),
            verified=False,
        )
        session.add(row)
    return row


def _apply_record(session: Session, participant: str, record: SharedRecord) -> int:
    version = datetime.fromisoformat(record.version)
    row = session.get(SharedItem, (participant, record.id))
    if row is not None and row.version >= version:
        return 0
    if row is None:
        row = SharedItem(participant=participant, item_id=record.id, previous_content="")
        session.add(row)
    else:
        row.previous_content = row.content
        row.discussed = False
    row.kind, row.title, row.content = record.kind, record.title, record.content()
    row.stages = stages_json(record.stages) if record.kind == "cycle" else ""
    row.facts = json.dumps(record.facts.as_json()) if record.facts is not None else ""
    row.domains, row.tags = ",".join(record.domains), "\n".join(record.tags)
    row.written_at, row.version, row.received_at = (
        datetime.fromisoformat(record.written),
        version,
        _now(),
    )
    return 1


def _apply_note(session: Session, contact: str, note: CommentNote) -> None:
    if session.get(Comment, note.id) is not None:
        return
    session.add(
        Comment(
            id=note.id,
            contact=contact,
            item_id=note.item,
            stage_id=note.stage,
            reply_to=note.reply_to,
            mine=False,
            body=note.body,
            created_at=datetime.fromisoformat(note.written),
            read=False,
        )
    )


def unit(engine: Engine) -> contextlib.AbstractContextManager[Session]:
    """One transaction (rolled back on any error; storage failures become StorageError)."""
    return transaction(sessionmaker(engine, expire_on_commit=False))


class ExchangeService:
    """Sharing between a participant and a coach, from this journal's side: what is shared,
    the packages made and taken in, and the comments on shared items.

    Made over an open journal, `ExchangeService(journal)`, like the stores; each method is one
    transaction, and storage failures come out as StorageError.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def records_to_share(
        self, entry_ids: Iterable[str], cycle_ids: Iterable[str]
    ) -> list[SharedRecord]:
        """The chosen entries and cycles as they will travel (nothing else leaves).

        A link to another item travels as its title alone: the coach may not have that item,
        and its address says nothing to them."""
        records = []
        for e in self._journal.entries.get_many(list(dict.fromkeys(entry_ids))):
            if e.deleted is not None:
                raise JournalError(f"'{e.display_title}' is in the trash; restore it to share it.")
            records.append(
                SharedRecord(
                    "entry",
                    e.id,
                    e.display_title,
                    plain_text(e.body),
                    tuple(d.value for d in e.domains),
                    e.tags,
                    _iso(e.created),
                    _iso(e.updated),
                )
            )
        for cycle_id in cycle_ids:
            c = self._journal.cycles.get(cycle_id)
            if c.deleted is not None:
                raise JournalError(f"'{c.display_title}' is in the trash; restore it to share it.")
            records.append(
                SharedRecord(
                    "cycle",
                    c.id,
                    c.display_title,
                    "",
                    tuple(d.value for d in c.domains),
                    c.tags,
                    _iso(c.created),
                    _iso(c.updated),
                    tuple(SharedStage(s.stage_id, s.title, plain_text(s.text)) for s in c.stages),
                    CycleFacts(
                        c.status, c.loop, c.experiment_date, c.reflection_began, c.dimensions
                    ),
                )
            )
        return records

    def marked_for_coach(self) -> tuple[list[str], list[str]]:
        """Entries and cycles marked "share with coach"."""
        return self._journal.entries.flagged_ids(share=True), self._journal.cycles.flagged_ids(
            share=True
        )

    def make_share(self, coach: ContactRecord, records: list[SharedRecord]) -> Outgoing:
        """A share package for one coach, carrying the records and any unsent replies."""
        replies = self._unsent(coach.fingerprint)
        if not records and not replies:
            raise JournalError("Choose at least one entry or cycle to share, or write a reply.")
        payload = {
            "items": [record_json(r) for r in records],
            "replies": [note_json(n) for n in replies],
        }
        content = _checked("share", payload, "Nothing was shared")
        data = seal_bytes(
            "share", content, len(content), self._journal.sharing.identity(), coach.card
        )
        return Outgoing(
            data, coach, {r.id: r.version for r in records}, tuple(n.id for n in replies)
        )

    def make_feedback(self, participant: ContactRecord) -> Outgoing:
        """A feedback package for one participant, carrying the comments not yet sent."""
        notes = self._unsent(participant.fingerprint)
        if not notes:
            raise JournalError(f"There are no new comments for {participant.name} to send.")
        payload = {"comments": [note_json(n) for n in notes]}
        content = _checked("feedback", payload, "No feedback package was made")
        data = seal_bytes(
            "feedback", content, len(content), self._journal.sharing.identity(), participant.card
        )
        return Outgoing(data, participant, {}, tuple(n.id for n in notes))

    def record_sent(self, outgoing: Outgoing) -> None:
        """After the file is written: remember the versions and comments that went."""
        now = _now()
        with unit(self._journal.engine) as session:
            for item_id, version in outgoing.versions.items():
                row = session.get(SentVersion, (outgoing.contact.fingerprint, item_id))
                if row is None:
                    row = SentVersion(coach=outgoing.contact.fingerprint, item_id=item_id)
                    session.add(row)
                row.version, row.sent_at = datetime.fromisoformat(version), now
            for note_id in outgoing.notes:
                comment = session.get(Comment, note_id)
                if comment is not None:
                    comment.sent_at = now

    def _unsent(self, contact: str) -> list[CommentNote]:
        with unit(self._journal.engine) as session:
            rows = session.scalars(
                select(Comment)
                .where(
                    Comment.contact == contact, Comment.mine.is_(True), Comment.sent_at.is_(None)
                )
                .order_by(Comment.created_at)
            )
            return [
                CommentNote(r.id, r.item_id, r.stage_id, r.body, _iso(r.created_at), r.reply_to)
                for r in rows
            ]

    def unsent_reply_count(self, contact: str) -> int:
        """How many replies (or comments) wait to go in the next package for this contact."""
        return len(self._unsent(contact))

    def sent_before(self, coach: str) -> dict[str, SentBefore]:
        """What went to this coach before, by entry or cycle id."""
        with unit(self._journal.engine) as session:
            rows = session.scalars(select(SentVersion).where(SentVersion.coach == coach))
            return {r.item_id: SentBefore(r.version, r.sent_at) for r in rows}

    def write_comment(
        self,
        contact: str,
        item_id: str,
        body: str,
        *,
        stage_id: str = "",
        reply_to: str | None = None,
    ) -> CommentRecord:
        """A new comment (coach) or reply (participant), to go in the next package."""
        _check_body(body)
        with unit(self._journal.engine) as session:
            row = Comment(
                id=str(uuid.uuid4()),
                contact=contact,
                item_id=item_id,
                stage_id=stage_id,
                reply_to=reply_to,
                mine=True,
                body=body,
                created_at=_now(),
                read=True,
            )
            session.add(row)
            shared = session.get(SharedItem, (contact, item_id))
            if shared is not None:  # a coach's comment: remember what it was about
                shared.commented_content = shared.content
            session.flush()
            return _comment(row)

    def edit_pending_comment(self, comment_id: str, body: str) -> CommentRecord:
        """Change the words of a comment (or reply) written here that has not been sent yet.

        A sent comment is refused: the other side already has it, and a package cannot take it
        back.
        """
        _check_body(body)
        with unit(self._journal.engine) as session:
            row = _pending(session, comment_id, "edited")
            row.body = body
            return _comment(row)

    def withdraw_pending_comment(self, comment_id: str) -> CommentRecord:
        """Delete a comment (or reply) written here that has not been sent yet; the one removed.

        A sent comment is refused, as for editing. When it was the coach's last comment on a
        shared item, the item no longer counts as commented on ("changed since your comment").
        """
        with unit(self._journal.engine) as session:
            row = _pending(session, comment_id, "withdrawn")
            withdrawn = _comment(row)
            session.delete(row)
            session.flush()
            shared = session.get(SharedItem, (row.contact, row.item_id))
            others = select(Comment.id).where(
                Comment.contact == row.contact,
                Comment.item_id == row.item_id,
                Comment.mine.is_(True),
            )
            if shared is not None and session.scalars(others).first() is None:
                shared.commented_content = ""
            return withdrawn

    def comments_on(self, item_id: str) -> list[CommentRecord]:
        """Every comment and reply on an entry or cycle, oldest first."""
        with unit(self._journal.engine) as session:
            rows = session.scalars(
                select(Comment).where(Comment.item_id == item_id).order_by(Comment.created_at)
            )
            return [_comment(r) for r in rows]

    def mark_read(self, item_id: str, comment_ids: Collection[str] | None = None) -> None:
        """The participant has seen the comments on this item (only `comment_ids`, if given)."""
        query = select(Comment).where(Comment.item_id == item_id, Comment.read.is_(False))
        if comment_ids is not None:
            query = query.where(Comment.id.in_(list(comment_ids)))
        with unit(self._journal.engine) as session:
            for row in session.scalars(query):
                row.read = True

    def unread_counts(
        self, role: Role | None = None, *, live_items_only: bool = False
    ) -> dict[str, int]:
        """Unread comments per entry or cycle id (only items that have some).

        With `role`, only comments from contacts in that role count (Role.COACH: what a
        participant's coaches wrote, not replies from the people a coach journal coaches). With
        `live_items_only`, comments on the journal's own entries and cycles that are in the trash
        do not count (there is nothing to open for them).
        """
        with self._journal.reading() as conn:
            return records.unread_counts(conn, role, live_items_only=live_items_only)

    def import_package(self, data: bytes, progress: Progress | None = None) -> PackageResult:
        """Open, check and apply a share or feedback package in one transaction.

        `progress(done, total)` is called as records are applied; if it raises (a Cancel button),
        the transaction rolls back and the journal is unchanged.
        """
        opened = open_package(data, self._journal.sharing.identity())
        if opened.kind == "share":
            records, notes = check_share(opened.payload)
        else:
            records, notes = [], check_feedback(opened.payload)
        with unit(self._journal.engine) as session:
            if session.get(ReceivedPackage, opened.package_id) is not None:
                return PackageResult(
                    "This package was imported before; nothing changed.",
                    changed=False,
                    kind=opened.kind,
                    sender=opened.sender.name,
                    fingerprint=opened.sender.fingerprint,
                )
            sender = opened.sender.fingerprint
            if opened.kind == "feedback":
                contact = session.get(Contact, sender)
                if contact is None or contact.role != Role.COACH.value:
                    raise PackageError(
                        f"This feedback is from {opened.sender.name!r} ({sender}), who is not "
                        "one of your coaches. Add their card first if you expected it."
                    )
            else:
                contact = _remember_participant(session, opened)
            who = Who(contact.name, sender, contact.verified)
            session.add(
                ReceivedPackage(
                    package_id=opened.package_id,
                    kind=opened.kind,
                    sender=sender,
                    created=opened.created,
                    received_at=_now(),
                )
            )
            total, updated = len(records) + len(notes), 0
            report = progress or (lambda done, total: None)
            report(0, total)
            for done, record in enumerate(records, 1):
                updated += _apply_record(session, sender, record)
                if done % PROGRESS_STEP == 0 and done < total:
                    report(done, total)
            for note in notes:
                _apply_note(session, sender, note)
            report(total, total)
        if opened.kind == "share":
            return PackageResult(
                share_message(updated, len(notes), who),
                changed=True,
                kind=opened.kind,
                sender=who.name,
                items=updated,
                notes=len(notes),
                verified=who.verified,
                fingerprint=who.fingerprint,
            )
        return PackageResult(
            f"Imported {counted(len(notes), 'comment', 'comments')} from {who.name}.",
            changed=True,
            kind=opened.kind,
            sender=who.name,
            notes=len(notes),
            fingerprint=who.fingerprint,
        )
