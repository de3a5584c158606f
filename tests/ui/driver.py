"""The window driver: what the UI tests do to a window as a person would, and what they read back.

Activate a window, press keys in it, click and tick, type into a field, search; the search
results' titles. Every UI test drives windows through these, so a change in how a person reaches
something is made here once.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make the window the active one, as clicking on it would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press_key(
    qtbot: QtBot,
    window: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = NONE,
) -> None:
    """A key pressed wherever the focus is in the active window (or its open dialog)."""
    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = CTRL) -> None:
    """A keyboard shortcut (Ctrl+key unless told) pressed while the window is active."""
    press_key(qtbot, window, key, modifier)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a button with the left mouse button."""
    qtbot.mouseClick(button, LEFT)


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator, as a person would."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Empty a one-line field and type `text` into it."""
    field.clear()
    qtbot.keyClicks(field, text)


def titles(window: MainWindow) -> list[str]:
    """The search result titles the person sees, top to bottom."""
    model = window.controller.search.model
    return [model.hit(row).title for row in range(model.rowCount())]


def search_shown(window: MainWindow) -> bool:
    """True once a search's outcome is on screen (results or a message)."""
    panel = window.entries_page.sidebar.search_panel
    return panel.status_label.text().endswith("found") or bool(panel.message)


def search_for(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+F, type `text`, and wait for what it finds."""
    press(qtbot, window, Qt.Key.Key_F)
    qtbot.keyClicks(window.entries_page.sidebar.search_box, text)
    qtbot.waitUntil(lambda: search_shown(window) and window.controller.search.runner.busy is False)
