"""The idle lock: an unused window hides the journal until the person is back, then resumes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.journal.opening import create_journal
from app.ui.widgets.messages import ask_to_confirm
from app.ui.widgets.settings import lock_after_minutes, open_settings
from app.ui.window.lock import LOCKED_TITLE, WRONG_PASSPHRASE
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, PASSPHRASE
from tests.ui.driver import activate, click, press
from tests.ui.support import unnamed_controls, view_shown

SECRET = "Sister on Ward 7 said the handover felt rushed"
OTHER = "The registrar stayed late to talk it through"
NEVER = 0


def readable_text(window: MainWindow) -> str:
    """Every text a person could read on screen now: the window, its menus and its dialogs."""
    parts = [window.windowTitle()]
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for top in windows:
        parts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
                parts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                parts.append(widget.toPlainText())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                parts += [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    return "\n".join(parts)


def screenshot(window: MainWindow) -> QImage:
    """The window as a screenshot would show it once drawn (layouts settled)."""
    QApplication.processEvents()
    return window.grab().toImage()


def lock_of(window: MainWindow):
    return window.controllers.lock


@pytest.fixture
def two_entries(journal):
    first = journal.entries.create("Night handover", SECRET, [Domain.TEAM], ["handover"])
    second = journal.entries.create("Ward round", OTHER, [Domain.INDIVIDUAL], [])
    return first.id, second.id


@pytest.fixture
def passphrase_journal(journal_dir, key_store):
    opened, _code = create_journal(journal_dir.with_name("protected"), key_store, PASSPHRASE)
    opened.entries.create("Night handover", SECRET, [Domain.TEAM], ["handover"])
    yield opened
    opened.close()


def test_left_unused_the_window_saves_then_hides_the_journal(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, idle_lock_ms=NEVER)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.title_edit, "Night handover")
    qtbot.keyClicks(window.entries_page.editor.body_edit, SECRET)
    entry_id = window.controller.saver.entry_id
    assert SECRET in readable_text(window)

    with qtbot.waitSignal(lock_of(window).lockedChanged, timeout=5000):
        lock_of(window).watcher.set_timeout(50)  # as if 15 minutes passed with no input

    assert journal.entries.get(entry_id).body == SECRET  # saved before hiding
    assert window.lock_frame.lock_screen.isVisible()
    assert not window.entries_page.editor.isVisible()
    assert not window.rail.isVisible()
    assert not window.statusBar().isVisible()
    shown = readable_text(window)
    assert SECRET not in shown and "Night handover" not in shown and "handover" not in shown
    assert window.windowTitle() == LOCKED_TITLE
    assert "without use" in window.lock_frame.lock_screen.reason.text()


def test_the_idle_time_given_locks_a_window_nobody_touches(qtbot, journal, make_window):
    window = make_window(journal, idle_lock_ms=50)
    qtbot.waitUntil(lambda: lock_of(window).locked, timeout=5000)
    assert window.lock_frame.lock_screen.isVisible()
    assert not lock_of(window).watcher.counting  # locked: nothing left to count


def test_a_screenshot_of_the_locked_window_shows_nothing_of_the_journal(
    qtbot, journal, two_entries, make_window
):
    first, second = two_entries
    window = make_window(journal, View.ENTRIES, idle_lock_ms=NEVER)
    window.controller.open_entry(first)
    unlocked = screenshot(window)
    lock_of(window).lock()
    locked_on_first = screenshot(window)
    click(qtbot, window.lock_frame.lock_screen.unlock_button)
    window.controller.open_entry(second)
    lock_of(window).lock()
    locked_on_second = screenshot(window)

    assert locked_on_first != unlocked
    # Whatever the entry, the picture is the same: it holds nothing of either.
    assert locked_on_first == locked_on_second


def test_keyring_journal_unlocks_with_a_click_where_it_was(
    qtbot, journal, two_entries, make_window
):
    first, _second = two_entries
    window = make_window(journal, View.ENTRIES, idle_lock_ms=NEVER)
    window.controller.open_entry(first, focus_editor=True)
    activate(qtbot, window)
    body = window.entries_page.editor.body_edit
    cursor = body.textCursor()
    cursor.setPosition(12)
    body.setTextCursor(cursor)
    qtbot.waitUntil(body.hasFocus)
    screen = window.lock_frame.lock_screen
    assert not screen.passphrase_edit.isVisible()

    press(qtbot, window, Qt.Key.Key_L)
    assert lock_of(window).locked and screen.isVisible()
    click(qtbot, screen.unlock_button)

    assert not lock_of(window).locked
    assert not screen.isVisible()
    assert view_shown(window) is View.ENTRIES
    assert window.controller.saver.entry_id == first
    assert body.isVisible() and body.toPlainText() == SECRET
    assert body.textCursor().position() == 12
    qtbot.waitUntil(body.hasFocus)
    assert window.statusBar().isVisible()
    assert lock_of(window).watcher.counting is False  # NEVER chosen: still not counting


def test_passphrase_journal_stays_locked_until_the_right_passphrase(
    qtbot, passphrase_journal, make_window
):
    window = make_window(passphrase_journal, View.ENTRIES, idle_lock_ms=NEVER)
    [summary] = passphrase_journal.entries.summaries()
    window.controller.open_entry(summary.id)
    lock_of(window).lock()
    screen = window.lock_frame.lock_screen
    assert screen.passphrase_edit.isVisible() and screen.passphrase_edit.hasFocus()

    click(qtbot, screen.unlock_button)
    assert screen.error.isVisible() and "type your passphrase" in screen.error.text()

    qtbot.keyClicks(screen.passphrase_edit, "reflect every monday")
    click(qtbot, screen.unlock_button)
    assert lock_of(window).locked
    assert screen.error.isVisible() and screen.error.text() == WRONG_PASSPHRASE
    assert not window.entries_page.editor.isVisible()
    assert SECRET not in readable_text(window)

    screen.passphrase_edit.clear()
    qtbot.keyClicks(screen.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Return)
    assert not lock_of(window).locked
    assert (
        window.entries_page.editor.isVisible()
        and window.entries_page.editor.body_edit.toPlainText() == SECRET
    )
    assert window.controller.saver.entry_id == summary.id

    lock_of(window).lock()  # the next lock starts with an empty field and no message
    assert screen.passphrase_edit.text() == "" and not screen.error.isVisible()


def test_forgotten_passphrase_hint_after_three_tries(qtbot, passphrase_journal, make_window):
    window = make_window(passphrase_journal, idle_lock_ms=NEVER)
    lock_of(window).lock()
    screen = window.lock_frame.lock_screen
    for attempt in range(3):
        screen.passphrase_edit.clear()
        qtbot.keyClicks(screen.passphrase_edit, f"not it {attempt}")
        click(qtbot, screen.unlock_button)
    assert "recovery code" in screen.error.text()
    assert lock_of(window).locked


def test_while_locked_shortcuts_and_menus_do_nothing(qtbot, journal, two_entries, make_window):
    window = make_window(journal, View.ENTRIES, idle_lock_ms=NEVER)
    press(qtbot, window, Qt.Key.Key_L)
    assert lock_of(window).locked
    assert not any(action.isEnabled() for action in window.menuBar().actions())

    press(qtbot, window, Qt.Key.Key_N)  # New entry
    press(qtbot, window, Qt.Key.Key_1)  # Home
    assert journal.entries.count() == 2
    assert view_shown(window) is View.ENTRIES
    assert lock_of(window).locked

    click(qtbot, window.lock_frame.lock_screen.unlock_button)
    assert all(action.isEnabled() for action in window.menuBar().actions())
    press(qtbot, window, Qt.Key.Key_1)
    assert view_shown(window) is View.HOME


def test_an_open_dialog_is_hidden_and_comes_back_as_it_was(qtbot, journal, make_window):
    window = make_window(journal, idle_lock_ms=NEVER)
    window.commands.export_summary.trigger()
    dialog = window.controllers.supervision.summary_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.wants_edit, SECRET)

    lock_of(window).lock()
    assert not dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert SECRET not in readable_text(window)

    click(qtbot, window.lock_frame.lock_screen.unlock_button)
    assert dialog.isVisible()
    assert window.controllers.supervision.summary_dialog is dialog  # never closed
    assert dialog.wants_edit.toPlainText() == SECRET  # what was typed in it is still there
    assert dialog.windowModality() is Qt.WindowModality.WindowModal


def test_a_question_open_at_lock_time_is_answered_no(qtbot, journal, make_window):
    window = make_window(journal, idle_lock_ms=NEVER)
    QTimer.singleShot(0, lock_of(window).lock)
    assert ask_to_confirm(window, "Delete for good?", "Delete “Night handover” for good?") is False
    assert lock_of(window).locked
    click(qtbot, window.lock_frame.lock_screen.unlock_button)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_a_title_set_while_locked_waits_until_unlocking(qtbot, journal, make_window):
    window = make_window(journal, idle_lock_ms=NEVER)
    window.setWindowTitle("Night handover - Inquiry Journal")
    lock_of(window).lock()
    assert window.windowTitle() == LOCKED_TITLE
    window.setWindowTitle("Ward round - Inquiry Journal")
    assert window.windowTitle() == LOCKED_TITLE
    click(qtbot, window.lock_frame.lock_screen.unlock_button)
    assert window.windowTitle() == "Ward round - Inquiry Journal"


def test_lock_after_is_chosen_in_the_file_menu_and_kept(qtbot, journal, make_window):
    window = make_window(journal)
    menu = window.commands.lock_after
    assert menu.minutes == 15  # the default
    assert lock_of(window).watcher.timeout_ms == 15 * 60_000
    choices = {action.text(): action for action in menu.actions() if action.text()}
    assert list(choices) == [
        "5 minutes",
        "10 minutes",
        "15 minutes",
        "30 minutes",
        "60 minutes",
        "Never",
    ]
    assert choices["15 minutes"].isChecked()

    choices["5 minutes"].trigger()
    assert lock_after_minutes(open_settings()) == 5
    assert lock_of(window).watcher.timeout_ms == 5 * 60_000 and lock_of(window).watcher.counting

    choices["Never"].trigger()
    assert lock_after_minutes(open_settings()) == 0
    assert not lock_of(window).watcher.counting
    window.close()

    reopened = make_window(journal)
    assert reopened.commands.lock_after.minutes == 0
    assert not lock_of(reopened).watcher.counting


def test_a_lock_after_time_set_by_hand_is_offered_too(qtbot, journal, make_window):
    settings = open_settings()
    settings.setValue("lock/after_minutes", "20")
    settings.sync()
    window = make_window(journal)
    texts = [action.text() for action in window.commands.lock_after.actions() if action.text()]
    assert "20 minutes" in texts
    assert lock_of(window).watcher.timeout_ms == 20 * 60_000


def test_closing_a_locked_window_keeps_what_was_typed(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, idle_lock_ms=NEVER)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.body_edit, SECRET)
    lock_of(window).lock()
    window.close()
    [summary] = journal.entries.summaries()
    assert journal.entries.get(summary.id).body == SECRET


def test_the_lock_screen_names_its_controls(qtbot, passphrase_journal, make_window):
    window = make_window(passphrase_journal, idle_lock_ms=NEVER)
    lock_of(window).lock()
    assert unnamed_controls(window.lock_frame.lock_screen) == []
