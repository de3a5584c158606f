"""The start-up check: what an interrupted operation leaves is finished, undone or removed."""

from __future__ import annotations

import threading
from pathlib import Path

from app.journal.interrupted import (
    PENDING_NAME,
    WORK_FOLDER_NAME,
    Operation,
    Pending,
    begin,
    finish_interrupted,
)
from app.journal.opening import Journal, create_journal, open_journal
from app.storage.keys import SystemKeyring
from app.storage.lock import operation_lock
from app.storage.meta import db_path, journal_exists, read_meta


def test_nothing_to_do_says_nothing(journal: Journal) -> None:
    assert finish_interrupted(journal.folder) is None
    assert finish_interrupted(journal.folder.parent / "no-such-folder") is None


def test_a_journal_whose_creation_was_cut_short_is_removed_and_made_again(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal, _code = create_journal(journal_dir, key_store)
    meta = journal.meta
    journal.close()
    begin(journal_dir, Pending(Operation.CREATE, meta))  # as if killed before the code showed

    notice = finish_interrupted(journal_dir)

    assert notice == "Creating a journal was interrupted, so the unfinished one was removed."
    assert not journal_exists(journal_dir) and not db_path(journal_dir).exists()
    assert not (journal_dir / PENDING_NAME).exists()
    again, _code = create_journal(journal_dir, key_store)  # not refused as half a journal
    again.close()


def test_leftovers_alone_are_removed_and_said_so(journal: Journal) -> None:
    folder = journal.folder
    journal.close()
    (folder / WORK_FOLDER_NAME).mkdir()
    (folder / WORK_FOLDER_NAME / "journal.db").write_bytes(b"x" * 1000)
    (folder / ".journal.db.rekeying").write_bytes(b"x")

    notice = finish_interrupted(folder)

    assert notice is not None and "unfinished files were removed" in notice
    assert not (folder / WORK_FOLDER_NAME).exists()
    assert not (folder / ".journal.db.rekeying").exists()
    open_journal(folder, SystemKeyring()).close()


def test_an_operation_still_running_elsewhere_is_left_alone(journal: Journal) -> None:
    folder = journal.folder
    journal.close()
    begin(folder, Pending(Operation.REKEY, read_meta(folder), staged=".journal.db.rekeying"))
    (folder / ".journal.db.rekeying").write_bytes(b"being written")
    holding, done = threading.Event(), threading.Event()

    def other_operation() -> None:
        with operation_lock(folder):
            holding.set()
            done.wait(timeout=30)

    other = threading.Thread(target=other_operation)
    other.start()
    try:
        assert holding.wait(timeout=30)
        assert finish_interrupted(folder) is None
        assert (folder / PENDING_NAME).exists()
        assert (folder / ".journal.db.rekeying").exists()
    finally:
        done.set()
        other.join()
    # Once it is no longer held, the unswitched re-key is undone.
    assert "still opens with your recovery code" in (finish_interrupted(folder) or "")
    assert not (folder / ".journal.db.rekeying").exists()


def test_a_restore_whose_restored_copy_has_gone_puts_the_journal_back(journal: Journal) -> None:
    folder = journal.folder
    journal.entries.create("Mine", "Still here.")
    meta = journal.meta
    journal.close()
    aside = folder / "before-restore-2026-03-12T090000Z"
    begin(folder, Pending(Operation.RESTORE, meta, ".journal.db.restoring", aside.name))
    aside.mkdir()
    for name in ("journal.db", "journal.json"):
        (folder / name).replace(aside / name)

    notice = finish_interrupted(folder)

    assert notice is not None and "put back as it was" in notice
    assert not aside.exists() and not (folder / PENDING_NAME).exists()
    reopened = open_journal(folder, SystemKeyring())
    try:
        assert [s.title for s in reopened.entries.summaries()] == ["Mine"]
    finally:
        reopened.close()
