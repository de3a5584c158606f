"""Backups in the window: Back up now, automatic backups when due, the Backups dialog, Restore."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from app.journal.backups import BackupInterval, BackupSettings, list_backups, save_settings
from app.journal.opening import Journal, create_journal
from app.storage.keys import SystemKeyring
from tests.support.backups import folder_digest
from tests.support.data import NOW
from tests.ui.support import unnamed_controls

PASSPHRASE = "the same passphrase for both"


class Clock:
    """A clock the test moves on."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def made(journal: Journal) -> list[datetime]:
    return [r.made_at for r in list_backups(journal.folder / "backups", journal.meta.journal_id)]


def test_back_up_now_makes_a_checked_backup_and_says_where(qtbot, journal, make_window):
    window = make_window(journal, now=lambda: NOW)
    controller = window.controllers.backups
    assert window.menus["file"].actions().count(window.commands.back_up_now) == 1
    with qtbot.waitSignal(controller.backupsChanged, timeout=20_000):
        window.commands.back_up_now.trigger()
    [backup] = (journal.folder / "backups").iterdir()
    assert window.statusBar().currentMessage() == f"Backed up to {backup} (checked)."
    assert made(journal) == [NOW]


def test_automatic_backups_are_made_when_due_and_not_before(qtbot, journal, make_window):
    clock = Clock()
    window = make_window(journal, now=clock, first_backup_check_ms=0)
    controller = window.controllers.backups
    qtbot.waitUntil(lambda: made(journal) == [NOW] and not controller.busy, timeout=20_000)
    assert window.statusBar().currentMessage().startswith("Backed up automatically to ")

    clock.now = NOW + timedelta(hours=23)
    controller.check_due()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
    assert made(journal) == [NOW]

    clock.now = NOW + timedelta(days=1)
    with qtbot.waitSignal(controller.backupsChanged, timeout=20_000):
        controller.check_due()
    assert made(journal) == [NOW + timedelta(days=1), NOW]


def test_a_failed_automatic_backup_is_shown_in_the_message_bar(
    qtbot, journal, make_window, tmp_path
):
    gone = tmp_path / "USB stick"
    save_settings(journal.folder, BackupSettings(folder=gone))
    window = make_window(journal, now=lambda: NOW, first_backup_check_ms=0)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=20_000)
    assert window.message_bar.message == (
        f"The automatic backup did not work: The backup folder {gone} is not there (was a drive "
        "removed, or OneDrive signed out?). Choose another folder under File > Backups."
    )
    assert not gone.exists()


def test_the_backups_dialog_keeps_its_settings_and_lists_the_backups(
    qtbot, journal, make_window, tmp_path
):
    onedrive = tmp_path / "OneDrive" / "Journal backups"
    onedrive.mkdir(parents=True)
    window = make_window(journal, now=lambda: NOW)
    controller = window.controllers.backups
    controller.choose_folder = lambda _parent, _start: onedrive
    window.commands.backups.trigger()
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert unnamed_controls(dialog) == []
    assert dialog.folder_edit.text() == str(journal.folder / "backups")
    assert dialog.interval_combo.currentText() == "Every day"
    assert dialog.keep_spin.value() == 14
    assert dialog.empty_label.isVisible() and not dialog.restore_button.isEnabled()

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    dialog.interval_combo.setCurrentIndex(dialog.interval_combo.findData("weekly"))
    dialog.keep_spin.setValue(5)
    saved = json.loads((journal.folder / "backups.json").read_text(encoding="utf-8"))
    assert saved == {"folder": str(onedrive), "interval": "weekly", "keep": 5}
    assert dialog.folder_edit.text() == str(onedrive)

    with qtbot.waitSignal(controller.backupsChanged, timeout=20_000):
        qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    [row] = dialog.backups_listed()
    assert row.startswith(NOW.astimezone().strftime("%a %d %b %Y, %H:%M")) and row.endswith("KB")
    assert not dialog.empty_label.isVisible()
    assert [p.parent for p in onedrive.iterdir()] == [onedrive]

    qtbot.mouseClick(dialog.default_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(journal.folder / "backups")
    assert dialog.backups_listed() == []
    dialog.close()


def test_restore_asks_first_then_closes_the_window_for_the_app_to_restore(
    qtbot, journal, make_window, answers
):
    journal.entries.create("Before", "")
    window = make_window(journal, now=lambda: NOW)
    controller = window.controllers.backups
    with qtbot.waitSignal(controller.backupsChanged, timeout=20_000):
        controller.back_up_now()
    [backup] = (journal.folder / "backups").iterdir()
    controller.show_dialog()
    dialog = controller.dialog
    assert dialog is not None
    dialog.backup_list.setCurrentItem(dialog.backup_list.topLevelItem(0))
    assert dialog.restore_button.isEnabled()

    answers.reply = False
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20_000)
    assert answers.asked[0].startswith("Restore a backup: Restore the backup made on ")
    assert "kept in a 'before-restore' folder" in answers.asked[0]
    assert window.isVisible() and controller.restore_request is None

    answers.reply = True
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert controller.restore_request == backup
    assert controller.dialog is None


def test_a_backup_that_will_not_restore_is_explained_and_nothing_closes(
    qtbot, journal, make_window, answers, tmp_path
):
    other, _ = create_journal(tmp_path / "other", SystemKeyring())
    foreign = other.backups.write_to(tmp_path / "someone else.ijbackup", NOW).path
    other.close()
    window = make_window(journal, now=lambda: NOW)
    controller = window.controllers.backups
    controller.choose_file = lambda _parent, _start: foreign
    controller.show_dialog()
    dialog = controller.dialog
    assert dialog is not None
    before = folder_digest(journal.folder)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "does not open with this journal's key" in dialog.error.text()
    assert answers.asked == []
    assert window.isVisible() and controller.restore_request is None
    assert folder_digest(journal.folder) == before
    assert dialog.back_up_button.isEnabled()
    dialog.close()


def test_automatic_backups_can_be_turned_off(qtbot, journal, make_window):
    save_settings(journal.folder, BackupSettings(interval=BackupInterval.OFF))
    window = make_window(journal, now=lambda: NOW)
    controller = window.controllers.backups
    controller.check_due()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
    assert not Path(journal.folder / "backups").exists()


def test_another_journals_backup_replaces_this_one_only_after_a_clear_question(
    qtbot, make_window, answers, tmp_path, no_keyring
):
    store = SystemKeyring()
    other, _ = create_journal(tmp_path / "other", store, PASSPHRASE)
    foreign = other.backups.write_to(tmp_path / "theirs.ijbackup", NOW).path
    other.close()
    journal, _ = create_journal(tmp_path / "mine", store, PASSPHRASE)  # the same passphrase
    try:
        window = make_window(journal, now=lambda: NOW)
        controller = window.controllers.backups
        controller.choose_file = lambda _parent, _start: foreign
        controller.show_dialog()
        dialog = controller.dialog
        assert dialog is not None
        before = folder_digest(journal.folder)

        answers.reply = False
        qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20_000)
        assert answers.asked[0].startswith("Replace this journal?: This backup, made on ")
        assert "is of ANOTHER journal" in answers.asked[0]
        assert window.isVisible() and controller.restore_request is None
        assert folder_digest(journal.folder) == before

        answers.reply = True
        qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
        assert controller.restore_request == foreign and controller.replace_journal
    finally:
        journal.close()
