"""Writing in the window: nothing typed is ever lost, and the window looks after itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.journal.opening import create_journal, open_journal
from app.ui.entries.controller import EMPTY_JOURNAL_HINT
from app.ui.widgets.autosave import SaveState
from app.ui.widgets.settings import SETTINGS_NAME, open_settings
from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.support.data import NEVER_MS
from tests.ui.driver import activate, press


def test_text_typed_then_window_closed_is_there_after_reopening(
    qtbot, journal_dir, key_store, make_window
):
    journal, _code = create_journal(journal_dir, key_store)
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.title_edit, "Asking first")
    qtbot.keyClicks(
        window.entries_page.editor.body_edit, "In the huddle I asked for views before giving mine."
    )

    window.close()  # no Save pressed, no question asked
    journal.close()

    reopened = open_journal(journal_dir, key_store)
    try:
        [summary] = reopened.entries.summaries()
        record = reopened.entries.get(summary.id)
        assert record.title == "Asking first"
        assert record.body == "In the huddle I asked for views before giving mine."
    finally:
        reopened.close()


def test_typing_is_saved_about_a_second_after_it_stops(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    press(qtbot, window, Qt.Key.Key_N)
    entry_id = window.controller.saver.entry_id
    assert entry_id is not None

    qtbot.keyClicks(window.entries_page.editor.body_edit, "What surprised me")
    assert window.save_state_label.text() == SaveState.SAVING.value
    qtbot.waitUntil(lambda: journal.entries.get(entry_id).body == "What surprised me")
    assert window.save_state_label.text() == SaveState.SAVED.value


def test_ctrl_s_saves_at_once(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    entry_id = window.controller.saver.entry_id
    qtbot.keyClicks(window.entries_page.editor.body_edit, "Saved by hand")
    press(qtbot, window, Qt.Key.Key_S)
    assert journal.entries.get(entry_id).body == "Saved by hand"
    assert window.save_state_label.text() == "Saved"


def test_switching_entries_saves_the_one_left(qtbot, journal, make_window):
    journal.entries.create("Older", "first text")
    newer = journal.entries.create("Newer", "second text")
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    assert window.entries_page.editor.title_edit.text() == "Newer"  # newest first, shown at once

    window.entries_page.editor.body_edit.moveCursor(
        window.entries_page.editor.body_edit.textCursor().MoveOperation.End
    )
    qtbot.keyClicks(window.entries_page.editor.body_edit, ", and more")
    window.entries_page.sidebar.entry_list.setCurrentIndex(window.controller.model.index(1))

    assert window.entries_page.editor.title_edit.text() == "Older"
    assert journal.entries.get(newer.id).body == "second text, and more"


def test_losing_focus_saves(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    entry_id = window.controller.saver.entry_id
    qtbot.keyClicks(window.entries_page.editor.body_edit, "Before a meeting")

    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: journal.entries.get(entry_id).body == "Before a meeting")


def test_empty_journal_shows_a_hint_instead_of_an_editor(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    assert window.entries_page.hint_label.isVisible()
    assert window.entries_page.hint_label.text() == EMPTY_JOURNAL_HINT
    assert not window.entries_page.editor.isVisible()

    press(qtbot, window, Qt.Key.Key_N)
    assert window.entries_page.editor.isVisible()
    assert window.entries_page.editor.body_edit.hasFocus()


def test_a_new_entry_left_empty_is_not_kept(qtbot, journal, make_window):
    journal.entries.create("Kept", "text")
    window = make_window(journal, View.ENTRIES)
    press(qtbot, window, Qt.Key.Key_N)
    assert journal.entries.count() == 2
    window.entries_page.sidebar.entry_list.setCurrentIndex(window.controller.model.index(1))
    assert journal.entries.count() == 1
    assert window.controller.model.rowCount() == 1
    assert window.entries_page.editor.title_edit.text() == "Kept"


def test_word_count_is_in_the_status_bar(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.keyClicks(window.entries_page.editor.body_edit, "One small experiment")
    assert window.words_label.text() == "3 words"


def test_domains_show_their_explanations_and_are_saved(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    entry_id = window.controller.saver.entry_id
    team = window.entries_page.editor.domain_boxes[Domain.TEAM]
    assert team.text() == "Team or service"
    assert team.accessibleDescription() == Domain.TEAM.explanation
    qtbot.mouseClick(team, Qt.MouseButton.LeftButton)
    window.close()
    assert journal.entries.get(entry_id).domains == (Domain.TEAM,)


def test_window_size_and_splitter_are_remembered_without_any_content(
    qtbot, journal, make_window, isolated_home
):
    journal.entries.create("Private title", "private words")
    window = make_window(journal, View.ENTRIES)
    window.resize(780, 560)  # fits the offscreen screen (800 x 800), title bar and all
    window.entries_page.setSizes([250, 520])
    sizes = window.entries_page.sizes()
    window.close()

    again = make_window(journal, View.ENTRIES)
    assert (again.width(), again.height()) == (780, 560)
    assert again.entries_page.sizes() == sizes

    settings_file = Path(open_settings().fileName())
    assert settings_file.name == SETTINGS_NAME
    assert settings_file.is_relative_to(isolated_home)
    text = settings_file.read_text(encoding="utf-8")
    assert "geometry" in text
    assert "Private" not in text and "private" not in text


def test_every_control_has_an_accessible_name(journal, make_window):
    window = make_window(journal, View.ENTRIES)
    journal.entries.create("x", "y")
    window.controller.new_entry()
    editor = window.entries_page.editor
    controls = [
        window.entries_page.sidebar.search_box,
        window.entries_page.sidebar.filters_button,
        *window.entries_page.sidebar.filter_bar.focus_chain(),
        window.entries_page.sidebar.search_panel.order_combo,
        window.entries_page.sidebar.search_panel.results_list,
        window.entries_page.sidebar.entry_list,
        editor.title_edit,
        editor.body_edit,
        editor.preview,
        editor.tags_edit,
        *editor.domain_boxes.values(),
        window.words_label,
        window.save_state_label,
    ]
    assert all(control.accessibleName() for control in controls)


def test_tab_goes_from_the_list_to_the_editor(qtbot, journal, make_window):
    journal.entries.create("An entry", "text")
    window = make_window(journal, View.ENTRIES)
    activate(qtbot, window)
    window.entries_page.sidebar.search_box.setFocus()
    qtbot.keyClick(window.entries_page.sidebar.search_box, Qt.Key.Key_Tab)
    assert window.entries_page.sidebar.filters_button.hasFocus()
    qtbot.keyClick(window.entries_page.sidebar.filters_button, Qt.Key.Key_Tab)
    assert window.entries_page.sidebar.save_search_button.hasFocus()
    qtbot.keyClick(
        window.entries_page.sidebar.save_search_button, Qt.Key.Key_Tab
    )  # no saved searches yet
    assert window.entries_page.sidebar.entry_list.hasFocus()
    qtbot.keyClick(window.entries_page.sidebar.entry_list, Qt.Key.Key_Tab)
    assert window.entries_page.editor.title_edit.hasFocus()


def test_the_window_has_the_app_icon(journal, make_window):
    window = make_window(journal, View.ENTRIES)
    assert not window.windowIcon().pixmap(32, 32).isNull()
