"""Unlocking: a wrong passphrase is said so in place; a recovery code reopens the journal."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QPoint, Qt

from app.errors import KeyUnavailableError
from app.journal.opening import create_journal, open_journal
from app.storage.keys import KEYRING_SERVICE, SystemKeyring
from app.storage.meta import KeyMode, read_meta
from app.ui.start.unlock_dialogs import RECOVER_REQUESTED, PassphraseDialog, RecoverDialog
from tests.support.data import PASSPHRASE
from tests.ui.driver import click, type_into


@pytest.fixture
def passphrase_journal(journal_dir, no_keyring):
    journal, _code = create_journal(journal_dir, SystemKeyring(), PASSPHRASE)
    journal.close()
    return journal_dir


def test_wrong_passphrase_is_said_in_place_then_the_right_one_opens(qtbot, passphrase_journal):
    dialog = PassphraseDialog(passphrase_journal, SystemKeyring())
    qtbot.addWidget(dialog)
    dialog.show()

    type_into(qtbot, dialog.passphrase_edit, "reflect every monday")
    click(qtbot, dialog.unlock_button)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "does not open this journal" in dialog.error.text()
    assert "recovery code" not in dialog.error.text()

    for _ in range(2):
        type_into(qtbot, dialog.passphrase_edit, "still wrong")
        click(qtbot, dialog.unlock_button)
    assert "use your recovery code" in dialog.error.text()

    type_into(qtbot, dialog.passphrase_edit, PASSPHRASE)
    click(qtbot, dialog.unlock_button)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.journal is not None
    dialog.journal.close()


def test_use_recovery_code_button_asks_for_recovery(qtbot, passphrase_journal):
    dialog = PassphraseDialog(passphrase_journal, SystemKeyring())
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.recover_button)
    assert dialog.result() == RECOVER_REQUESTED
    assert dialog.journal is None


def test_recovery_with_a_mistyped_then_a_correct_code(qtbot, journal_dir, key_store):
    journal, code = create_journal(journal_dir, key_store)
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, read_meta(journal_dir).journal_id)  # new laptop
    with pytest.raises(KeyUnavailableError) as lost:
        open_journal(journal_dir, key_store)

    dialog = RecoverDialog(journal_dir, key_store, str(lost.value))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.recover_button.isEnabled()

    groups = code.split("-")
    groups[3] = groups[3][::-1] if groups[3] != groups[3][::-1] else "ZZZZZ"
    type_into(qtbot, dialog.code_edit, "-".join(groups))
    click(qtbot, dialog.recover_button)
    assert dialog.isVisible()
    assert "typo" in dialog.error.text()

    type_into(qtbot, dialog.code_edit, code.lower().replace("-", " "))
    click(qtbot, dialog.recover_button)
    assert dialog.result() == RecoverDialog.DialogCode.Accepted
    assert dialog.journal is not None
    dialog.journal.close()
    open_journal(journal_dir, key_store).close()  # the key is in the keyring again


def test_recovery_without_a_keyring_sets_a_passphrase_and_shows_a_new_code(
    qtbot, passphrase_journal
):
    old_code_journal = open_journal(passphrase_journal, SystemKeyring(), PASSPHRASE)
    code = old_code_journal.recovery_code()
    old_code_journal.close()

    dialog = RecoverDialog(passphrase_journal, SystemKeyring(), "Forgot it")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice.no_keyring_label is not None
    type_into(qtbot, dialog.code_edit, code)
    assert not dialog.recover_button.isEnabled()  # a new passphrase is needed first
    type_into(qtbot, dialog.choice.passphrase_edit, "a brand new phrase")
    type_into(qtbot, dialog.choice.repeat_edit, "a brand new phrase")
    click(qtbot, dialog.recover_button)

    assert dialog.isVisible()
    new_code = dialog.code_view.code
    assert new_code != code
    assert dialog.finish_button is not None and not dialog.finish_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the new code must be kept first
    box = dialog.code_view.confirm_box
    assert box is not None
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    click(qtbot, dialog.finish_button)
    assert dialog.result() == RecoverDialog.DialogCode.Accepted
    assert dialog.journal is not None
    dialog.journal.close()

    assert read_meta(passphrase_journal).key_mode is KeyMode.PASSPHRASE
    open_journal(passphrase_journal, SystemKeyring(), "a brand new phrase").close()


def test_a_new_code_shown_is_taken_back_when_the_switch_to_it_fails(
    qtbot, passphrase_journal, monkeypatch
):
    from app.errors import StorageError

    old_code_journal = open_journal(passphrase_journal, SystemKeyring(), PASSPHRASE)
    code = old_code_journal.recovery_code()
    old_code_journal.close()
    shown: list[str] = []

    def cannot_switch(folder, meta) -> None:
        # The code page is on screen before the journal switches to the new code.
        shown.append(dialog.code_view.code)
        raise StorageError("The journal's key could not be changed: the disk is full.")

    monkeypatch.setattr("app.journal.opening.switch_rekeyed", cannot_switch)
    dialog = RecoverDialog(passphrase_journal, SystemKeyring(), "Forgot it")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.code_edit, code)
    type_into(qtbot, dialog.choice.passphrase_edit, "a brand new phrase")
    type_into(qtbot, dialog.choice.repeat_edit, "a brand new phrase")
    click(qtbot, dialog.recover_button)

    assert len(shown) == 1 and shown[0] != code
    assert dialog.pages.count() == 1 and dialog.finish_button is None
    assert "the disk is full" in dialog.error.text()
    assert dialog.recover_button.isVisible()
    # The old code still opens the journal, unchanged.
    assert read_meta(passphrase_journal).key_mode is KeyMode.PASSPHRASE
    open_journal(passphrase_journal, SystemKeyring(), PASSPHRASE).close()
