"""The reads the window makes as it opens, in plain SQL (app/sharing/records.py), give what the
ORM's queries gave: who the journal shares with, unread comments per item, what waits for
the coach, and whether Coaching is offered.

Each ORM query below is the one the stores ran before these reads were written in SQL; both
are asked of the same journals, full of shares, comments and replies both ways, on the plain
connection a journal opens with and on a connection from the ORM's engine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.journal.opening import Journal, open_journal
from app.sharing.exchange import ExchangeService
from app.sharing.keys import Card
from app.sharing.records import (
    CoachingWork,
    ContactRecord,
    Role,
    contacts,
    unread_counts,
    waiting_work,
)
from app.sharing.workspace import WorkspaceService
from app.storage.keys import SystemKeyring
from app.storage.tables import Comment, Contact, Cycle, Entry, SharedItem
from app.ui.coach.availability import coaching_available
from tests.support.sharing import pair_with_coach, send_share

ROLES = (None, Role.COACH, Role.PARTICIPANT)


def _orm_contacts(journal: Journal, role: Role | None) -> list[ContactRecord]:
    query = select(Contact).order_by(Contact.name)
    if role is not None:
        query = query.where(Contact.role == role.value)
    with Session(journal.engine) as session:
        return [
            ContactRecord(
                card=Card(r.name, r.encryption_key, r.signing_key),
                role=Role(r.role),
                added=r.added_at,
                verified=bool(r.verified),
            )
            for r in session.scalars(query)
        ]


def _orm_unread(journal: Journal, role: Role | None, live_items_only: bool) -> dict[str, int]:
    query = select(Comment.item_id, func.count()).where(Comment.read.is_(False))
    if role is not None:
        query = query.join(Contact, Contact.fingerprint == Comment.contact).where(
            Contact.role == role.value
        )
    if live_items_only:
        query = query.where(
            or_(
                exists().where(Entry.id == Comment.item_id, Entry.deleted_at.is_(None)),
                exists().where(Cycle.id == Comment.item_id, Cycle.deleted_at.is_(None)),
            )
        )
    with Session(journal.engine) as session:
        return {row[0]: row[1] for row in session.execute(query.group_by(Comment.item_id))}


def _orm_waiting(journal: Journal) -> CoachingWork:
    with Session(journal.engine) as session:
        shares = select(func.count()).select_from(SharedItem)
        people = select(Contact.fingerprint).where(Contact.role == Role.PARTICIPANT.value)
        comments = select(func.count()).select_from(Comment).where(Comment.contact.in_(people))
        return CoachingWork(
            session.scalar(shares.where(SharedItem.discussed.is_(False))) or 0,
            session.scalar(comments.where(Comment.mine.is_(False), Comment.read.is_(False))) or 0,
            session.scalar(comments.where(Comment.mine.is_(True), Comment.sent_at.is_(None))) or 0,
        )


def _plain(journal: Journal) -> dict[str, object]:
    """Every read, as the window makes it (on whichever connection `reading` lends)."""
    with journal.reading() as conn:
        found: dict[str, object] = {f"contacts {role}": contacts(conn, role) for role in ROLES}
        for role in ROLES:
            for live in (False, True):
                found[f"unread {role} {live}"] = unread_counts(conn, role, live_items_only=live)
        found["waiting"] = waiting_work(conn)
    found["coaching"] = coaching_available(journal)
    return found


def _orm(journal: Journal) -> dict[str, object]:
    found: dict[str, object] = {f"contacts {role}": _orm_contacts(journal, role) for role in ROLES}
    for role in ROLES:
        for live in (False, True):
            found[f"unread {role} {live}"] = _orm_unread(journal, role, live)
    found["waiting"] = _orm_waiting(journal)
    found["coaching"] = bool(_orm_contacts(journal, Role.PARTICIPANT))
    return found


@pytest.fixture
def exchanged(journal: Journal, coach: Journal) -> tuple[Journal, Journal, dict[str, str]]:
    """Alex shared three entries and a cycle with Sam, Sam commented and sent feedback, Alex
    read one comment, replied to another and shared again; then one entry and the cycle went
    to the trash, and a comment from someone no longer a contact arrived."""
    alex = pair_with_coach(journal, coach)
    ids = {
        name: alex.entries.create(name.title(), f"About the {name}.").id
        for name in ("huddle", "handover", "rota")
    }
    inquiry = alex.cycles.create_inquiry("Do people speak up earlier?")
    cycle = alex.cycles.start_cycle(inquiry.id, "quick-capture")
    alex.cycles.save_stage(cycle.id, "surprise", "Two people spoke up.")
    ids["cycle"] = cycle.id
    ExchangeService(coach).import_package(
        send_share(alex, [ids["huddle"], ids["handover"], ids["rota"]], [cycle.id])
    )
    sam = ExchangeService(coach)
    alex_card = coach.sharing.find("Alex", Role.PARTICIPANT)
    first = sam.write_comment(alex_card.fingerprint, ids["huddle"], "What was the silence like?")
    sam.write_comment(alex_card.fingerprint, ids["huddle"], "And afterwards?")
    sam.write_comment(alex_card.fingerprint, ids["handover"], "Who led it?")
    sam.write_comment(alex_card.fingerprint, ids["rota"], "Is this still true?")
    sam.write_comment(alex_card.fingerprint, cycle.id, "Who?", stage_id="surprise")
    feedback = sam.make_feedback(alex_card)
    sam.record_sent(feedback)
    ExchangeService(alex).import_package(feedback.data)
    sam.write_comment(alex_card.fingerprint, ids["rota"], "Not sent yet.")  # waits to go
    coach_card = alex.sharing.find("Sam (coach)", Role.COACH).fingerprint
    ExchangeService(alex).mark_read(ids["handover"])
    ExchangeService(alex).write_comment(
        coach_card, ids["huddle"], "Long, but useful.", reply_to=first.id
    )
    ExchangeService(coach).import_package(send_share(alex, [ids["huddle"]]))
    alex.entries.trash(ids["rota"])
    alex.cycles.trash(cycle.id)
    with alex.writing() as conn:  # from a card since removed: counted only without a role
        conn.execute(
            "INSERT INTO comments (id, contact, item_id, stage_id, mine, body, created_at, read) "
            "VALUES ('c-gone', 'GONE-GONE-GONE-GONE', ?, '', 0, 'Hello', "
            "'2026-03-01 09:30:00.000000', 0)",
            (ids["handover"],),
        )
    return alex, coach, ids


def _reopened(journal: Journal, key_store: SystemKeyring) -> Journal:
    folder: Path = journal.folder
    journal.close()
    return open_journal(folder, key_store)


def test_the_plain_reads_answer_as_the_orm_did(
    exchanged: tuple[Journal, Journal, dict[str, str]], key_store: SystemKeyring
) -> None:
    alex, sam, ids = exchanged
    for made in (alex, sam):
        on_engine = _plain(made)  # made by create_journal, so reading lends the engine's
        reopened = _reopened(made, key_store)
        try:
            on_plain = _plain(reopened)  # before anything makes the engine
            orm = _orm(reopened)
        finally:
            reopened.close()
        assert on_plain == orm
        assert on_engine == orm
        assert repr(on_plain) == repr(orm)  # the same types: aware UTC moments, Role, bools

    # And the answers are the ones a person would expect, not merely the same empty ones.
    alex = open_journal(alex.folder, key_store)
    sam = open_journal(sam.folder, key_store)
    try:
        with alex.reading() as conn:
            assert unread_counts(conn, Role.COACH, live_items_only=True) == {ids["huddle"]: 2}
            assert unread_counts(conn, Role.COACH) == {
                ids["huddle"]: 2,
                ids["rota"]: 1,
                ids["cycle"]: 1,
            }
            assert unread_counts(conn) == {
                ids["huddle"]: 2,
                ids["handover"]: 1,
                ids["rota"]: 1,
                ids["cycle"]: 1,
            }
            assert [c.name for c in contacts(conn)] == ["Sam (coach)"]
        with sam.reading() as conn:
            assert unread_counts(conn, Role.PARTICIPANT) == {ids["huddle"]: 1}
            assert unread_counts(conn, Role.COACH) == {}
            [contact] = contacts(conn, Role.PARTICIPANT)
            assert (contact.name, contact.role, contact.verified) == ("Alex", "participant", False)
            assert waiting_work(conn) == CoachingWork(4, 1, 1)
        assert coaching_available(sam) and not coaching_available(alex)
        # The stores read through the same functions.
        assert ExchangeService(alex).unread_counts(Role.COACH) == {
            ids["huddle"]: 2,
            ids["rota"]: 1,
            ids["cycle"]: 1,
        }
        assert WorkspaceService(sam).waiting_work() == CoachingWork(4, 1, 1)
        assert alex.sharing.contacts(Role.COACH) == _orm_contacts(alex, Role.COACH)
    finally:
        alex.close()
        sam.close()


def test_a_new_journal_offers_no_coaching_and_counts_nothing(journal: Journal) -> None:
    assert not coaching_available(journal)
    with journal.reading() as conn:
        assert contacts(conn) == []
        assert unread_counts(conn, Role.COACH, live_items_only=True) == {}
        assert waiting_work(conn) == CoachingWork(0, 0, 0)


def test_a_read_that_fails_is_a_storage_error_and_coaching_stays_hidden(journal: Journal) -> None:
    with journal.writing() as conn:
        conn.execute("DROP TABLE contacts")
    with journal.reading() as conn, pytest.raises(StorageError, match="could not be saved or read"):
        unread_counts(conn, Role.COACH)
    assert not coaching_available(journal)
