"""Entry > Turn into a cycle can be undone (Ctrl+Z) and redone, like Move to trash."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, TODAY
from tests.ui.driver import CTRL, SHIFT, activate
from tests.ui.support import view_shown

PHONE_CALL = "The bed manager rang at 10. I said yes before I had asked the nurse in charge."


def _turn_into_cycle(qtbot, window) -> str:
    """Entry > Turn into a cycle…, Kolb's cycle, in the line of inquiry offered; its id."""
    window.commands.turn_into_cycle.trigger()
    dialog = window.controllers.cycles.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.template_list.select_id("kolb")
    with qtbot.waitSignal(dialog.cycleCreated) as created:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return str(created.args[0])


def _titles(window) -> list[str]:
    model = window.controller.model
    return [model.summary(r).title for r in range(model.rowCount())]


def _key(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """Press a shortcut where the window's own commands get it (not inside a text box)."""
    activate(qtbot, window)
    window.rail.setFocus()
    qtbot.keyClick(window.rail, key, modifiers)


def _setup(journal, make_window, **options):
    inquiry = journal.cycles.create_inquiry(
        "How do I influence discharge planning?", domains=[Domain.ORGANISATION]
    )
    journal.entries.create("Older note", "Kept as it is.")
    entry = journal.entries.create("Phone call with the bed manager", PHONE_CALL, [Domain.TEAM])
    window = make_window(journal, View.ENTRIES, today=lambda: TODAY, **options)
    window.navigation.update_commands()
    return inquiry, entry, window


def test_ctrl_z_makes_the_cycle_an_entry_again_and_redo_turns_it_back(qtbot, journal, make_window):
    inquiry, entry, window = _setup(journal, make_window)
    cycle_id = _turn_into_cycle(qtbot, window)
    assert view_shown(window) is View.CYCLE
    assert window.commands.undo.text() == "&Undo Turn into a cycle"
    assert "Edit > Undo brings it back" in window.statusBar().currentMessage()

    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert view_shown(window) is View.ENTRIES
    assert _titles(window) == ["Phone call with the bed manager", "Older note"]
    assert window.entries_page.editor.title_edit.text() == "Phone call with the bed manager"
    assert window.entries_page.editor.body_edit.toPlainText() == PHONE_CALL
    assert journal.entries.get(entry.id).deleted is None  # not in the trash
    assert journal.cycles.get(cycle_id).deleted is not None  # the cycle is, text and all
    assert journal.cycles.get(cycle_id).text("experience") == PHONE_CALL
    assert "is an entry again" in window.statusBar().currentMessage()
    assert window.commands.redo.text() == "&Redo Turn into a cycle"
    window.navigation.show_view(View.HOME)
    assert cycle_id not in window.home.in_progress.ids() + window.home.waiting.ids()
    window.navigation.show_view(View.INQUIRIES)
    window.inquiries_page.timeline.show_inquiry(inquiry.id)
    assert [c.cycle_id for c in window.inquiries_page.timeline.cards] == []
    window.navigation.show_view(View.CYCLE)  # the trashed cycle is not left open there
    assert window.cycle_pane.currentWidget() is window.cycle_pane.empty_page

    _key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # Redo
    assert journal.cycles.get(cycle_id).deleted is None
    assert journal.entries.get(entry.id).deleted is not None
    assert [c.id for c in journal.cycles.cycles_in(inquiry.id)] == [cycle_id]  # no second one
    assert view_shown(window) is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == cycle_id
    assert window.cycle_pane.flow.stage_page.text_edit.toPlainText() == PHONE_CALL
    window.navigation.show_view(View.HOME)
    assert cycle_id in window.home.in_progress.ids()

    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert journal.entries.get(entry.id).deleted is None
    _key(qtbot, window, Qt.Key.Key_Y, CTRL)  # Redo, the other way
    assert journal.entries.get(entry.id).deleted is not None
    assert journal.cycles.get(cycle_id).deleted is None
    assert len(journal.cycles.cycles_in(inquiry.id)) == 1
    assert "Older note" in _titles(window) and len(_titles(window)) == 1


def test_what_was_typed_in_the_cycle_is_saved_before_undo_trashes_it(qtbot, journal, make_window):
    _inquiry, entry, window = _setup(journal, make_window, autosave_ms=NEVER_MS)
    cycle_id = _turn_into_cycle(qtbot, window)
    text_edit = window.cycle_pane.flow.stage_page.text_edit
    text_edit.moveCursor(text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(text_edit, " Next time I will ask first.")

    window.commands.undo.trigger()  # Edit > Undo
    assert journal.entries.get(entry.id).deleted is None
    cycle = journal.cycles.get(cycle_id)
    assert cycle.deleted is not None
    assert cycle.text("experience") == PHONE_CALL + " Next time I will ask first."  # kept


def test_a_refused_undo_says_why_and_leaves_the_history(qtbot, journal, make_window):
    inquiry, entry, window = _setup(journal, make_window)
    cycle_id = _turn_into_cycle(qtbot, window)
    journal.entries.delete_forever(entry.id)  # gone from under the window

    window.commands.undo.trigger()
    assert window.message_bar.isVisible()
    assert window.message_bar.text_label.text() == "That entry no longer exists."
    assert journal.cycles.get(cycle_id).deleted is None  # nothing half done
    assert [c.id for c in journal.cycles.cycles_in(inquiry.id)] == [cycle_id]
    assert window.undo_stack.count() == 0
    assert not window.commands.undo.isEnabled()
    assert view_shown(window) is View.CYCLE
