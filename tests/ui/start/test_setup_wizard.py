"""First-run setup: folder, keyring or passphrase, recovery code; the journal then reopens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.journal.opening import create_journal, open_journal
from app.storage.keys import SystemKeyring
from app.storage.meta import KeyMode, read_meta
from app.storage.recovery_code import decode_recovery_code
from app.ui.start.setup_wizard import SetupWizard
from tests.ui.driver import tick
from tests.ui.wizard import click_wizard, open_wizard

LONG_ENOUGH = "my ward my rules"


def finish_with_code(qtbot, wizard: SetupWizard) -> str:
    """On the recovery-code page: Finish needs the box ticked; tick it and finish."""
    assert wizard.currentPage() is wizard.code_page
    view = wizard.code_page.view
    assert view is not None
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert view.confirm_box is not None
    tick(qtbot, view.confirm_box)
    assert finish.isEnabled()
    click_wizard(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == SetupWizard.DialogCode.Accepted
    return view.code


def test_setup_with_the_keyring_makes_a_journal_that_reopens(qtbot, journal_dir, key_store):
    wizard = open_wizard(qtbot, journal_dir, key_store)
    assert wizard.folder_page.folder_edit.text() == str(journal_dir)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)

    choice = wizard.protection_page.choice
    assert choice.keyring_radio is not None and choice.keyring_radio.isChecked()
    assert key_store.description() in choice.keyring_radio.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "&Create journal" and commit.isEnabled()
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)

    code = finish_with_code(qtbot, wizard)
    assert wizard.journal is not None
    wizard.journal.close()
    assert read_meta(journal_dir).key_mode is KeyMode.KEYRING
    reopened = open_journal(journal_dir, key_store)
    try:
        assert reopened.recovery_code() == code
        assert len(decode_recovery_code(code)) == 32
    finally:
        reopened.close()


def test_without_a_keyring_setup_says_so_and_requires_a_passphrase(qtbot, journal_dir, no_keyring):
    key_store = SystemKeyring()
    wizard = open_wizard(qtbot, journal_dir, key_store)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)

    choice = wizard.protection_page.choice
    assert choice.keyring_radio is None
    assert choice.no_keyring_label is not None and choice.no_keyring_label.isVisible()
    assert "No keyring is available on this computer" in choice.no_keyring_label.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()

    qtbot.keyClicks(choice.passphrase_edit, "short")
    qtbot.keyClicks(choice.repeat_edit, "short")
    assert not commit.isEnabled()  # shorter than the minimum

    choice.passphrase_edit.clear()
    choice.repeat_edit.clear()
    qtbot.keyClicks(choice.passphrase_edit, LONG_ENOUGH)
    qtbot.keyClicks(choice.repeat_edit, LONG_ENOUGH + "!")
    assert not commit.isEnabled()
    assert choice.problem_label.text() == "The two passphrases are different."

    qtbot.keyClick(choice.repeat_edit, Qt.Key.Key_Backspace)
    assert commit.isEnabled()
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    finish_with_code(qtbot, wizard)
    assert wizard.journal is not None
    wizard.journal.close()

    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    open_journal(journal_dir, key_store, LONG_ENOUGH).close()


def test_the_person_may_choose_a_passphrase_even_with_a_keyring(qtbot, journal_dir, key_store):
    wizard = open_wizard(qtbot, journal_dir, key_store)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)
    choice = wizard.protection_page.choice
    assert choice.passphrase_radio is not None
    assert not choice.passphrase_edit.isVisible()
    tick(qtbot, choice.passphrase_radio)
    assert choice.passphrase_edit.isVisible()
    qtbot.keyClicks(choice.passphrase_edit, LONG_ENOUGH)
    qtbot.keyClicks(choice.repeat_edit, LONG_ENOUGH)
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    finish_with_code(qtbot, wizard)
    assert wizard.journal is not None
    wizard.journal.close()
    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE


def test_another_folder_can_be_chosen(qtbot, tmp_path, key_store):
    elsewhere = tmp_path / "On my laptop"
    wizard = open_wizard(
        qtbot, tmp_path / "default", key_store, choose_folder=lambda _parent, _start: elsewhere
    )
    qtbot.mouseClick(wizard.folder_page.choose_button, Qt.MouseButton.LeftButton)
    assert wizard.folder_page.folder_edit.text() == str(elsewhere)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    finish_with_code(qtbot, wizard)
    assert wizard.journal is not None and wizard.journal.folder == elsewhere
    wizard.journal.close()
    assert not (tmp_path / "default" / "journal.json").exists()


def test_choosing_a_folder_that_holds_a_journal_opens_it(qtbot, tmp_path, key_store):
    existing = tmp_path / "existing"
    create_journal(existing, key_store)[0].close()
    wizard = open_wizard(
        qtbot, tmp_path / "default", key_store, choose_folder=lambda _parent, _start: existing
    )
    qtbot.mouseClick(wizard.folder_page.choose_button, Qt.MouseButton.LeftButton)
    assert "already holds a journal" in wizard.folder_page.note.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.text() == "&Open"
    click_wizard(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.journal is None
    assert wizard.existing_folder == existing


def test_once_created_the_wizard_cannot_be_closed_before_the_code_is_kept(
    qtbot, journal_dir, key_store
):
    wizard = open_wizard(qtbot, journal_dir, key_store)
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)
    click_wizard(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    finish_with_code(qtbot, wizard)
    assert wizard.journal is not None
    wizard.journal.close()


def test_enter_on_the_welcome_page_goes_to_the_next_page(qtbot, journal_dir, key_store):
    chooser_opened: list[Path] = []

    def chooser(_parent, start: Path) -> Path | None:
        chooser_opened.append(start)
        return None

    wizard = open_wizard(qtbot, journal_dir, key_store, choose_folder=chooser)
    qtbot.waitExposed(wizard)
    first = wizard.currentId()
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    assert chooser_opened == []
    assert wizard.currentPage() is wizard.protection_page
    assert wizard.currentId() != first
