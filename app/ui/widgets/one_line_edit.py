"""A one-line field for prose that the spelling check can underline.

A QLineEdit cannot carry a QSyntaxHighlighter, so a sentence written in one (an action agreed
in a session: what I will do, how I will know) could not be checked. OneLineEdit is a
QPlainTextEdit that behaves as a line: no wrapping and no new lines (Enter goes to the dialog,
as from a line edit; a pasted line break becomes a space), Tab moves on, one line high, and
the QLineEdit calls the forms use (`text`, `setText`, `setCursorPosition`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


class OneLineEdit(QPlainTextEdit):
    """A single line of prose: QPlainTextEdit underneath, a line edit to the person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        document = self.document()
        document.setDocumentMargin(2)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        line = self.fontMetrics().lineSpacing()
        margin = int(self.document().documentMargin())
        self.setFixedHeight(line + 2 * margin + margins.top() + margins.bottom() + 2)

    def changeEvent(self, event: QEvent) -> None:
        """Keep one line high when the font changes (text size, zoom)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def sizeHint(self) -> QSize:
        """As wide as a line edit would ask, one line high."""
        return QSize(super().sizeHint().width(), self.height())

    def text(self) -> str:
        """The line, as QLineEdit.text()."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replace the line (line breaks become spaces), as QLineEdit.setText()."""
        self.setPlainText(_one_line(text))

    def setCursorPosition(self, position: int) -> None:
        """Put the cursor at `position` and scroll it into view."""
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the dialog's (its main action), never a new line."""
        if event.key() in _ENTER:
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: line breaks become spaces."""
        if source.hasText():
            self.textCursor().insertText(_one_line(source.text()))
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)
