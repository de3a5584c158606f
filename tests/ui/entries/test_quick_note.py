"""Quick note: a small window from the File or tray menu, saved straight into the journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from app.errors import StorageError
from app.journal.opening import Journal
from app.ui.entries.quick_note import QuickNoteDialog
from app.ui.entries.quick_note_controller import LOCKED, NOTHING_WRITTEN, SAVED
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.ui.driver import ALT, CTRL, LEFT, SHIFT, press
from tests.ui.reminders.helpers import FakeTray

DISK_FULL = "The journal could not be saved or read: database or disk is full"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _tray_action(window: MainWindow):
    menu = window.controllers.reminders.tray_menu
    return next(a for a in menu.actions() if a.text().replace("&", "") == "Quick note…")


def _open(qtbot, window: MainWindow, via_tray: bool = False) -> QuickNoteDialog:
    action = _tray_action(window) if via_tray else window.commands.quick_note
    action.trigger()
    dialog = window.controllers.quick_note.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # in front, its keys its own (not the journal's)
    return dialog


def _closed(window: MainWindow) -> bool:
    return window.controllers.quick_note.dialog is None


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # completion
def test_from_the_file_menu_ctrl_enter_saves_an_entry_with_its_domains_and_tags(
    qtbot, journal: Journal, make_window, settings
) -> None:
    journal.entries.create("Earlier", "Before the huddle", tags=["handover"])
    window = make_window(journal, View.ENTRIES, settings=settings)
    assert window.commands.quick_note in window.menus["file"].actions()
    dialog = _open(qtbot, window)
    qtbot.waitUntil(dialog.text_edit.hasFocus)
    assert dialog.windowTitle() == "Quick note"

    qtbot.keyClicks(dialog.text_edit, "Huddle ran over again")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # a new line, not Save
    qtbot.keyClicks(dialog.text_edit, "Ask about the rota")
    dialog.domain_boxes[Domain.TEAM].click()
    qtbot.keyClicks(dialog.tags_edit, "hand")
    completer = dialog.tags_edit.completer_popup
    assert completer.currentCompletion() == "handover"  # the journal's tags, as in entries
    qtbot.keyClicks(dialog.tags_edit, "over, #Huddle")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: _closed(window))
    newest = journal.entries.summaries()[0]
    entry = journal.entries.get(newest.id)
    assert entry.body == "Huddle ran over again\nAsk about the rota"
    assert entry.title == "" and entry.display_title == "Huddle ran over again"
    assert entry.domains == (Domain.TEAM,)
    assert set(entry.tags) == {"handover", "Huddle"}
    assert window.controller.model.summary(0).id == entry.id  # the list shows it at once
    assert window.statusBar().currentMessage() == SAVED


def test_from_the_tray_menu_or_its_shortcut_with_a_title_and_home_shows_it(
    qtbot, journal: Journal, make_window, settings
) -> None:
    window = make_window(journal, settings=settings)
    assert window.navigation.view is View.HOME
    press(qtbot, window, Qt.Key.Key_J, CTRL | SHIFT)
    dialog = window.controllers.quick_note.dialog
    assert dialog is not None
    dialog.reject()
    assert _closed(window)

    dialog = _open(qtbot, window, via_tray=True)
    dialog.title_edit.setText("After the safety huddle")
    qtbot.keyClicks(dialog.text_edit, "Spoke up about the bay.")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: _closed(window))
    [entry] = journal.entries.summaries()
    assert entry.title == "After the safety huddle"
    assert entry.id in window.home.recent.list.ids()


def test_with_the_journal_window_in_the_tray_the_tray_says_it_was_saved(
    qtbot, journal: Journal, make_window, settings
) -> None:
    window = make_window(journal, settings=settings)
    reminders = window.controllers.reminders
    reminders.icon = FakeTray()  # a desktop with a tray
    window.hide()
    dialog = _open(qtbot, window, via_tray=True)
    qtbot.keyClicks(dialog.text_edit, "Mrs Patel's daughter was upset")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: _closed(window))
    assert reminders.icon.shown == [("Inquiry Journal", SAVED)]  # never the note's words
    assert journal.entries.count() == 1


def test_a_note_with_nothing_written_is_not_saved(
    qtbot, journal: Journal, make_window, settings
) -> None:
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    dialog.domain_boxes[Domain.INDIVIDUAL].click()
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.problem.text() == NOTHING_WRITTEN
    assert journal.entries.count() == 0
    assert not _closed(window)
    dialog.reject()


def test_locked_it_asks_to_unlock_keeps_the_text_and_saves_once_unlocked(
    qtbot, journal: Journal, make_window, settings, discard_answers
) -> None:
    journal.entries.create("Earlier", "Before", tags=["private tag"])
    window = make_window(journal, settings=settings)
    lock = window.controllers.lock
    lock.lock()
    dialog = _open(qtbot, window, via_tray=True)
    assert dialog.tags_edit.completer_popup.model().rowCount() == 0  # nothing of the journal
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_T, ALT)  # its keys work behind the lock
    assert dialog.tags_edit.hasFocus()
    qtbot.keyClicks(dialog.text_edit, "Words from the huddle")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)

    assert dialog.problem.text() == LOCKED
    assert lock.locked and window.isVisible()  # the lock screen came forward to unlock
    assert journal.entries.count() == 1

    # Unlocking put off: Escape asks, No keeps the note and its text.
    discard_answers.reply = False
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert discard_answers.asked and not _closed(window)
    assert dialog.text_edit.toPlainText() == "Words from the huddle"

    qtbot.mouseClick(window.lock_frame.lock_screen.unlock_button, LEFT)
    assert not lock.locked
    qtbot.waitUntil(lambda: _closed(window))
    assert journal.entries.count() == 2
    assert journal.entries.get(journal.entries.summaries()[0].id).body == "Words from the huddle"


def test_locking_hides_an_open_note_and_unlocking_brings_it_back_as_it_was(
    qtbot, journal: Journal, make_window, settings
) -> None:
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.text_edit, "Half a thought")
    window.controllers.lock.lock()
    assert not dialog.isVisible()
    qtbot.mouseClick(window.lock_frame.lock_screen.unlock_button, LEFT)
    assert dialog.isVisible()
    assert dialog.text_edit.toPlainText() == "Half a thought"
    assert journal.entries.count() == 0  # only Save saves it
    dialog.done(0)


def test_escape_asks_before_dropping_typed_text(
    qtbot, journal: Journal, make_window, settings, discard_answers
) -> None:
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)  # nothing typed: it just closes
    assert _closed(window) and discard_answers.asked == []

    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.text_edit, "Not sure yet")
    discard_answers.reply = False
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert len(discard_answers.asked) == 1 and not _closed(window)
    discard_answers.reply = True
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert _closed(window)
    assert journal.entries.count() == 0


def test_a_storage_failure_keeps_the_text_and_says_why(
    qtbot, journal: Journal, make_window, settings, monkeypatch
) -> None:
    real_create = EntryStore.create
    broken = [True]

    def create(store, *args, **kwargs):
        if broken[0]:
            raise StorageError(DISK_FULL)
        return real_create(store, *args, **kwargs)

    monkeypatch.setattr(EntryStore, "create", create)
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.text_edit, "Words I must not lose")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_S, CTRL)
    assert DISK_FULL in dialog.problem.text() and "still here" in dialog.problem.text()
    assert dialog.problem.isVisible()
    assert dialog.text_edit.toPlainText() == "Words I must not lose"
    assert not _closed(window)

    broken[0] = False
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: _closed(window))
    assert journal.entries.count() == 1


def test_its_size_and_place_are_remembered(qtbot, journal: Journal, make_window, settings) -> None:
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    dialog.resize(520, 410)
    dialog.reject()
    assert settings.value("quick_note/geometry") is not None
    dialog = _open(qtbot, window)
    assert (dialog.width(), dialog.height()) == (520, 410)
    dialog.reject()


def test_quitting_with_an_unsaved_note_asks_first(
    qtbot, journal: Journal, make_window, settings, answers
) -> None:
    window = make_window(journal, settings=settings)
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.text_edit, "Still writing")
    answers.reply = False
    window.close()
    assert window.isVisible() and not _closed(window)
    assert any("quick note" in question for question in answers.asked)
    answers.reply = True
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
