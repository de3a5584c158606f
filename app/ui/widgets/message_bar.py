"""A message strip above the editor for problems that must not interrupt writing."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QStyle, QWidget

from app.ui.widgets.announce import announce
from app.ui.widgets.fields import AlertLabel, warning_icon


class MessageBar(QFrame):
    """Shows a problem in plain words with a "Try again" button; hidden when all is well.

    `show_note()` uses it for news that must stay until read (a share was saved, and how to
    send it): an information icon and a "Dismiss" button instead.

    Signals: retryRequested() when the person presses "Try again".
    """

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.text_label = AlertLabel("Problem")
        self.retry_button = QPushButton("Try &again")
        self.retry_button.setAccessibleName("Try saving again")
        self.retry_button.clicked.connect(self.retryRequested)
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss the message")
        self.dismiss_button.clicked.connect(self.clear)
        self.dismiss_button.hide()
        self.icon_label = warning_icon(self, 24)
        self._warning = self.icon_label.pixmap()
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self._information = info.pixmap(24, 24)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    @Slot(str)
    def show_problem(self, message: str) -> None:
        """Show the message and keep it until `clear()`."""
        self._show(message, note=False)

    @Slot(str)
    def show_note(self, message: str, *, announced: bool = True) -> None:
        """Show news (not a problem) until it is dismissed or `clear()`; `announced=False` when
        a screen reader has just been told the same words elsewhere (the Import dialog)."""
        self._show(message, note=True, announced=announced)

    def _show(self, message: str, *, note: bool, announced: bool = True) -> None:
        self.icon_label.setPixmap(self._information if note else self._warning)
        self.text_label.setAccessibleName("Message" if note else "Problem")
        self.retry_button.setVisible(not note)
        self.dismiss_button.setVisible(note)
        self.text_label.set_words(message)
        self.show()
        if announced:
            announce(self.text_label, message, assertive=not note)

    @Slot()
    def clear(self) -> None:
        """Hide the bar."""
        self.text_label.set_words("")
        self.hide()

    @property
    def message(self) -> str:
        """The message shown ("" when hidden)."""
        return self.text_label.text() if self.isVisible() else ""
