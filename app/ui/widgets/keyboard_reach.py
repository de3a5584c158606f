"""The keyboard reaches every control: Enter presses the focused button, and whatever takes the
focus is scrolled into sight.

Outside dialogs Qt's push buttons ignore Enter (only Space presses them), so a person who
tabbed to "Start the next experiment" and pressed Enter saw nothing happen. And a control given
the focus by the app or by an Alt+letter, rather than by Tab, could stay scrolled out of sight
on a short screen. One application-wide filter and one focus hook fix both, for every window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QScrollArea, QToolButton, QWidget

_INSTALLED = "inquiryJournalKeyboardReach"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MARGIN = 12  # a little room around a control scrolled into sight, so its focus ring shows


class EnterPressesFocusedButton(QObject):
    """Enter on a focused push or tool button presses it, as Space does.

    Dialogs are left alone: there Enter does the dialog's main action (KeyboardSafeDialog) or
    moves a wizard on, and a focused button already takes Enter.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Press the focused button on a plain Enter; let every other event through."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QPushButton | QToolButton) or event.key() not in _ENTER_KEYS:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier or isinstance(watched.window(), QDialog):
            return False
        if not (watched.isEnabled() and watched.isVisible() and watched.hasFocus()):
            return False
        watched.click()
        return True


class FocusInSight(QObject):
    """Scrolls every scroll area that holds the newly focused widget so the widget shows."""

    @Slot(QWidget, QWidget)
    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Bring `new` into sight in each scroll area it sits in, innermost first."""
        if new is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # a click: what was clicked is in sight already, and must not jump away
        parent = None if new.isWindow() else new.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                body = parent.widget()
                if body is not None and body.isAncestorOf(new):
                    parent.ensureWidgetVisible(new, _MARGIN, _MARGIN)
            parent = None if parent.isWindow() else parent.parentWidget()


def install() -> None:
    """Put both in place for the whole application, once (later calls do nothing)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property(_INSTALLED):
        return
    app.setProperty(_INSTALLED, True)
    enter = EnterPressesFocusedButton(app)
    app.installEventFilter(enter)
    sight = FocusInSight(app)
    app.focusChanged.connect(sight.focus_changed)
