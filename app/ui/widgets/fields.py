"""Small label helpers shared by dialogs: inline errors and quiet notes in palette colours."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAccessible, QAccessibleInterface, QPalette
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QStyle, QWidget

from app.ui.widgets.announce import announce


def _alert_role(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: an AlertLabel is an alert; anything else is Qt's own."""
    if isinstance(obj, AlertLabel):
        return QAccessibleWidget(obj, QAccessible.Role.AlertMessage)
    return None


@cache
def _install_alert_role() -> None:
    """Once for the whole app, when the first AlertLabel is made."""
    QAccessible.installFactory(_alert_role)


class AlertLabel(QLabel):
    """Words the person must not miss (a problem, or news that stays until read).

    A screen reader is told it is an alert (Qt has no role setter for a widget, so a small
    accessibility factory gives it one), named by its accessible name ("Unlock problem"),
    with the words shown as its description (`set_words`).
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _install_alert_role()
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)

    def set_words(self, words: str) -> None:
        """Show `words`, and give them to a screen reader as the description."""
        self.setText(words)
        self.setAccessibleDescription(words)


class InlineError(AlertLabel):
    """A message shown in place, under the field it is about; hidden while empty.

    A screen reader hears an alert, its accessible name ("Unlock problem") with the message as
    its description, and is told each message as it is shown (`announced=False` for one that
    changes with every key typed, which would interrupt the typing).
    """

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, *, announced: bool = True
    ) -> None:
        super().__init__(accessible_name, parent)
        self._announced = announced
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    @Slot(str)
    def show_message(self, message: str) -> None:
        """Show `message` (or hide the label when it is empty)."""
        self.set_words(message)
        self.setVisible(bool(message))
        if self._announced:  # the same message again is news too: a second try failed
            announce(self, message, assertive=True)


def quiet_note(text: str, parent: QWidget | None = None) -> QLabel:
    """A secondary explanation: wrapped, in the palette's placeholder colour (which
    app.ui.widgets.readable_colours keeps at 4.5:1 on windows, fields and hint panels)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def warning_icon(widget: QWidget, size: int = 32) -> QLabel:
    """The style's warning icon as a label."""
    label = QLabel()
    icon = widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    label.setPixmap(icon.pixmap(size, size))
    return label
