"""Passphrase fields take a pasted passphrase (password managers), each has a label that stays
in view, and setup says why it cannot go on yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget, QWizard

from app.journal.opening import MIN_PASSPHRASE_LENGTH, create_journal
from app.storage.keys import SystemKeyring
from app.ui.start.unlock_dialogs import PassphraseDialog
from app.ui.window.lock_screen import LockScreen
from tests.ui.wizard import click_wizard, open_wizard

PASTED = "correct horse battery staple"


def pasted_into(field: QLineEdit) -> str:
    """What the field holds after the clipboard's passphrase is pasted into it."""
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    clipboard.setText(PASTED)
    field.clear()
    field.setFocus()
    field.paste()
    return field.text()


def visible_label(window: QWidget, field: QLineEdit) -> str:
    """The text of the shown label that names `field` (its buddy), "" when there is none."""
    for label in window.findChildren(QLabel):
        if label.buddy() is field and label.isVisible() and label.text().strip():
            return label.text().replace("&", "")
    return ""


def test_the_unlock_dialog_takes_a_pasted_passphrase_under_a_label(
    qtbot, journal_dir, no_keyring
) -> None:
    create_journal(journal_dir, SystemKeyring(), PASTED)[0].close()
    dialog = PassphraseDialog(journal_dir, SystemKeyring())
    qtbot.addWidget(dialog)
    dialog.show()
    assert visible_label(dialog, dialog.passphrase_edit) == "Passphrase:"
    assert pasted_into(dialog.passphrase_edit) == PASTED
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.journal is not None
    dialog.journal.close()


def test_the_lock_screen_takes_a_pasted_passphrase_under_a_label(qtbot) -> None:
    screen = LockScreen(asks_passphrase=True)
    qtbot.addWidget(screen)
    screen.show()
    assert visible_label(screen, screen.passphrase_edit) == "Passphrase:"
    assert pasted_into(screen.passphrase_edit) == PASTED
    with qtbot.waitSignal(screen.unlockRequested) as unlocked:
        qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Return)
    assert unlocked.args == [PASTED]

    keyring_screen = LockScreen(asks_passphrase=False)
    qtbot.addWidget(keyring_screen)
    keyring_screen.show()
    assert visible_label(keyring_screen, keyring_screen.passphrase_edit) == ""  # no field


def test_setup_takes_pasted_passphrases_and_says_why_it_cannot_go_on(
    qtbot, journal_dir, no_keyring
) -> None:
    wizard = open_wizard(qtbot, journal_dir, SystemKeyring())
    click_wizard(qtbot, wizard, QWizard.WizardButton.NextButton)
    choice = wizard.protection_page.choice
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert visible_label(wizard, choice.passphrase_edit) == "Passphrase:"
    assert visible_label(wizard, choice.repeat_edit) == "Again:"
    assert not choice.problem_label.isVisible()  # nothing typed: the note says what is asked

    qtbot.keyClicks(choice.passphrase_edit, "abc")
    assert not commit.isEnabled()
    to_go = MIN_PASSPHRASE_LENGTH - 3
    assert choice.problem_label.isVisible()
    assert choice.problem_label.text() == (
        f"At least {MIN_PASSPHRASE_LENGTH} characters: {to_go} more to go."
    )
    qtbot.keyClicks(choice.passphrase_edit, "d")
    assert choice.problem_label.text().endswith(f"{to_go - 1} more to go.")

    assert pasted_into(choice.passphrase_edit) == PASTED
    assert choice.problem_label.text() == "Type the same passphrase again under Again."
    qtbot.keyClicks(choice.repeat_edit, "correct horse")
    assert choice.problem_label.text() == "The two passphrases are different."
    assert not commit.isEnabled()
    assert pasted_into(choice.repeat_edit) == PASTED
    assert not choice.problem_label.isVisible()
    assert commit.isEnabled()
