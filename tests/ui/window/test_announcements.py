"""A screen reader is told what changed, in the words shown on screen: saved, locked, imported,
found, backed up, and every problem."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel

from app.journal.opening import create_journal
from app.summary.export import SummaryFormat
from app.transfer import TransferService
from app.ui.sharing.import_dialog import ImportDialog
from app.ui.widgets import announce
from app.ui.widgets.fields import InlineError
from app.ui.widgets.message_bar import MessageBar
from app.ui.window.lock_screen import LockScreen
from app.ui.window.navigation import View
from tests.ui.sharing.helpers import FilePicker


@dataclass
class Heard:
    """What a screen reader would have been told, in order: (words, interrupting?)."""

    said: list[tuple[str, bool]] = field(default_factory=list)

    def __call__(self, _source: QObject, text: str, assertive: bool) -> None:
        self.said.append((text, assertive))

    @property
    def words(self) -> list[str]:
        """Just the words."""
        return [text for text, _assertive in self.said]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """Hear announcements instead of sending them."""
    recorder = Heard()
    monkeypatch.setattr(announce, "sender", recorder)
    return recorder


def test_saving_says_saved(qtbot, journal, make_window, heard):
    journal.entries.create("Huddle", "I asked first.")
    window = make_window(journal, View.ENTRIES)
    qtbot.keyClicks(window.entries_page.editor.body_edit, " Then I listened.")
    window.commands.save.trigger()
    assert window.statusBar().currentMessage() == "Saved."
    assert ("Saved.", False) in heard.said


def test_locking_says_the_journal_is_locked_and_why(qtbot, journal, make_window, heard):
    window = make_window(journal)
    window.controllers.lock.lock()
    screen = window.lock_frame.lock_screen
    assert screen.isVisible()
    assert heard.words[-1] == f"{screen.title.text()}." == "Your journal is locked."

    heard.said.clear()
    screen.begin("Locked after 5 minutes without use.")
    assert heard.words == [f"{screen.title.text()}. {screen.reason.text()}"]


def test_a_refused_passphrase_interrupts_with_the_reason_every_time(qtbot, heard):
    screen = LockScreen(asks_passphrase=True)
    qtbot.addWidget(screen)
    screen.refuse("That passphrase does not unlock this journal. Please try again.")
    screen.refuse("That passphrase does not unlock this journal. Please try again.")
    said = (screen.error.text(), True)
    assert heard.said == [said, said]  # the second failure is news too
    assert screen.error.accessibleDescription() == screen.error.text()


def test_importing_says_what_came_in(qtbot, journal, tmp_path, key_store, heard):
    other, _ = create_journal(tmp_path / "other", key_store)
    for title in ("Huddle", "Rota", "Board paper"):
        other.entries.create(title, "Some words.")
    export = tmp_path / "three.json"
    TransferService(other).export_json(export)
    other.close()
    dialog = ImportDialog(journal, export)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(dialog.close_button.isVisible, timeout=20_000)
    shown = dialog.status_label.text()
    assert "3" in shown
    assert heard.said[-1] == (shown, False)


def test_importing_from_the_window_says_it_once(
    qtbot, journal, make_window, tmp_path, key_store, heard
):
    other, _ = create_journal(tmp_path / "other", key_store)
    other.entries.create("Huddle", "Some words.")
    export = tmp_path / "one.json"
    TransferService(other).export_json(export)
    other.close()
    picker = FilePicker()
    picker.answers.append(export)
    window = make_window(journal, pick_file=picker)
    window.sharing_commands.import_file.trigger()
    dialog = window.controllers.sharing.import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.close_button.isVisible, timeout=20_000)
    shown = dialog.status_label.text()
    assert window.message_bar.message == shown  # the note stays after the dialog closes
    assert heard.words.count(shown) == 1
    dialog.close()


def test_a_refused_import_interrupts_with_why(qtbot, journal, tmp_path, heard):
    junk = tmp_path / "junk.json"
    junk.write_text("not a journal", encoding="utf-8")
    dialog = ImportDialog(journal, junk)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(dialog.close_button.isVisible, timeout=20_000)
    shown = dialog.status_label.text()
    assert shown.endswith("Nothing was imported; your journal is as it was.")
    assert heard.said[-1] == (shown, True)


def test_searching_says_how_many_were_found_or_why_none(qtbot, journal, make_window, heard):
    journal.entries.create("Huddle", "I asked the team first at the huddle.")
    journal.entries.create("Rota", "The huddle ran late again.")
    window = make_window(journal, View.ENTRIES)
    panel = window.entries_page.sidebar.search_panel
    window.entries_page.sidebar.search_box.setFocus()
    qtbot.keyClicks(window.entries_page.sidebar.search_box, "huddle")
    qtbot.waitUntil(lambda: panel.status_label.text().endswith("found"))
    assert heard.words[-1] == panel.status_label.text() == "2 found"

    window.entries_page.sidebar.search_box.clear()
    qtbot.keyClicks(window.entries_page.sidebar.search_box, "zebra")
    qtbot.waitUntil(lambda: bool(panel.message))
    assert heard.words[-1] == panel.message


def test_a_backup_says_where_it_went(qtbot, journal, make_window, heard):
    window = make_window(journal)
    with qtbot.waitSignal(window.controllers.backups.backupsChanged, timeout=20_000):
        window.commands.back_up_now.trigger()
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Backed up to ")
    assert heard.said[-1] == (shown, False)


def test_the_message_bar_interrupts_for_problems_and_waits_for_news(qtbot, heard):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_problem("Your entry could not be saved: the disk is full.")
    bar.show_note("Share saved to Desktop/sam.ijshare.")
    assert heard.said == [
        ("Your entry could not be saved: the disk is full.", True),
        ("Share saved to Desktop/sam.ijshare.", False),
    ]
    label = QAccessible.queryAccessibleInterface(bar.text_label)
    assert label is not None
    assert label.role() is QAccessible.Role.AlertMessage
    assert label.text(QAccessible.Text.Name) == "Message"
    assert label.text(QAccessible.Text.Description) == bar.message
    bar.clear()
    assert label.text(QAccessible.Text.Description) == ""


def test_an_inline_error_is_read_with_its_name_and_a_hint_typed_into_is_not_announced(qtbot, heard):
    error = InlineError("Setup problem")
    typed_hint = InlineError("Passphrase problem", announced=False)
    for label in (error, typed_hint):
        qtbot.addWidget(label)
        label.show_message("At least 12 characters: 4 more to go.")
    face = QAccessible.queryAccessibleInterface(error)
    assert face is not None
    assert face.role() is QAccessible.Role.AlertMessage
    assert face.text(QAccessible.Text.Name) == "Setup problem"
    assert face.text(QAccessible.Text.Description) == error.text()
    assert heard.said == [("At least 12 characters: 4 more to go.", True)]
    error.show_message("")
    assert heard.said == [("At least 12 characters: 4 more to go.", True)]  # "" says nothing


def test_alerts_come_and_go_safely_while_a_screen_reader_runs(qtbot):
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        for round_ in range(5):
            error = InlineError("Unlock problem")
            error.show_message(f"Try {round_} did not work.")
            error.show()
            face = QAccessible.queryAccessibleInterface(error)
            gc.collect()
            assert face is not None and face.role() is QAccessible.Role.AlertMessage
            assert face.text(QAccessible.Text.Description) == f"Try {round_} did not work."
            error.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            gc.collect()
    finally:
        QAccessible.setActive(was_active)
    plain = QLabel("Not an alert")
    qtbot.addWidget(plain)
    face = QAccessible.queryAccessibleInterface(plain)
    assert face is not None and face.role() is QAccessible.Role.StaticText  # Qt's own


@pytest.mark.parametrize("screen_reader_running", [True, False], ids=["active", "inactive"])
def test_the_real_announcement_is_sent_without_harm(qtbot, screen_reader_running):
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    label.show()
    was_active = QAccessible.isActive()
    QAccessible.setActive(screen_reader_running)
    try:
        announce.send_to_screen_reader(label, "Saved.", False)
        announce.send_to_screen_reader(label, "Not saved: the disk is full.", True)
        announce.announce(label, "Locked.")
    finally:
        QAccessible.setActive(was_active)
    assert label.isVisible()


def test_an_older_qt_without_the_event_says_nothing_and_does_not_fail(qtbot, monkeypatch):
    monkeypatch.delattr(QtGui, "QAccessibleAnnouncementEvent")
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    announce.send_to_screen_reader(label, "Saved.", True)


def test_exporting_a_summary_says_where_it_was_saved(qtbot, journal, make_window, tmp_path, heard):
    entry = journal.entries.create("Bed meeting", "I said what was ready, and what was not.")
    journal.entries.set_flags(entry.id, bring_to_supervision=True)
    out = tmp_path / "summary.md"
    window = make_window(journal, choose_file=lambda _parent, _name, _fmt: out)
    window.commands.export_summary.trigger()
    dialog = window.controllers.supervision.summary_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_current, timeout=10_000)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(SummaryFormat.MD.value))
    with qtbot.waitSignal(dialog.summaryExported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    shown = window.statusBar().currentMessage()
    assert shown == f"Summary saved to {out}"
    assert (shown, False) in heard.said
    dialog.close()
