"""Entry > Versions lists earlier texts and restores one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.widgets.versions_dialog import VersionsDialog
from app.ui.window.navigation import View


def test_restore_an_earlier_version(qtbot, journal, make_window):
    entry = journal.entries.create("Plan", "first draft")
    for title, body in (("Plan", "second draft"), ("Plan v3", "third draft")):  # two runs
        journal.entries.save(
            entry.id, title=title, body=body, domains=(), tags=(), keep_version=True
        )
    window = make_window(journal, View.ENTRIES)
    assert window.entries_page.editor.body_edit.toPlainText() == "third draft"

    window.commands.versions.trigger()
    dialog = window.findChild(VersionsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.version_list.count() == 2
    assert "second draft" in dialog.preview.toPlainText()  # newest earlier version first

    dialog.version_list.setCurrentRow(1)
    assert "first draft" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert window.entries_page.editor.body_edit.toPlainText() == "first draft"
    assert journal.entries.get(entry.id).body == "first draft"
    assert journal.entries.versions(entry.id)[0].body == "third draft"
    assert window.controller.model.summary(0).title == "Plan"


def test_unsaved_typing_becomes_a_version_before_the_list_opens(qtbot, journal, make_window):
    entry = journal.entries.create("Note", "original")
    window = make_window(journal, View.ENTRIES, autosave_ms=3_600_000)
    window.entries_page.editor.body_edit.setFocus()
    qtbot.keyClicks(window.entries_page.editor.body_edit, "typed ")
    window.commands.versions.trigger()
    dialog = window.findChild(VersionsDialog)
    assert dialog is not None
    assert journal.entries.get(entry.id).body == "typed original"
    assert dialog.version_list.count() == 1
    dialog.close()


def test_an_entry_without_versions_says_so(qtbot, journal):
    entry = journal.entries.create("New", "only text")
    dialog = VersionsDialog(journal.entries, entry.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_note.isVisible()
    assert not dialog.restore_button.isEnabled()
