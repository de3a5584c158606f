"""A message strip above the editor for problems that must not interrupt writing."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.fields import warning_icon


class MessageBar(QFrame):
    """Shows a problem in plain words with a "Try again" button; hidden when all is well.

    Signals: retryRequested() when the person presses "Try again".
    """

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName("Problem")
        self.retry_button = QPushButton("Try &again")
        self.retry_button.setAccessibleName("Try saving again")
        self.retry_button.clicked.connect(self.retryRequested)
        layout = QHBoxLayout(self)
        layout.addWidget(warning_icon(self, 24))
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    @Slot(str)
    def show_problem(self, message: str) -> None:
        """Show the message and keep it until `clear()`."""
        self.text_label.setText(message)
        self.show()

    @Slot()
    def clear(self) -> None:
        """Hide the bar."""
        self.text_label.clear()
        self.hide()

    @property
    def message(self) -> str:
        """The message shown ("" when hidden)."""
        return self.text_label.text() if self.isVisible() else ""
