"""Driving the Coaching view as a person would: choosing, typing, waiting for the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.coach.coach_page import CoachPage
from app.ui.coach.rows import ItemKey
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.ui.driver import press


def open_coaching(qtbot, window: MainWindow) -> CoachPage:
    """Ctrl+6, then wait for the items to be read.

    Keep a reference to `window` meanwhile: pytest-qt holds it weakly, and a window Python has
    let go of is deleted whenever the garbage collector runs (a worker thread, even).
    """
    press(qtbot, window, Qt.Key.Key_6)
    assert window.navigation.view is View.COACHING
    page = window.coach_page
    settle(qtbot, page)
    return page


def settle(qtbot, page: CoachPage) -> None:
    """Wait until the item list shows what was last asked for."""
    qtbot.waitUntil(lambda: not page.busy)
    QApplication.processEvents()


def titles(qtbot, page: CoachPage) -> list[str]:
    """The item titles listed, once the list has been read."""
    settle(qtbot, page)
    return page.item_list.titles()


def search(qtbot, page: CoachPage, text: str) -> list[str]:
    """Type words in the search box and press Enter; the titles found."""
    box = page.filter_bar.search_box
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return titles(qtbot, page)


def click_item(qtbot, page: CoachPage, title: str) -> ItemKey:
    """Click the row with this title; the item it shows."""
    view = page.item_list
    row = view.titles().index(title)
    rect = view.visualRect(view.item_model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    key = view.current_key()
    assert key is not None and page.reader.title_label.text() == title
    return key
