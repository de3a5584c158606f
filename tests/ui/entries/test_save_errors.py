"""A save the disk refuses keeps every typed word on screen and says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import StorageError
from app.ui.window.navigation import View
from app.writing.entries import EntryStore
from tests.support.data import NEVER_MS

DISK_FULL = "The journal could not be saved or read: database or disk is full"


@pytest.fixture
def refusing_disk(monkeypatch):
    """EntryStore.save fails like a full disk until `.heal()`."""

    class Disk:
        broken = True
        real_save = EntryStore.save

        def heal(self) -> None:
            self.broken = False

    disk = Disk()

    def save(store, entry_id, **fields):
        if disk.broken:
            raise StorageError(DISK_FULL)
        return Disk.real_save(store, entry_id, **fields)

    monkeypatch.setattr(EntryStore, "save", save)
    return disk


def test_failed_autosave_keeps_the_text_and_shows_the_reason(
    qtbot, journal, make_window, refusing_disk
):
    entry = journal.entries.create("Ward round", "")
    window = make_window(journal, View.ENTRIES)
    window.entries_page.editor.body_edit.setFocus()
    qtbot.keyClicks(window.entries_page.editor.body_edit, "Words I must not lose")

    qtbot.waitUntil(lambda: window.message_bar.isVisible())
    assert DISK_FULL in window.message_bar.message
    assert "still here" in window.message_bar.message
    assert window.save_state_label.text() == "Not saved"
    assert window.entries_page.editor.body_edit.toPlainText() == "Words I must not lose"

    refusing_disk.heal()
    qtbot.mouseClick(window.message_bar.retry_button, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible()
    assert journal.entries.get(entry.id).body == "Words I must not lose"


def test_cannot_switch_away_from_text_that_could_not_be_saved(
    qtbot, journal, make_window, refusing_disk
):
    journal.entries.create("Other", "other text")
    journal.entries.create("Current", "")
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.entries_page.editor.body_edit.setFocus()
    qtbot.keyClicks(window.entries_page.editor.body_edit, "unsaved")

    window.entries_page.sidebar.entry_list.setCurrentIndex(window.controller.model.index(1))
    assert window.entries_page.editor.title_edit.text() == "Current"
    assert window.entries_page.editor.body_edit.toPlainText() == "unsaved"
    assert window.entries_page.sidebar.entry_list.currentIndex().row() == 0
    assert DISK_FULL in window.message_bar.message


def test_closing_with_unsaved_text_asks_and_no_keeps_the_window(
    qtbot, journal, answers, make_window, refusing_disk
):
    journal.entries.create("Current", "")
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    qtbot.keyClicks(window.entries_page.editor.body_edit, "unsaved")
    answers.reply = False
    window.close()
    assert window.isVisible()
    assert answers.asked and "could not be saved" in answers.asked[0]
    assert window.entries_page.editor.body_edit.toPlainText() == "unsaved"
    refusing_disk.heal()
