"""Cycle > Move to trash, Edit > Undo, and trashed cycles in the Trash dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.trash.controller import CYCLE_TRASHED
from app.ui.trash.dialog import EMPTY_TRASH, TrashDialog
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, NO_MATCHES, TODAY
from tests.ui.driver import search_for, titles
from tests.ui.support import view_shown

MISTAKE = "Started by mistake"


@pytest.fixture
def inquiry_id(journal: Journal) -> str:
    return journal.cycles.create_inquiry(
        "How do I influence discharge planning?", domains=[Domain.ORGANISATION]
    ).id


def _cycle(journal: Journal, inquiry_id: str, title: str, text: str) -> str:
    cycle = journal.cycles.start_cycle(inquiry_id, "kolb", title=title)
    journal.cycles.save_stage(cycle.id, "experience", text)
    return cycle.id


def _timeline_ids(window, inquiry_id: str) -> list[str]:
    window.navigation.show_view(View.INQUIRIES)
    window.inquiries_page.timeline.show_inquiry(inquiry_id)
    return [card.cycle_id for card in window.inquiries_page.timeline.cards]


def _open_trash(qtbot, window: MainWindow) -> TrashDialog:
    window.commands.open_trash.trigger()
    dialog = window.controllers.trash.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_cycle_menu_trashes_the_cycle_and_edit_undo_brings_it_back(
    qtbot, journal, inquiry_id, make_window
):
    kept = _cycle(journal, inquiry_id, "Kept", "A steady week.")
    gone = _cycle(journal, inquiry_id, MISTAKE, "The zebrafish rota")
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    assert not window.commands.trash_cycle.isEnabled()  # Home: no cycle open
    window.navigation.open_cycle(gone)
    assert window.commands.trash_cycle in window.menus["cycle"].actions()
    assert window.commands.open_trash in window.menus["cycle"].actions()
    assert window.commands.trash_cycle.isEnabled()
    text_edit = window.cycle_pane.flow.stage_page.text_edit
    text_edit.moveCursor(text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(text_edit, " swap")

    window.commands.trash_cycle.trigger()  # Cycle > Move to trash
    assert journal.cycles.get(gone).deleted is not None
    assert journal.cycles.get(gone).text("experience") == "The zebrafish rota swap"  # saved first
    assert view_shown(window) is View.CYCLE
    assert window.cycle_pane.currentWidget() is window.cycle_pane.empty_page
    assert window.statusBar().currentMessage() == CYCLE_TRASHED.format(title=MISTAKE)
    assert window.statusBar().currentMessage() == (
        f"Moved “{MISTAKE}” to the trash. Edit > Undo brings it back."
    )
    assert window.commands.undo.text() == "&Undo Move cycle to trash"
    assert not window.commands.trash_cycle.isEnabled()
    window.navigation.show_view(View.HOME)
    assert window.home.in_progress.ids() == [kept]
    assert _timeline_ids(window, inquiry_id) == [kept]
    search_for(qtbot, window, "zebrafish")
    assert window.entries_page.sidebar.search_panel.message == NO_MATCHES.format("zebrafish")

    # off the search box, whose own typing Undo takes back first
    window.entries_page.sidebar.search_panel.setFocus()
    window.commands.undo.trigger()  # Edit > Undo, from the search
    assert journal.cycles.get(gone).deleted is None
    assert "is back in its line of inquiry" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: titles(window) == [f"{MISTAKE} · Concrete experience"])
    window.navigation.show_view(View.HOME)
    assert sorted(window.home.in_progress.ids()) == sorted([kept, gone])
    assert _timeline_ids(window, inquiry_id) == [kept, gone]


def test_undo_in_the_cycle_view_opens_the_cycle_again(qtbot, journal, inquiry_id, make_window):
    gone = _cycle(journal, inquiry_id, MISTAKE, "Some words")
    window = make_window(journal, today=lambda: TODAY)
    window.navigation.open_cycle(gone)
    window.commands.trash_cycle.trigger()
    assert window.controllers.cycles.shown_cycle_id == ""

    window.commands.undo.trigger()
    assert view_shown(window) is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == gone
    assert window.cycle_pane.flow.stage_page.text_edit.toPlainText() == "Some words"
    window.commands.redo.trigger()
    assert journal.cycles.get(gone).deleted is not None


def test_a_timeline_card_context_menu_moves_its_cycle_to_the_trash(
    qtbot, journal, inquiry_id, make_window
):
    kept = _cycle(journal, inquiry_id, "Kept", "Stays")
    gone = _cycle(journal, inquiry_id, MISTAKE, "Goes")
    window = make_window(journal, View.INQUIRIES, today=lambda: TODAY)
    timeline = window.inquiries_page.timeline
    timeline.show_inquiry(inquiry_id)
    card = next(c for c in timeline.cards if c.cycle_id == gone)
    assert card.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert card.trash_action in card.actions()

    card.trash_action.trigger()
    assert journal.cycles.get(gone).deleted is not None
    assert [c.cycle_id for c in timeline.cards] == [kept]
    assert view_shown(window) is View.INQUIRIES
    window.commands.undo.trigger()
    assert [c.cycle_id for c in timeline.cards] == [kept, gone]


def test_the_trash_lists_previews_and_restores_a_cycle(qtbot, journal, inquiry_id, make_window):
    entry = journal.entries.create("A trashed note", "note body")
    journal.entries.trash(entry.id)
    gone = _cycle(journal, inquiry_id, MISTAKE, "What I **noticed** on the ward")
    journal.cycles.trash(gone)
    window = make_window(journal, View.INQUIRIES, today=lambda: TODAY)
    assert _timeline_ids(window, inquiry_id) == []

    dialog = _open_trash(qtbot, window)
    assert dialog.entries_section.isVisible() and dialog.cycles_section.isVisible()
    assert dialog.cycle_list.accessibleName() == "Trashed cycles"
    assert dialog.cycle_model.rowCount() == 1
    assert dialog.cycle_model.index(0).data() == MISTAKE
    assert "note body" in dialog.preview.toPlainText()  # the newest entry comes first

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # C&ycles
    assert dialog.cycle_list.hasFocus()
    assert dialog.selected_id() == gone
    assert not dialog.entry_list.currentIndex().isValid()  # one thing chosen at a time
    assert dialog.preview.accessibleName() == "Trashed cycle preview"
    preview = dialog.preview.toPlainText()
    assert MISTAKE in preview and "What I noticed on the ward" in preview
    assert dialog.preview.isReadOnly()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert journal.cycles.get(gone).deleted is None
    assert not dialog.cycles_section.isVisible()
    assert dialog.selected_id() == entry.id
    assert window.statusBar().currentMessage() == f"“{MISTAKE}” is back in its line of inquiry."
    assert [c.cycle_id for c in window.inquiries_page.timeline.cards] == [gone]
    dialog.close()


def test_delete_forever_removes_a_cycle_for_good(qtbot, journal, inquiry_id, answers):
    kept = _cycle(journal, inquiry_id, "Kept in the trash", "stays")
    gone = _cycle(journal, inquiry_id, MISTAKE, "first words")
    journal.cycles.save_stage(gone, "experience", "second words", keep_version=True)
    for cycle_id in (kept, gone):
        journal.cycles.trash(cycle_id)
    dialog = TrashDialog(journal, confirm=answers)
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.cycle_model.row_of(gone)
    assert row is not None
    dialog.cycle_list.setCurrentIndex(dialog.cycle_model.index(row))

    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [
        f"Delete forever?: Delete the cycle “{MISTAKE}”, its stages and their earlier "
        "versions, for good? This cannot be undone."
    ]
    with pytest.raises(JournalError):
        journal.cycles.get(gone)
    assert journal.cycles.stage_versions(gone, "experience") == []
    assert [dialog.cycle_model.summary(r).id for r in range(dialog.cycle_model.rowCount())] == [
        kept
    ]
    assert dialog.selected_id() == kept


def test_saying_no_keeps_a_trashed_cycle(qtbot, journal, inquiry_id, answers):
    gone = _cycle(journal, inquiry_id, MISTAKE, "words")
    journal.cycles.trash(gone)
    answers.reply = False
    dialog = TrashDialog(journal, confirm=answers)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected_id() == gone
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert len(answers.asked) == 2 and "the cycle in the trash" in answers.asked[1]
    assert journal.cycles.get(gone).deleted is not None


def test_empty_trash_removes_trashed_cycles_and_entries(
    qtbot, journal, inquiry_id, answers, make_window
):
    live = _cycle(journal, inquiry_id, "Live", "stays")
    for title in ("One", "Two"):
        journal.cycles.trash(_cycle(journal, inquiry_id, title, "goes"))
    entry = journal.entries.create("Old note", "goes")
    journal.entries.trash(entry.id)
    window = make_window(journal, today=lambda: TODAY)
    dialog = _open_trash(qtbot, window)

    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "Delete the 1 entry and 2 cycles in the trash" in answers.asked[-1]
    assert journal.cycles.trashed_count() == 0
    assert journal.entries.count(trashed=True) == 0
    assert [c.id for c in journal.cycles.all_records()] == [live]
    assert dialog.pages.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == EMPTY_TRASH
    assert not dialog.empty_button.isEnabled()
    dialog.close()
