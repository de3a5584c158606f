"""Opening a journal that needs nothing done to it: one plain connection, no SQLAlchemy.

A journal at this app's schema and stamped with its own id opens on the driver alone
(app/storage/ready.py); the ORM's engine is made only when something asks for it, and from
then on owns every connection. These tests check what a person would notice: what they
wrote reads back the same whichever way it was written or read, a failed write leaves
nothing behind, and a journal that does need work still gets it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3

from app.errors import JournalError, StorageError
from app.journal.opening import Journal, open_journal
from app.search.full_text import Order
from app.storage.keys import SystemKeyring
from app.storage.meta import db_path
from app.writing.domains import Domain
from app.writing.entry_record import add_entry
from app.writing.tags import MAX_TAGS


@pytest.fixture
def reopened(journal: Journal, key_store: SystemKeyring) -> Iterator[Journal]:
    """The fixture's journal, closed and opened again as a person's next start would."""
    journal.entries.create("Before", "Written through the ORM on the first day.")
    journal.close()
    again = open_journal(journal.folder, key_store)
    yield again
    again.close()


def _entry_count(journal: Journal) -> int:
    with journal.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])


def test_an_up_to_date_journal_is_read_and_written_on_the_plain_driver(
    reopened: Journal,
) -> None:
    body = "Ça va? 👩🏽‍⚕️ Spoke to the ward manager about the rota.\n" + "Long line. " * 20_000
    with reopened.writing() as conn:
        added = add_entry(
            conn, "Rota — first try", body, [Domain.TEAM], ["rota", "#Rota"], datetime.now(UTC)
        )
    hits = reopened.search.search("rota", order=Order.NEWEST).hits
    assert [hit.item_id for hit in hits] == [added.id]
    # The ORM, made only now, reads back exactly what the plain driver wrote.
    stored = reopened.entries.get(added.id)
    assert (stored.title, stored.body, stored.tags, stored.domains) == (
        "Rota — first try",
        body,
        ("rota",),
        (Domain.TEAM,),
    )
    assert stored.created == added.created


def test_a_failed_write_on_the_plain_driver_saves_nothing(reopened: Journal) -> None:
    too_many = [f"tag{i}" for i in range(MAX_TAGS + 1)]
    with pytest.raises(JournalError, match="at most"), reopened.writing() as conn:
        add_entry(conn, "Too many", "tags", [], too_many, datetime.now(UTC))
    assert _entry_count(reopened) == 1
    with reopened.reading() as conn:
        assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 0


def test_a_storage_failure_on_the_plain_driver_is_a_plain_message(reopened: Journal) -> None:
    with pytest.raises(StorageError, match="could not be saved"), reopened.writing() as conn:
        conn.execute("INSERT INTO no_such_table VALUES (1)")
    assert _entry_count(reopened) == 1


def test_the_engine_takes_over_once_asked_for_and_the_plain_connection_closes(
    reopened: Journal,
) -> None:
    with reopened.reading() as plain:
        pass
    reopened.entries.create("After", "Written once the engine was made.")
    with pytest.raises(sqlcipher3.ProgrammingError):
        plain.execute("SELECT 1")  # closed: nothing is left holding the file
    assert _entry_count(reopened) == 2
    assert {h.title for h in reopened.search.search("written").hits} == {"Before", "After"}


def test_the_engine_made_during_a_plain_read_waits_for_the_read_to_end(
    reopened: Journal,
) -> None:
    with reopened.reading() as conn:
        reopened.entries.create("Inside", "Made while a plain read was open.")
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2
    with pytest.raises(sqlcipher3.ProgrammingError):
        conn.execute("SELECT 1")


def test_reads_from_two_threads_share_the_plain_connection_in_turn(reopened: Journal) -> None:
    counts: list[int] = []

    def count() -> None:
        for _ in range(50):
            counts.append(_entry_count(reopened))

    threads = [threading.Thread(target=count) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts == [1] * 100


def test_a_journal_made_before_the_database_held_its_id_is_still_stamped(
    journal: Journal, key_store: SystemKeyring
) -> None:
    """The plain open cannot vouch for it, so the full open stamps it, as before."""
    folder = journal.folder
    with journal.writing() as conn:
        conn.execute("DELETE FROM journal_identity")
    journal.close()
    again = open_journal(folder, key_store)
    try:
        with again.reading() as conn:
            stamped = conn.execute("SELECT journal_id FROM journal_identity").fetchall()
        assert stamped == [(again.meta.journal_id,)]
    finally:
        again.close()


def test_closing_a_plainly_opened_journal_leaves_no_write_ahead_log(reopened: Journal) -> None:
    with reopened.writing() as conn:
        add_entry(conn, "", "Checkpointed at close.", [], [], datetime.now(UTC))
    reopened.close()
    wal = Path(str(db_path(reopened.folder)) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with pytest.raises(sqlite3.DatabaseError):  # and the file is still encrypted
        sqlite3.connect(db_path(reopened.folder)).execute("SELECT * FROM entries").fetchall()
