"""View > Reflective moves in the window: beside an entry and beside a cycle's stage, off until
asked for, remembered, and never kept with what is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.widgets.moves_panel import FOUND_MARK
from app.ui.widgets.settings import open_settings
from app.ui.window.navigation import View
from app.writing.domains import Domain
from app.writing.moves import Move
from tests.support.data import NEVER_MS, TODAY
from tests.ui.driver import CTRL, SHIFT, press
from tests.ui.screen_reader import problems

REFLECTION = (
    "I asked the team for their view before giving mine. I felt exposed in the silence. "
    "From the healthcare assistants' point of view, I may have seemed to be testing them. "
    "Next time I will wait longer."
)


def test_the_moves_are_off_until_asked_for_then_shown_beside_the_entry(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    panel = window.entries_page.moves_panel
    toggle = window.commands.reflective_moves
    assert not toggle.isChecked()
    assert toggle in window.menus["view"].actions()
    press(qtbot, window, Qt.Key.Key_N)
    editor = window.entries_page.editor
    assert not panel.isVisible()
    assert editor.moves_button.isVisible()  # the button beside the writing does it too
    assert editor.moves_button.defaultAction() is toggle

    body = editor.body_edit
    qtbot.keyClicks(body, REFLECTION)
    press(qtbot, window, Qt.Key.Key_M, CTRL | SHIFT)
    assert panel.isVisible()
    assert toggle.isChecked()
    assert body.hasFocus()  # showing the moves leaves the person writing
    found = [f.move for f in panel.findings if f.found]
    assert found == [Move.FEELING, Move.OTHERS_VIEW, Move.DIFFERENTLY]
    assert panel.item(Move.OTHERS_VIEW).text().startswith(FOUND_MARK)

    item = panel.item(Move.OTHERS_VIEW)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert body.textCursor().selectedText() == "I asked the team for their view before giving mine."
    assert panel.list.hasFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # again: the next sentence that shows it
    assert body.textCursor().selectedText() == (
        "From the healthcare assistants' point of view, I may have seemed to be testing them."
    )

    qtbot.mouseClick(editor.moves_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert not toggle.isChecked()


def test_the_choice_is_remembered_for_the_next_window(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.commands.reflective_moves.trigger()
    window.close()
    again = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    assert again.commands.reflective_moves.isChecked()
    press(qtbot, again, Qt.Key.Key_N)
    assert again.entries_page.moves_panel.isVisible()


def test_typing_in_a_stage_updates_the_moves_beside_the_cycle(qtbot, journal, make_window):
    cycle = journal.cycles.start_inquiry(
        "How do I get my team to raise concerns earlier?", [Domain.TEAM], "action-inquiry"
    )
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    window.commands.reflective_moves.setChecked(True)
    window.navigation.open_cycle(cycle.id, "intention")
    flow = window.cycle_pane.flow
    assert flow is not None
    panel = window.cycle_moves
    assert panel.isVisible()
    assert flow.stage_page.moves_button.defaultAction() is window.commands.reflective_moves

    text = flow.stage_page.text_edit
    text.setFocus()
    qtbot.keyClicks(text, "I assumed nobody would speak up at the huddle.")
    qtbot.waitUntil(lambda: panel.finding(Move.ASSUMPTION).found)
    panel.show_in_text(Move.ASSUMPTION)
    assert text.textCursor().selectedText() == "I assumed nobody would speak up at the huddle."


def test_what_the_panel_finds_is_not_kept_anywhere(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    window.commands.reflective_moves.setChecked(True)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.body_edit, REFLECTION)
    panel = window.entries_page.moves_panel
    panel.refresh()
    panel.show_in_text(Move.FEELING)
    window.controller.save_now()
    window.close()

    (entry_id,) = journal.entries.all_ids()
    assert journal.entries.get(entry_id).body == REFLECTION  # the text alone, as written
    settings = Path(open_settings().fileName()).read_text(encoding="utf-8")
    assert "reflective_moves=yes" in settings
    for words in ("exposed", "Names a feeling", "found", "point of view"):
        assert words not in settings


def test_every_control_of_the_moves_has_a_name_and_a_role(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.commands.reflective_moves.setChecked(True)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.body_edit, REFLECTION)
    panel = window.entries_page.moves_panel
    panel.refresh()
    assert problems("reflective moves", panel) == []
    assert problems("entry editor", window.entries_page.editor) == []


def test_tab_reaches_the_moves_from_the_button_beside_the_writing(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.commands.reflective_moves.setChecked(True)
    press(qtbot, window, Qt.Key.Key_N)
    editor = window.entries_page.editor
    editor.tags_edit.setFocus()
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Tab)
    assert editor.moves_button.hasFocus()
    qtbot.keyClick(editor.moves_button, Qt.Key.Key_Tab)
    assert window.entries_page.moves_panel.list.hasFocus()
