"""Small label helpers shared by dialogs: inline errors and quiet notes in palette colours."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStyle, QWidget


class InlineError(QLabel):
    """A message shown in place, under the field it is about; hidden while empty."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.setVisible(bool(message))


def quiet_note(text: str, parent: QWidget | None = None) -> QLabel:
    """A secondary explanation: wrapped, in the palette's placeholder colour (which
    app.ui.readable_colours keeps at 4.5:1 on windows, fields and hint panels)."""
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
