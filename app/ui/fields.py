"""Small label helpers shared by dialogs: inline errors and quiet notes in palette colours."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStyle, QWidget

from app.ui.announce import announce


class InlineError(QLabel):
    """A message shown in place, under the field it is about; hidden while empty.

    A screen reader hears its accessible name ("Unlock problem") with the message as its
    description, and is told each message as it is shown (`announced=False` for one that changes
    with every key typed, which would interrupt the typing).
    """

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, *, announced: bool = True
    ) -> None:
        super().__init__(parent)
        self._announced = announced
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    @Slot(str)
    def show_message(self, message: str) -> None:
        """Show `message` (or hide the label when it is empty)."""
        self.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))
        if self._announced:  # the same message again is news too: a second try failed
            announce(self, message, assertive=True)


def quiet_note(text: str, parent: QWidget | None = None) -> QLabel:
    """A secondary explanation: wrapped, in the palette's placeholder colour."""
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
