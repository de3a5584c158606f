"""Alt+letter is a mnemonic, never a letter typed into the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class AltLettersStayOut(QObject):
    """Drops Alt+letter key presses that reach a text field: no control took them, and typing
    the bare letter (as Qt does on Linux) would slip a stray character into the writing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swallow a plain Alt+letter; let every other event through."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return modifiers == Qt.KeyboardModifier.AltModifier and event.text().isalnum()


def keep_alt_letters_out(field: QWidget) -> None:
    """Make Alt+letter in `field` do nothing rather than type the letter."""
    field.installEventFilter(AltLettersStayOut(field))
