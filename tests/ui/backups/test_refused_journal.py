"""A journal whose journal.db is missing, empty or another's: the window says so and offers a
restore; it never sets up a new journal over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.journal.opening import Journal, create_journal, open_journal
from app.journal.restore import RestoredBackup
from app.storage.keys import SystemKeyring
from app.storage.meta import db_path
from app.ui.backups.refused_journal import RefusedJournalDialog, RestoreWizard
from app.ui.start.restore_pages import RestoreJournal
from app.ui.start.setup_wizard import SetupWizard
from app.ui.start.unlock_dialogs import PassphraseDialog
from app.ui.window.launch import main
from app.ui.window.main_window import MainWindow
from tests.support.backups import folder_digest
from tests.support.data import NOW, PASSPHRASE
from tests.support.journals import entry_titles
from tests.ui.launching import FakePrompts, close_windows_when_shown


@pytest.fixture
def backed_up(journal_dir: Path, key_store: SystemKeyring) -> tuple[Path, str]:
    """A keyring journal holding "Huddle", its backup, and its recovery code."""
    journal, code = create_journal(journal_dir, key_store)
    journal.entries.create("Huddle", "Asked first.")
    backup = journal.backups.take(NOW).record.path
    journal.close()
    return backup, code


def test_a_missing_database_shows_what_happened_and_the_backups_never_setup(
    qtbot, journal_dir: Path, key_store: SystemKeyring, backed_up: tuple[Path, str]
) -> None:
    backup, _code = backed_up
    db_path(journal_dir).unlink()
    before = folder_digest(journal_dir)
    seen: list[tuple[str, str, list[str]]] = []

    def look_and_close(tries: int = 500) -> None:
        # The opening window runs the event loop before the refusal is shown: look again.
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RefusedJournalDialog):
            if tries > 0:
                QTimer.singleShot(1, lambda: look_and_close(tries - 1))
            return
        seen.append(
            (
                dialog.windowTitle(),
                dialog.message.text(),
                [dialog.restore_button.text(), dialog.close_button.text()],
            )
        )
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, look_and_close)
    assert main(journal_dir, ["inquiry-journal"], key_store=key_store) == 1

    [(title, message, buttons)] = seen
    assert title == "Your journal was not opened"
    assert message.startswith(f"{db_path(journal_dir)} is missing, so the journal was not")
    assert backup.name in message and "Restore a backup..." in message
    assert [b.replace("&", "") for b in buttons] == ["Restore a backup...", "Close"]
    assert not any(
        isinstance(w, (MainWindow, SetupWizard)) and w.isVisible()
        for w in QApplication.topLevelWidgets()
    )
    assert folder_digest(journal_dir) == before


def test_a_passphrase_journal_with_an_empty_database_is_refused_before_asking(
    journal_dir: Path, no_keyring: object
) -> None:
    create_journal(journal_dir, SystemKeyring(), PASSPHRASE)[0].close()
    db_path(journal_dir).write_bytes(b"")
    prompts = FakePrompts(passphrase=PASSPHRASE)
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts) == 1
    assert prompts.asked == ["refused"]
    assert "is empty (0 bytes)" in prompts.refusals[0]
    assert db_path(journal_dir).stat().st_size == 0


def test_another_journals_database_is_refused_after_the_passphrase(
    qtbot, tmp_path: Path, journal_dir: Path, no_keyring: object
) -> None:
    store = SystemKeyring()
    create_journal(journal_dir, store, PASSPHRASE)[0].close()
    create_journal(tmp_path / "other", store, PASSPHRASE)[0].close()
    shutil.copyfile(db_path(tmp_path / "other"), db_path(journal_dir))

    dialog = PassphraseDialog(journal_dir, store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PassphraseDialog.DialogCode.Rejected
    assert dialog.refusal is not None and "belongs to another journal" in str(dialog.refusal)

    prompts = FakePrompts(passphrase=PASSPHRASE)
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts) == 1
    assert prompts.asked == ["passphrase", "refused"]


def test_restoring_from_the_refusal_opens_the_journal_as_it_was_backed_up(
    qtbot, journal_dir: Path, key_store: SystemKeyring, backed_up: tuple[Path, str]
) -> None:
    backup, code = backed_up
    db_path(journal_dir).write_bytes(b"")

    def restore(folder: Path, restore: RestoreJournal) -> Journal | None:
        return restore(folder, backup, code, None)[0]

    prompts = FakePrompts(restore_after_refusal=restore)
    close_windows_when_shown()
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert prompts.asked == ["refused"]
    journal = open_journal(journal_dir, key_store)
    try:
        assert entry_titles(journal) == ["Huddle"]
    finally:
        journal.close()
    assert [p.name for p in journal_dir.glob("before-restore-*/journal.db")] == ["journal.db"]


def test_the_restore_wizard_restores_this_journal_with_the_recovery_code(
    qtbot, journal_dir: Path, key_store: SystemKeyring, backed_up: tuple[Path, str]
) -> None:
    from app.journal.restore import restore_with_recovery_code

    backup, code = backed_up
    db_path(journal_dir).unlink()
    starts: list[Path] = []

    def choose(parent: QWidget, start: Path) -> Path:
        starts.append(start)
        return backup

    def restore(
        folder: Path, chosen: Path, typed: str, passphrase: str | None
    ) -> tuple[Journal, RestoredBackup, str | None]:
        return restore_with_recovery_code(folder, chosen, typed, key_store, passphrase)

    wizard = RestoreWizard(
        journal_dir, key_store, restore, backups_folder=backup.parent, choose_backup=choose
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.restore_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.restore_page.code_edit, code)
    wizard.next()
    assert starts == [backup.parent]
    assert wizard.currentPage() is wizard.restored_page
    assert wizard.journal is not None
    try:
        assert entry_titles(wizard.journal) == ["Huddle"]
    finally:
        wizard.journal.close()


def test_recovery_onto_another_journals_database_leads_to_the_refusal(
    qtbot, tmp_path: Path, journal_dir: Path, key_store: SystemKeyring
) -> None:
    import keyring

    from app.storage.keys import KEYRING_SERVICE
    from app.storage.meta import read_meta
    from app.ui.start.unlock_dialogs import RecoverDialog

    create_journal(journal_dir, key_store)[0].close()
    other, their_code = create_journal(tmp_path / "other", key_store)
    other.close()
    shutil.copyfile(db_path(tmp_path / "other"), db_path(journal_dir))
    keyring.delete_password(KEYRING_SERVICE, read_meta(journal_dir).journal_id)

    dialog = RecoverDialog(journal_dir, key_store, "The key is not in the keyring.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_edit, their_code)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecoverDialog.DialogCode.Rejected
    assert dialog.refusal is not None and "belongs to another journal" in str(dialog.refusal)


def test_a_keyring_journal_is_restored_from_the_refusal_without_its_recovery_code(
    qtbot, journal_dir: Path, key_store: SystemKeyring, backed_up: tuple[Path, str]
) -> None:
    backup, _code = backed_up
    db_path(journal_dir).unlink()
    done: list[Journal] = []

    def restore_in_wizard(tries: int = 500) -> None:
        wizard = QApplication.activeModalWidget()
        if isinstance(wizard, RefusedJournalDialog):
            qtbot.mouseClick(wizard.restore_button, Qt.MouseButton.LeftButton)
        if not isinstance(wizard, RestoreWizard):
            if tries > 0:
                QTimer.singleShot(1, lambda: restore_in_wizard(tries - 1))
            return
        page = wizard.restore_page
        assert "no recovery code is needed" in page.subTitle()
        assert not page.choice.isVisible()
        assert not page.isComplete()  # a backup must still be chosen
        page.backup = backup
        page.completeChanged.emit()
        assert page.isComplete()
        wizard.next()
        assert wizard.currentPage() is wizard.restored_page
        assert wizard.journal is not None
        done.append(wizard.journal)
        wizard.accept()

    QTimer.singleShot(0, restore_in_wizard)
    close_windows_when_shown()
    assert main(journal_dir, ["inquiry-journal"], key_store=key_store) == 0
    assert len(done) == 1
    reopened = open_journal(journal_dir, key_store)
    try:
        assert entry_titles(reopened) == ["Huddle"]
    finally:
        reopened.close()
