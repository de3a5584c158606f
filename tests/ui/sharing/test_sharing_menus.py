"""Where the sharing commands are: the Sharing menu, File > Import…, and the entry list's menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.ui.window.navigation import View
from tests.ui.driver import activate
from tests.ui.sharing.helpers import FilePicker


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menus_and_a_shortcut_that_clashes_with_nothing(journal, make_window):
    window = make_window(journal)
    assert _texts(window.menus["sharing"]) == [
        "Share with &coach…",
        "Save my car&d…",
        "&Add coach from card…",
    ]
    file_items = _texts(window.menus["file"])
    assert file_items.index("&Import…") == file_items.index("&Print summary…") + 1
    entry_items = _texts(window.menus["entry"])
    assert entry_items.index("Share this entry with coach &now…") == (
        entry_items.index("S&hare with coach") + 1
    )
    assert window.sharing_commands.import_file.shortcut() == QKeySequence("Ctrl+Shift+I")
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts


def test_ctrl_shift_i_asks_for_the_file_to_import(qtbot, journal, make_window, picker: FilePicker):
    window = make_window(journal, pick_file=picker)
    activate(qtbot, window)
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [r.title for r in picker.asked] == ["Import a package or a journal export"]
    assert window.controllers.sharing.import_dialog is None  # cancelled: nothing opened


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_entry_lists_menu_acts_on_the_row_clicked(qtbot, paired, make_window):
    for title in ("Oldest", "Middle", "Newest"):
        paired.entries.create(title, "Text.")
    window = make_window(paired, view=View.ENTRIES)
    entry_list = window.entries_page.sidebar.entry_list
    assert window.entries_page.editor.title_edit.text() == "Newest"
    rect = entry_list.visualRect(window.controller.model.index(2))
    entry_list.customContextMenuRequested.emit(rect.center())  # a right-click on "Oldest"
    menu = window.controllers.sharing.entry_menu
    qtbot.waitUntil(menu.isVisible)
    assert window.entries_page.editor.title_edit.text() == "Oldest"
    assert _texts(menu) == [
        "S&hare with coach",
        "Share this entry with coach &now…",
        "&Move to trash",
    ]
    assert window.sharing_commands.share_open_item.isEnabled()
    menu.close()

    window.sharing_commands.share_open_item.trigger()
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    assert dialog.selected_button.text() == "The entry you have open: “Oldest”"
    dialog.close()
