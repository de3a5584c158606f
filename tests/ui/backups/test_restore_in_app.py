"""Restore from the window: it closes, the backup is restored, the journal opens again."""

from __future__ import annotations

from pathlib import Path

from app.journal.opening import create_journal, open_journal
from app.storage.keys import SystemKeyring
from app.storage.lock import JournalLock
from app.ui.window.launch import main
from app.ui.window.main_window import MainWindow
from tests.support.data import NOW
from tests.support.journals import entry_titles_at
from tests.ui.launching import FakePrompts, each_new_window


def test_restore_in_the_window_reopens_the_journal_as_restored(
    qtbot, journal_dir: Path, key_store: SystemKeyring, tmp_path: Path
):
    journal, _ = create_journal(journal_dir, key_store)
    journal.entries.create("Before", "")
    backup = journal.backups.write_to(tmp_path / "monday.ijbackup", NOW).path
    journal.entries.create("After", "")
    journal.close()
    said: list[str] = []

    def restore(window: MainWindow) -> None:
        window.controllers.backups.restore(str(backup))

    def look_and_close(window: MainWindow) -> None:
        said.append(window.statusBar().currentMessage())
        said.append(window.message_bar.message)
        window.close()

    each_new_window([restore, look_and_close])
    assert main(journal_dir, ["inquiry-journal"], prompts=FakePrompts(), key_store=key_store) == 0

    assert said[0].startswith("Restored the backup made on ")
    assert said[1] == ""
    assert entry_titles_at(journal_dir) == ["Before"]
    [aside] = journal_dir.glob("before-restore-*")
    assert entry_titles_at(aside) == ["After", "Before"]  # the journal as it was, kept
    with JournalLock(journal_dir):  # released when the last window closed
        pass


def test_a_restore_that_fails_reopens_the_journal_as_it_was_and_says_why(
    qtbot, journal_dir: Path, key_store: SystemKeyring, tmp_path: Path
):
    journal, _ = create_journal(journal_dir, key_store)
    journal.entries.create("Still here", "")
    journal.close()
    not_a_backup = tmp_path / "notes.ijbackup"
    not_a_backup.write_text("agenda", encoding="utf-8")
    said: list[str] = []

    def restore(window: MainWindow) -> None:
        window.controllers.backups.restore(str(not_a_backup))

    def look_and_close(window: MainWindow) -> None:
        said.append(window.message_bar.message)
        window.close()

    each_new_window([restore, look_and_close])
    assert main(journal_dir, ["inquiry-journal"], prompts=FakePrompts(), key_store=key_store) == 0

    assert said == [
        "The backup was not restored: notes.ijbackup is not an Inquiry Journal backup, "
        "or it is damaged (cut short?)."
    ]
    assert entry_titles_at(journal_dir) == ["Still here"]
    assert not list(journal_dir.glob("before-restore-*"))


def test_replacing_this_journal_by_another_in_the_window_opens_the_other(
    qtbot, tmp_path: Path, no_keyring: object
):
    store = SystemKeyring()
    passphrase = "the same passphrase for both"
    other, _ = create_journal(tmp_path / "other", store, passphrase)
    other.entries.create("Theirs", "")
    foreign = other.backups.write_to(tmp_path / "theirs.ijbackup", NOW).path
    other.close()
    mine, _ = create_journal(tmp_path / "mine", store, passphrase)
    mine.entries.create("Mine", "")
    mine.close()
    said: list[str] = []

    def replace(window: MainWindow) -> None:
        window.controllers.backups.replace_by(str(foreign))

    def look_and_close(window: MainWindow) -> None:
        said.append(window.message_bar.message)
        said.append(window.statusBar().currentMessage())
        window.close()

    each_new_window([replace, look_and_close])
    prompts = FakePrompts(passphrase=passphrase)
    assert main(tmp_path / "mine", ["inquiry-journal"], prompts=prompts, key_store=store) == 0
    assert said[0] == "" and said[1].startswith("Restored the backup made on ")
    reopened = open_journal(tmp_path / "mine", store, passphrase)
    try:
        assert sorted(s.title for s in reopened.entries.summaries()) == ["Theirs"]
    finally:
        reopened.close()
    [aside] = (tmp_path / "mine").glob("before-restore-*")
    assert (aside / "journal.db").exists()
