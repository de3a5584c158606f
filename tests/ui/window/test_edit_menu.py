"""Edit > Undo, Redo, Cut, Copy, Paste and Select all act on the focused text field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.window.navigation import View
from tests.ui.driver import activate


def test_the_edit_menu_offers_the_text_commands(qtbot, journal, make_window):
    window = make_window(journal)
    names = [a.text() for a in window.menus["edit"].actions() if not a.isSeparator()]
    for name in ("Cu&t", "&Copy", "&Paste", "Select &all"):
        assert name in names
    assert names[0].startswith("&Undo") and names[1].startswith("&Redo")


def test_text_commands_reach_the_focused_field_and_undo_falls_back_to_the_journal(
    qtbot, journal, make_window
):
    journal.entries.create("Kept", "stays")
    gone = journal.entries.create("Regret", "said too much")
    window = make_window(journal, View.ENTRIES)
    activate(qtbot, window)
    window.entries_page.sidebar.entry_list.setFocus()
    qtbot.keyClick(window.entries_page.sidebar.entry_list, Qt.Key.Key_Delete)
    assert journal.entries.get(gone.id).deleted is not None
    commands = window.commands

    title = window.entries_page.editor.title_edit
    title.setFocus()
    qtbot.keyClicks(title, " draft")
    commands.edit.text.select_all.trigger()
    assert title.selectedText() == "Kept draft"
    commands.edit.text.copy.trigger()
    commands.edit.text.cut.trigger()
    assert title.text() == ""
    commands.edit.text.paste.trigger()
    assert title.text() == "Kept draft"
    assert QApplication.clipboard().text() == "Kept draft"

    commands.edit.refresh()
    assert commands.undo.text() == "&Undo typing"
    commands.undo.trigger()  # the field's own undo first: the journal action waits
    assert title.text() == ""
    assert journal.entries.get(gone.id).deleted is not None

    window.entries_page.sidebar.entry_list.setFocus()
    commands.undo.trigger()  # no field in focus: the journal's undo
    assert journal.entries.get(gone.id).deleted is None
