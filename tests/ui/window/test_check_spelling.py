"""Spelling in the journal window: every prose field is checked by the window's one service,
a word added in one field is cleared in the others, and View > Check spelling is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from app.ui.sessions.session_dialog import SessionDialog
from app.ui.summary.summary_dialog import SummaryDialog
from app.ui.widgets.underlines import underlines_of
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import NEVER_MS, TODAY, fill_demo
from tests.ui.driver import press
from tests.ui.widgets.test_spelling import open_menu, texts, underlined

# The word's menu opened on the headless platform (a real desktop does both).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def settled(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.spelling.busy)


def new_entry(qtbot, window: MainWindow) -> QPlainTextEdit:
    press(qtbot, window, Qt.Key.Key_N)
    return window.entries_page.editor.body_edit


def test_misspellings_typed_in_an_entry_are_underlined(qtbot, journal, make_window, english):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    body = new_entry(qtbot, window)
    qtbot.keyClicks(body, "I recieve feedbak on the behaviour of the team")
    settled(qtbot, window)
    assert underlined(body) == ["recieve", "feedbak"]
    assert window.message_bar.message == ""


def test_a_suggestion_chosen_in_an_entry_is_undone_with_ctrl_z(
    qtbot, journal, make_window, english
):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    body = new_entry(qtbot, window)
    qtbot.keyClicks(body, "We wrote a plann")
    settled(qtbot, window)
    menu = open_menu(body, "plann")
    qtbot.waitUntil(lambda: "plan" in texts(menu))
    [plan] = [a for a in menu.actions() if a.text() == "plan"]
    plan.trigger()
    menu.close()
    assert body.toPlainText() == "We wrote a plan"
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "We wrote a plann"


def test_a_word_added_in_the_entry_is_cleared_in_the_quick_note(
    qtbot, journal, make_window, english
):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    body = new_entry(qtbot, window)
    qtbot.keyClicks(body, "The Tuesday huddel ran over")
    window.commands.quick_note.trigger()
    dialog = window.controllers.quick_note.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.text_edit, "Another huddel.")
    settled(qtbot, window)
    assert underlined(dialog.text_edit) == ["huddel"]
    [add] = [a for a in open_menu(body, "huddel").actions() if "Add" in a.text()]
    add.trigger()
    assert [w.word for w in journal.dictionary.words()] == ["huddel"]
    assert underlined(body) == []
    assert underlined(dialog.text_edit) == []


def test_view_check_spelling_takes_every_underline_away_and_is_remembered(
    qtbot, journal, make_window, english
):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    toggle = window.commands.check_spelling
    assert toggle in window.menus["view"].actions()
    assert toggle.isChecked()
    assert toggle.shortcut().toString() == "F7"
    body = new_entry(qtbot, window)
    qtbot.keyClicks(body, "I recieve feedbak.")
    settled(qtbot, window)
    assert underlined(body) == ["recieve", "feedbak"]
    toggle.trigger()
    assert underlined(body) == []
    assert not window.spelling.busy
    window.close()
    later = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    assert not later.commands.check_spelling.isChecked()
    assert not later.spelling.enabled
    later.commands.check_spelling.trigger()
    assert later.spelling.enabled


def test_every_prose_field_is_checked_by_the_windows_service(qtbot, journal, make_window, english):
    window = make_window(
        fill_demo(journal), View.ENTRIES, autosave_ms=NEVER_MS, english=english, today=lambda: TODAY
    )
    service = window.spelling
    fields: dict[str, QPlainTextEdit] = {
        "entry": window.entries_page.editor.body_edit,
        "reply to a comment": window.cycle_comments.reply_edit,
        "action progress": window.actions_panel.progress_edit,
    }
    cycle = journal.cycles.cycles_in(journal.cycles.inquiries()[0].id)[0]
    window.navigation.open_cycle(cycle.id)
    flow = window.cycle_pane.flow
    assert flow is not None
    fields["stage"] = flow.stage_page.text_edit
    session = SessionDialog(journal, today=lambda: TODAY, parent=window)
    session.show()
    qtbot.waitExposed(session)
    fields["session wants"] = session.wants
    fields["session notes"] = session.notes
    summary = SummaryDialog(journal, today=lambda: TODAY, parent=window)
    summary.show()
    qtbot.waitExposed(summary)
    fields["summary wants"] = summary.wants_edit
    for name, edit in fields.items():
        highlighter = underlines_of(edit.document())
        assert highlighter.has_source(service.source), name
        edit.setPlainText("A speling slip")
    settled(qtbot, window)
    for name, edit in fields.items():
        assert underlined(edit) == ["speling"], name
    session.close()
    summary.close()


def test_a_word_removed_in_the_personal_dictionary_is_underlined_again(
    qtbot, journal, make_window, english
):
    journal.dictionary.add("huddel", private=False)
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS, english=english)
    body = new_entry(qtbot, window)
    qtbot.keyClicks(body, "The huddel ran over ")
    settled(qtbot, window)
    assert underlined(body) == []
    window.commands.personal_dictionary.trigger()
    dialog = window._dictionary_dialog.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.words.item(0).text() == "huddel"
    dialog.words.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert underlined(body) == ["huddel"]
    assert journal.dictionary.words() == []
    window.commands.personal_dictionary.trigger()  # asked again: the same one comes forward
    assert window._dictionary_dialog.dialog is dialog


def test_an_entry_opened_and_left_alone_is_not_saved_when_its_underlines_come(
    qtbot, journal, make_window, english
):
    made = journal.entries.create("Huddle", "I recieve feedbak at the huddle.")
    before = journal.entries.get(made.id)
    window = make_window(journal, View.ENTRIES, autosave_ms=0, english=english)
    body = window.entries_page.editor.body_edit
    qtbot.waitUntil(lambda: body.toPlainText() == before.body)
    edits: list[int] = []
    body.textChanged.connect(lambda: edits.append(1))
    settled(qtbot, window)
    assert underlined(body) == ["recieve", "feedbak"]
    window.controllers.entries.save_now()  # saves only what was typed: nothing
    assert edits == []  # the underlines came without the field taking them for typing
    after = journal.entries.get(made.id)
    assert after.updated == before.updated
