"""Enter presses the focused button outside dialogs, and a control given the focus scrolls into
sight."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.ui.cycles.review_page import ReviewPage
from app.ui.widgets import keyboard_reach
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from tests.ui.driver import activate


def test_enter_presses_the_focused_button_in_a_window(qtbot, show):
    keyboard_reach.install()
    window = QWidget()
    button = QPushButton("Start the next experiment", window)
    QVBoxLayout(window).addWidget(button)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    show(window)
    activate(qtbot, window)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.keyClick(button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert pressed == [True, True]
    qtbot.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pressed == [True, True]  # Ctrl+Enter is a shortcut of its own, not a press


def test_in_a_dialog_enter_presses_a_focused_button_once(qtbot, show):
    dialog = KeyboardSafeDialog()
    button = QPushButton("Choose…", dialog)
    QVBoxLayout(dialog).addWidget(button)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    show(dialog)
    activate(qtbot, dialog)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == [True]


def test_a_control_focused_without_tab_is_scrolled_into_sight(qtbot, show):
    keyboard_reach.install()
    page = ReviewPage()
    page.resize(420, 200)
    show(page)
    activate(qtbot, page)
    button = page.finish_button
    viewport = page.viewport()
    assert viewport is not None

    def in_sight() -> bool:
        where = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
        return viewport.rect().contains(where)

    assert not in_sight()  # below the fold of a short window
    button.setFocus(Qt.FocusReason.ShortcutFocusReason)  # as an Alt+letter would
    assert in_sight()
