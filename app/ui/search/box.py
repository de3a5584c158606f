"""The search box (a view): what to type, recent searches offered as you type or on Alt+Down."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

PLACEHOLDER = "Search everything you wrote (Ctrl+F)"
HOW_TO_SEARCH = (
    'Every word must match. Put a phrase in "quotes", leave a word out with -word, '
    "and match the start of a word with wor*. Alt+Down shows recent searches."
)


class SearchBox(QLineEdit):
    """A line edit for search text that offers recent searches.

    Signals: focused() when it gains focus; downPressed() when Down is pressed with text in
    the box (to move into the results); escapePressed() when Esc is pressed.
    """

    focused = Signal()
    downPressed = Signal()
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search")
        self.setAccessibleDescription(HOW_TO_SEARCH)
        self.setToolTip(HOW_TO_SEARCH)
        self.recent_model = QStringListModel(self)
        self.recent_completer = QCompleter(self.recent_model, self)
        self.recent_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.recent_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.recent_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.recent_completer.setMaxVisibleItems(10)
        popup = self.recent_completer.popup()
        if popup is not None:
            popup.setAccessibleName("Recent searches")
        self.setCompleter(self.recent_completer)

    def set_recent(self, searches: list[str]) -> None:
        """The recent searches offered (newest first)."""
        self.recent_model.setStringList(searches)

    def recent(self) -> list[str]:
        """The recent searches offered."""
        return self.recent_model.stringList()

    def show_recent(self) -> None:
        """Open the list of every recent search under the box."""
        if not self.recent_model.rowCount():
            return
        self.recent_completer.setCompletionPrefix("")
        self.recent_completer.complete()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Say the box has focus (recent searches are read then, not at start-up)."""
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down moves into the results (or opens recent searches); Esc is for the owner."""
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_Down and (alt or not self.text()):
            self.show_recent()
            return
        if key == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        super().keyPressEvent(event)
