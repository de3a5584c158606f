"""Edit menu commands that act on the focused text field: Undo, Redo, Cut, Copy, Paste, Select all.

Undo and Redo go to the focused text field when it has its own undo or redo to give, and else to
the journal's undo stack (Move to trash, Turn into a cycle...), so both kinds stay reachable.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPlainTextEdit, QTextEdit

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def focused_text_field() -> TextField | None:
    """The text field that has the keyboard focus, if any."""
    widget = QApplication.focusWidget()
    return widget if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) else None


def _can_undo(field: TextField) -> bool:
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() and not field.isReadOnly()
    return field.document().isUndoAvailable() and not field.isReadOnly()


def _can_redo(field: TextField) -> bool:
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() and not field.isReadOnly()
    return field.document().isRedoAvailable() and not field.isReadOnly()


@dataclass(frozen=True)
class TextActions:
    """Cut, Copy, Paste and Select all for the focused text field."""

    cut: QAction
    copy: QAction
    paste: QAction
    select_all: QAction


class EditCommands(QObject):
    """Owns Edit > Undo/Redo and the text actions, and keeps their names and states current."""

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        super().__init__(undo_stack)  # gone with the stack, so focus changes stop reaching it
        self._stack = undo_stack
        self.undo = self._action(window, "&Undo", QKeySequence.StandardKey.Undo, self._undo)
        self.undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.redo = self._action(window, "&Redo", QKeySequence.StandardKey.Redo, self._redo)
        self.text = TextActions(
            cut=self._action(window, "Cu&t", QKeySequence.StandardKey.Cut, self._cut),
            copy=self._action(window, "&Copy", QKeySequence.StandardKey.Copy, self._copy),
            paste=self._action(window, "&Paste", QKeySequence.StandardKey.Paste, self._paste),
            select_all=self._action(
                window, "Select &all", QKeySequence.StandardKey.SelectAll, self._select_all
            ),
        )
        for action in (self.text.cut, self.text.copy, self.text.paste, self.text.select_all):
            # The field handles these keys itself; a window shortcut would steal them from lists.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        undo_stack.indexChanged.connect(self.refresh)
        undo_stack.cleanChanged.connect(self.refresh)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.refresh)
        self.refresh()

    def _action(
        self, window: QMainWindow, text: str, key: QKeySequence.StandardKey, slot: object
    ) -> QAction:
        action = QAction(text, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        window.addAction(action)
        return action

    @Slot()
    def refresh(self) -> None:
        """Name and enable Undo/Redo for what they would act on now."""
        stack = getattr(self, "_stack", None)  # gone while the collector takes a window apart
        if stack is None or not shiboken6.isValid(stack):
            return  # the window is closing: focus moves while its parts go
        field = focused_text_field()
        if field is not None and _can_undo(field):
            self.undo.setText("&Undo typing")
            self.undo.setEnabled(True)
        else:
            text = self._stack.undoText()
            self.undo.setText(f"&Undo {text}" if text else "&Undo")
            self.undo.setEnabled(self._stack.canUndo())
        if field is not None and _can_redo(field):
            self.redo.setText("&Redo typing")
            self.redo.setEnabled(True)
        else:
            text = self._stack.redoText()
            self.redo.setText(f"&Redo {text}" if text else "&Redo")
            self.redo.setEnabled(self._stack.canRedo())
        for action in (self.text.cut, self.text.copy, self.text.paste, self.text.select_all):
            action.setEnabled(field is not None)

    @Slot()
    def _undo(self) -> None:
        field = focused_text_field()
        if field is not None and _can_undo(field):
            field.undo()
        else:
            self._stack.undo()
        self.refresh()

    @Slot()
    def _redo(self) -> None:
        field = focused_text_field()
        if field is not None and _can_redo(field):
            field.redo()
        else:
            self._stack.redo()
        self.refresh()

    @Slot()
    def _cut(self) -> None:
        if (field := focused_text_field()) is not None:
            field.cut()

    @Slot()
    def _copy(self) -> None:
        if (field := focused_text_field()) is not None:
            field.copy()

    @Slot()
    def _paste(self) -> None:
        if (field := focused_text_field()) is not None:
            field.paste()

    @Slot()
    def _select_all(self) -> None:
        if (field := focused_text_field()) is not None:
            field.selectAll()
