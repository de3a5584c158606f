"""Moving to a new laptop: first-run setup restores a backup with the recovery code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.journal.opening import Journal, create_journal, open_journal
from app.journal.restore import RestoredBackup, restore_with_recovery_code
from app.storage.keys import KEYRING_SERVICE, KeyStore, RawKey, SystemKeyring
from app.storage.lock import JournalLock
from app.storage.meta import KeyMode, read_meta
from app.storage.recovery_code import encode_recovery_code
from app.ui.start.restore_pages import RestoreJournal
from app.ui.start.setup_wizard import CreateJournal, SetupWizard
from app.ui.window.launch import main
from app.ui.window.navigation import View
from tests.support.data import NOW
from tests.support.journals import entry_titles
from tests.ui.driver import tick
from tests.ui.launching import FakePrompts, each_new_window
from tests.ui.support import unnamed_controls, view_shown
from tests.ui.wizard import click_wizard, open_wizard

PASSPHRASE = "my ward my rules"


@dataclass(frozen=True)
class OldLaptop:
    """A journal's backup from the old laptop, and its recovery code."""

    backup: Path
    code: str
    journal_id: str


@pytest.fixture
def old_laptop(tmp_path: Path, key_store: SystemKeyring) -> OldLaptop:
    """This laptop's keyring does not hold the old journal's key."""
    journal, code = create_journal(tmp_path / "old laptop", key_store)
    journal.entries.create("Huddle", "Asked the team first.")
    (tmp_path / "OneDrive").mkdir()
    backup = journal.backups.write_to(tmp_path / "OneDrive" / "journal.ijbackup", NOW).path
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, journal.meta.journal_id)
    return OldLaptop(backup, code, journal.meta.journal_id)


class Restorer:
    """The wizard's `restore` callback, keeping what it opened so the test can close it."""

    def __init__(self, key_store: KeyStore) -> None:
        self.key_store = key_store
        self.made: list[Journal] = []

    def __call__(
        self, folder: Path, backup: Path, code: str, passphrase: str | None
    ) -> tuple[Journal, RestoredBackup, str | None]:
        result = restore_with_recovery_code(folder, backup, code, self.key_store, passphrase)
        self.made.append(result[0])
        return result


def open_restoring_wizard(qtbot, folder: Path, key_store: KeyStore, backup: Path) -> SetupWizard:
    """The setup wizard for `folder`, whose Choose backup picks `backup`."""
    return open_wizard(
        qtbot,
        folder,
        key_store,
        restore=Restorer(key_store),
        choose_backup=lambda _parent, _start: backup,
    )


def to_restore_page(qtbot, wizard: SetupWizard) -> None:
    page = wizard.folder_page
    assert page.new_radio.isChecked() and page.restore_radio.isVisible()
    tick(qtbot, page.restore_radio)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.restore_page


def test_a_new_laptop_restores_its_journal_and_keeps_the_key_in_the_keyring(
    qtbot, journal_dir: Path, key_store: SystemKeyring, old_laptop: OldLaptop
):
    wizard = open_restoring_wizard(qtbot, journal_dir, key_store, old_laptop.backup)
    to_restore_page(qtbot, wizard)
    page = wizard.restore_page
    assert unnamed_controls(page) == []
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "&Restore journal" and not commit.isEnabled()

    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert page.file_edit.text() == str(old_laptop.backup)
    assert page.about_label.text().startswith("Made on ")
    qtbot.keyClicks(page.code_edit, old_laptop.code.lower())
    assert commit.isEnabled()
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)

    assert wizard.currentPage() is wizard.restored_page
    message = wizard.restored_page.message.text()
    assert message.startswith("Restored the backup made on ")
    assert message.endswith(f"Its key is now kept in {key_store.description()} on this laptop.")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "&Start writing" and finish.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    click_wizard(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == SetupWizard.DialogCode.Accepted

    assert wizard.journal is not None
    assert entry_titles(wizard.journal) == ["Huddle"]
    wizard.journal.close()
    assert read_meta(journal_dir).journal_id == old_laptop.journal_id
    open_journal(journal_dir, key_store).close()  # from this laptop's keyring from now on


def test_a_wrong_recovery_code_is_explained_and_nothing_is_written(
    qtbot, journal_dir: Path, key_store: SystemKeyring, old_laptop: OldLaptop
):
    wizard = open_restoring_wizard(qtbot, journal_dir, key_store, old_laptop.backup)
    to_restore_page(qtbot, wizard)
    page = wizard.restore_page
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)

    qtbot.keyClicks(page.code_edit, encode_recovery_code(RawKey.generate().value))
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is page
    assert page.error.text().startswith("That recovery code does not open this backup")

    page.code_edit.setText(old_laptop.code[:-6])  # a group left out
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is page
    assert "11 groups of 5" in page.error.text()

    assert wizard.journal is None
    assert not (journal_dir / "journal.db").exists()
    assert not (journal_dir / "journal.json").exists()
    assert key_store.load(old_laptop.journal_id) is None
    wizard.reject()


def test_a_file_that_is_not_a_backup_is_refused_when_chosen(
    qtbot, journal_dir: Path, key_store: SystemKeyring, tmp_path: Path
):
    minutes = tmp_path / "minutes.ijbackup"
    minutes.write_text("minutes of the meeting", encoding="utf-8")
    wizard = open_restoring_wizard(qtbot, journal_dir, key_store, minutes)
    to_restore_page(qtbot, wizard)
    page = wizard.restore_page
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == (
        "minutes.ijbackup is not an Inquiry Journal backup, or it is damaged (cut short?)."
    )
    assert page.file_edit.text() == "" and page.backup is None
    wizard.reject()


def test_a_new_laptop_without_a_keyring_gets_a_passphrase_and_a_new_code(
    qtbot, journal_dir: Path, old_laptop: OldLaptop, no_keyring: object
):
    store = SystemKeyring()
    wizard = open_restoring_wizard(qtbot, journal_dir, store, old_laptop.backup)
    to_restore_page(qtbot, wizard)
    page = wizard.restore_page
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.code_edit, old_laptop.code)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert page.choice.no_keyring_label is not None and not commit.isEnabled()
    qtbot.keyClicks(page.choice.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(page.choice.repeat_edit, PASSPHRASE)
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)

    restored = wizard.restored_page
    assert "protected by your new passphrase" in restored.message.text()
    assert restored.view is not None and restored.view.code != old_laptop.code
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert restored.view.confirm_box is not None
    tick(qtbot, restored.view.confirm_box)
    click_wizard(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.journal is not None
    wizard.journal.close()
    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    reopened = open_journal(journal_dir, store, PASSPHRASE)
    try:
        assert entry_titles(reopened) == ["Huddle"]
        assert reopened.recovery_code() == restored.view.code
    finally:
        reopened.close()


def test_the_app_opens_the_restored_journal_after_setup(
    qtbot, journal_dir: Path, key_store: SystemKeyring, old_laptop: OldLaptop
):
    class RestoringPrompts(FakePrompts):
        def run_setup(
            self, folder: Path, create: CreateJournal, restore: RestoreJournal
        ) -> Journal | Path | None:
            self.asked.append("setup")
            return restore(folder, old_laptop.backup, old_laptop.code, None)[0]

    shown: list[View] = []

    def look_and_close(window) -> None:
        shown.append(view_shown(window))
        window.close()

    each_new_window([look_and_close])
    prompts = RestoringPrompts()
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert prompts.asked == ["setup"] and prompts.errors == []
    assert shown == [View.HOME]
    with JournalLock(journal_dir):  # released when the window closed
        journal = open_journal(journal_dir, key_store)
        try:
            assert entry_titles(journal) == ["Huddle"]
        finally:
            journal.close()
