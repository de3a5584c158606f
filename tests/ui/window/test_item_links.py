"""Links between items in the window: `[[` completion, Link…, links that open, "Linked from"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from app.journal.opening import Journal
from app.ui.widgets.link_completer import NOTHING_FOUND, LinkPicker
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from app.writing.domains import Domain
from app.writing.links import NOT_FOUND, link_markup
from tests.ui.driver import CTRL, LEFT, SHIFT, activate, press

NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def huddle(journal: Journal) -> str:
    inquiry = journal.cycles.create_inquiry("How do I listen better?", domains=[Domain.TEAM])
    return journal.cycles.start_cycle(inquiry.id, "action-inquiry", title="Night huddle").id


def _view(window: MainWindow) -> View:
    return window.navigation.view


def _writing_entry(qtbot, window: MainWindow) -> None:
    window.commands.new_entry.trigger()
    activate(qtbot, window)
    editor = window.entries_page.editor
    editor.focus_text()
    qtbot.waitUntil(editor.body_edit.hasFocus)


def test_typing_two_brackets_offers_items_and_enter_links_one(
    qtbot, journal: Journal, huddle: str, make_window
) -> None:
    journal.entries.create("Budget meeting", "")
    window = make_window(journal, View.ENTRIES)
    _writing_entry(qtbot, window)
    editor = window.entries_page.editor
    completer = editor.links
    body = editor.body_edit

    qtbot.keyClicks(body, "See [[")
    assert completer.showing
    assert completer.popup.count() == 2  # both items (not the entry being written)
    qtbot.keyClicks(body, "hud")
    assert [completer.popup.item(i).text().split("  (")[0] for i in range(1)] == ["Night huddle"]
    qtbot.keyClick(body, Qt.Key.Key_Return, NONE)
    assert not completer.showing
    assert body.toPlainText() == f"See [Night huddle](ij:cycle/{huddle})"
    qtbot.keyClicks(body, " and")
    assert body.toPlainText().endswith(") and")  # the cursor is after the link

    # Escape leaves what was typed; a title that matches nothing says so.
    qtbot.keyClicks(body, " [[zzz")
    assert completer.popup.item(0).text() == NOTHING_FOUND
    qtbot.keyClick(body, Qt.Key.Key_Escape, NONE)
    assert not completer.showing and body.toPlainText().endswith(" and [[zzz")
    assert _view(window) is View.ENTRIES


def test_arrows_choose_among_the_items(qtbot, journal: Journal, huddle: str, make_window) -> None:
    journal.entries.create("Huddle notes", "")  # changed after the cycle: listed first
    window = make_window(journal, View.ENTRIES)
    _writing_entry(qtbot, window)
    body = window.entries_page.editor.body_edit
    qtbot.keyClicks(body, "[[huddle")
    popup = window.entries_page.editor.links.popup
    assert popup.currentItem().text().startswith("Huddle notes")
    qtbot.keyClick(body, Qt.Key.Key_Down, NONE)
    qtbot.keyClick(body, Qt.Key.Key_Tab, NONE)
    assert body.toPlainText() == link_markup("cycle", huddle, "Night huddle")


def test_a_cycle_stage_completes_links_too(
    qtbot, journal: Journal, huddle: str, make_window
) -> None:
    entry = journal.entries.create("Bed meeting, Thursday", "")
    window = make_window(journal)
    window.navigation.open_cycle(huddle)
    flow = window.cycle_pane.flow
    assert flow is not None
    activate(qtbot, window)
    text = flow.stage_page.text_edit
    text.setFocus()
    qtbot.keyClicks(text, "As in [[bed")
    qtbot.keyClick(text, Qt.Key.Key_Enter, NONE)
    assert text.toPlainText() == f"As in [Bed meeting, Thursday](ij:entry/{entry.id})"


def test_the_link_command_picks_an_item_and_links_it_at_the_cursor(
    qtbot, journal: Journal, huddle: str, make_window
) -> None:
    window = make_window(journal, View.ENTRIES)
    _writing_entry(qtbot, window)
    body = window.entries_page.editor.body_edit
    qtbot.keyClicks(body, "Before ")
    assert window.commands.insert_link.shortcut().toString() == "Ctrl+Shift+K"
    press(qtbot, window, Qt.Key.Key_K, CTRL | SHIFT)
    picker = window.controllers.links.picker
    assert isinstance(picker, LinkPicker)
    qtbot.waitExposed(picker)
    qtbot.keyClicks(picker.filter_edit, "night")
    assert picker.list.count() == 1
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return, NONE)
    assert body.toPlainText() == f"Before [Night huddle](ij:cycle/{huddle})"


def test_the_link_command_outside_a_text_says_where_to_go(
    qtbot, journal: Journal, make_window
) -> None:
    window = make_window(journal)
    window.home.setFocus()
    window.commands.insert_link.trigger()
    assert window.controllers.links.picker is None
    assert "cursor" in window.statusBar().currentMessage()


def test_links_open_their_items_and_items_show_what_links_to_them(
    qtbot, journal: Journal, huddle: str, make_window
) -> None:
    linking = journal.entries.create(
        "Thinking again", f"About {link_markup('cycle', huddle, 'Night huddle')}."
    )
    gone = journal.entries.create("Gone", "")
    journal.entries.trash(gone.id)
    journal.entries.create(
        "Later",
        f"After {link_markup('entry', linking.id, 'Thinking again')} and "
        f"{link_markup('entry', gone.id, 'Gone')}",
    )
    window = make_window(journal)

    # The cycle shows the entry that links to it; clicking the row opens the entry.
    window.navigation.open_cycle(huddle)
    shown = window.cycle_pane.linked_from
    assert shown.isVisible() and shown.list.count() == 1
    assert shown.list.item(0).text().startswith("Thinking again  (Entry, ")
    row = shown.list.visualItemRect(shown.list.item(0)).center()
    qtbot.mouseClick(shown.list.viewport(), LEFT, pos=row)
    assert _view(window) is View.ENTRIES
    assert window.controllers.entries.saver.entry_id == linking.id

    # The entry shows "Later", which links to it; its preview's link opens the cycle.
    editor = window.entries_page.editor
    assert [i.title for i in editor.linked_from.items] == ["Later"]
    editor.tabs.setCurrentIndex(editor.PREVIEW_TAB)
    assert f'href="ij:cycle/{huddle}"' in editor.preview.toHtml()
    editor.preview.anchorClicked.emit(QUrl(f"ij:cycle/{huddle}"))
    assert _view(window) is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == huddle

    # A link to a trashed entry is its title and "(not found)", and opens nothing.
    window.navigation.open_entry(window.entries_page.editor.linked_from.items[0].item_id)
    editor.tabs.setCurrentIndex(editor.PREVIEW_TAB)
    html = editor.preview.toHtml()
    assert f"Gone {NOT_FOUND}" in html and f"ij:entry/{gone.id}" not in html
    editor.preview.anchorClicked.emit(QUrl(f"ij:entry/{gone.id}"))
    assert "in the trash" in window.statusBar().currentMessage()


def test_the_read_view_links_to_other_items(
    qtbot, journal: Journal, huddle: str, make_window
) -> None:
    entry = journal.entries.create("Bed meeting", "")
    journal.cycles.save_stage(huddle, "frame", link_markup("entry", entry.id, "Bed meeting"))
    window = make_window(journal)
    window.navigation.read_cycle(huddle)
    view = window.cycle_pane.read_view
    assert f'href="ij:entry/{entry.id}"' in view.toHtml()
    view.anchorClicked.emit(QUrl(f"ij:entry/{entry.id}"))
    assert _view(window) is View.ENTRIES
    assert window.controllers.entries.saver.entry_id == entry.id
