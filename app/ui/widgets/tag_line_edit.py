"""A comma-separated tag field that completes the tag being typed from the journal's tags."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

SEPARATOR = ","


def split_tags(text: str) -> tuple[str, ...]:
    """The tags in the field, trimmed, without empty ones or repeats (the store tidies further)."""
    seen: dict[str, str] = {}
    for raw in text.split(SEPARATOR):
        tag = " ".join(raw.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def join_tags(tags: tuple[str, ...] | list[str]) -> str:
    """The field's text for a list of tags."""
    return f"{SEPARATOR} ".join(tags)


class TagLineEdit(QLineEdit):
    """Tags separated by commas; the part after the last comma is completed from known tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known = QStringListModel(self)
        self.completer_popup = QCompleter(self._known, self)
        self.completer_popup.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_popup.setWidget(self)
        self.completer_popup.activated.connect(self._insert_completion)
        self.textEdited.connect(self._offer_completions)
        self.setPlaceholderText("Tags, separated by commas")

    def set_known_tags(self, tags: list[str]) -> None:
        """The tags to offer while typing."""
        self._known.setStringList(tags)

    def tags(self) -> tuple[str, ...]:
        """The tags typed, tidied."""
        return split_tags(self.text())

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(SEPARATOR)[-1].strip()

    @Slot(str)
    def _offer_completions(self, _text: str) -> None:
        word = self._current_word()
        popup = self._popup()
        if not word:
            popup.hide()
            return
        self.completer_popup.setCompletionPrefix(word)
        typed_already = {t.casefold() for t in self.tags()}
        if self.completer_popup.completionCount() == 0 or (
            self.completer_popup.completionCount() == 1
            and self.completer_popup.currentCompletion().casefold() == word.casefold()
            and word.casefold() in typed_already
        ):
            popup.hide()
            return
        self.completer_popup.complete()

    @Slot(str)
    def _insert_completion(self, completion: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head, _sep, _word = before.rpartition(SEPARATOR)
        prefix = f"{head}{SEPARATOR} " if _sep else ""
        new_before = f"{prefix}{completion}{SEPARATOR} "
        self.setText(new_before + after.lstrip(f"{SEPARATOR} "))
        self.setCursorPosition(len(new_before))
        # setText() does not emit textEdited; the edit must still reach autosave.
        self.textEdited.emit(self.text())

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_popup.popup()
        assert popup is not None  # a QCompleter always has one
        return popup

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """While the popup is open, Enter and Tab choose a completion (the popup handles them)."""
        if self._popup().isVisible() and event.key() in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Escape,
        ):
            event.ignore()
            return
        super().keyPressEvent(event)
