"""Delete moves an entry to the trash; Ctrl+Z undoes it; the trash restores and empties."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.entries.controller import TRASHED_MESSAGE
from app.ui.trash.dialog import TrashDialog
from app.ui.window.navigation import View
from tests.ui.driver import activate


def test_delete_in_the_list_trashes_and_ctrl_z_brings_it_back(qtbot, journal, make_window):
    kept = journal.entries.create("Kept", "stays")
    gone = journal.entries.create("Regret", "said too much")
    window = make_window(journal, View.ENTRIES)
    activate(qtbot, window)
    window.entries_page.sidebar.entry_list.setFocus()
    assert window.entries_page.editor.title_edit.text() == "Regret"

    qtbot.keyClick(window.entries_page.sidebar.entry_list, Qt.Key.Key_Delete)
    assert journal.entries.get(gone.id).deleted is not None
    assert window.controller.model.rowCount() == 1
    assert window.entries_page.editor.title_edit.text() == "Kept"
    assert window.statusBar().currentMessage() == TRASHED_MESSAGE
    assert window.commands.undo.text() == "&Undo Move to trash"

    qtbot.keyClick(
        window.entries_page.sidebar.entry_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert journal.entries.get(gone.id).deleted is None
    assert window.controller.model.rowCount() == 2
    assert window.entries_page.editor.title_edit.text() == "Regret"
    assert journal.entries.get(kept.id).deleted is None


def test_delete_while_typing_deletes_text_not_the_entry(qtbot, journal, make_window):
    entry = journal.entries.create("Typing", "abc")
    window = make_window(journal, View.ENTRIES)
    activate(qtbot, window)
    body = window.entries_page.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.Start)
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert body.toPlainText() == "bc"
    assert journal.entries.get(entry.id).deleted is None


def test_the_trash_restores_one_entry_and_empties_the_rest(qtbot, journal, answers, make_window):
    first = journal.entries.create("First", "one")
    second = journal.entries.create("Second", "two")
    third = journal.entries.create("Third", "three")
    for entry in (first, second, third):
        journal.entries.trash(entry.id)
    window = make_window(journal, View.ENTRIES)
    assert window.entries_page.hint_label.isVisible()  # everything is in the trash

    window.commands.open_trash.trigger()
    dialog = window.findChild(TrashDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 3
    assert "three" in dialog.preview.toPlainText()  # the newest, shown before restoring

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert journal.entries.get(third.id).deleted is None
    assert window.controller.model.rowCount() == 1
    assert window.entries_page.editor.title_edit.text() == "Third"

    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert answers.asked and "2 entries" in answers.asked[-1]
    assert journal.entries.count(trashed=True) == 0
    assert journal.entries.all_ids() == [third.id]
    assert dialog.model.rowCount() == 0
    assert not dialog.empty_button.isEnabled()
    dialog.close()


def test_saying_no_keeps_the_trash(qtbot, journal, answers, make_window):
    entry = journal.entries.create("Maybe", "keep me")
    journal.entries.trash(entry.id)
    answers.reply = False
    dialog = TrashDialog(journal, confirm=answers)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 2
    assert journal.entries.count(trashed=True) == 1


def test_delete_forever_removes_one_entry(qtbot, journal, answers):
    entry = journal.entries.create("Gone", "for good")
    other = journal.entries.create("Stays", "in trash")
    journal.entries.trash(entry.id)
    journal.entries.trash(other.id)
    dialog = TrashDialog(journal, confirm=answers)
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.model.row_of(entry.id)
    assert row is not None
    dialog.entry_list.setCurrentIndex(dialog.model.index(row))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "Gone" in answers.asked[0]
    assert journal.entries.all_ids() == [other.id]
