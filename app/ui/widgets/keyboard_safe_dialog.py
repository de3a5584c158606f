"""A dialog base where the keyboard never loses what was typed.

Qt makes every push button in a dialog an auto-default: once Tab has passed Cancel, Cancel stays
the default and Enter in any field presses it, dropping what was typed. Here Enter in a field does
the dialog's main action or nothing, and Escape, Cancel or closing the window asks before
discarding typed text. Every dialog that takes typed input derives from KeyboardSafeDialog,
and every wizard from KeyboardSafeWizard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
    QWizard,
)

from app.ui.widgets import keyboard_reach, messages

DISCARD_QUESTION = "Discard what you typed?"
USABLE_WHILE_LOCKED = "usableWhileLocked"
"""A window with this property set (the Quick note) shows nothing of the journal, so its keys
work when it is opened while the journal window is locked (locking still hides it, as it hides
every dialog, until unlocked)."""

TextField = QLineEdit | QPlainTextEdit | QTextEdit
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def typed_fields(root: QWidget) -> list[TextField]:
    """The fields in `root` a person types into (not passphrases, read-only text or spin boxes)."""
    fields: list[TextField] = []
    for field in root.findChildren(QLineEdit):
        inside_spin_box = isinstance(field.parentWidget(), QAbstractSpinBox)
        if inside_spin_box or field.isReadOnly() or field.echoMode() != QLineEdit.EchoMode.Normal:
            continue  # a passphrase is retyped in seconds and is never kept anywhere
        fields.append(field)
    fields.extend(f for f in root.findChildren(QPlainTextEdit) if not f.isReadOnly())
    fields.extend(f for f in root.findChildren(QTextEdit) if not f.isReadOnly())
    return fields


def field_text(field: TextField) -> str:
    """What a text field holds now."""
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


class KeyboardSafeDialog(QDialog):
    """A QDialog whose Enter and Escape never throw away typed text.

    `confirm_discard` asks (parent, title, question) before typed text goes; tests answer it.

    Call set_main_button() with the button Enter should press from a field (None: Enter in a
    field does nothing). Without it, the button marked default when the dialog is first shown is
    the main one. What the fields hold when the dialog is first shown counts as not typed.
    """

    confirm_discard: messages.Confirm = staticmethod(messages.ask_to_confirm)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keyboard_reach.install()
        self._main_button: QPushButton | None = None
        self._main_chosen = False
        self._shown_text: dict[int, str] | None = None

    def set_main_button(self, button: QPushButton | None) -> None:
        """Make `button` the one Enter presses from a field; the others never take Enter over."""
        self._main_button = button
        self._main_chosen = True
        self._settle_buttons()

    def main_button(self) -> QPushButton | None:
        """The button Enter in a field presses, if any."""
        return self._main_button

    def main_and_cancel(self, text: str) -> tuple[QDialogButtonBox, QPushButton]:
        """The usual buttons: `text` (the main one, which accepts) and Cancel, each named for
        screen readers; returns the box to lay out and the main button."""
        main = QPushButton(text)
        main.setAccessibleName(text.replace("&", "").rstrip("…").rstrip("."))
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")
        box = QDialogButtonBox()
        box.addButton(main, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        main.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.set_main_button(main)
        return box, main

    def has_typed_text(self) -> bool:
        """True when a field holds text it did not hold when the dialog was first shown."""
        return _typed_since(self, self._shown_text)

    def showEvent(self, event: QShowEvent) -> None:
        """Note what the fields hold to begin with, and settle which button Enter presses."""
        if self._shown_text is None:
            self._shown_text = _text_now(self)
            if not self._main_chosen:
                self._main_button = next(
                    (b for b in self.findChildren(QPushButton) if b.isDefault()), None
                )
        self._settle_buttons()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, else the main action; it never picks Cancel."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in _ENTER_KEYS or modifiers != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        event.accept()
        focus = self.focusWidget()
        if isinstance(focus, QAbstractButton):
            if focus.isEnabled():
                focus.click()
            return
        main = self._main_button
        if main is not None and main.isVisible() and main.isEnabled():
            main.click()

    def reject(self) -> None:
        """Escape, Cancel or closing the window: ask before dropping typed text."""
        if self.isVisible() and self.has_typed_text():
            title = self.windowTitle() or "Inquiry Journal"
            if not self.confirm_discard(self, title, DISCARD_QUESTION):
                return
        super().reject()

    def _settle_buttons(self) -> None:
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if self._main_button is not None:
            self._main_button.setDefault(True)


class KeyboardSafeWizard(QWizard):
    """A QWizard whose Escape, Cancel or closing asks before dropping typed text (a recovery
    code, say); Enter already presses Next or Finish, which keep it.

    It asks through KeyboardSafeDialog.confirm_discard, so tests answer both in one place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keyboard_reach.install()
        self._shown_text: dict[int, str] | None = None

    def has_typed_text(self) -> bool:
        """True when a field on any page holds text it did not hold when the wizard opened."""
        return _typed_since(self, self._shown_text)

    def showEvent(self, event: QShowEvent) -> None:
        """Note what the fields hold to begin with."""
        if self._shown_text is None:
            self._shown_text = _text_now(self)
        super().showEvent(event)

    def reject(self) -> None:
        """Escape, Cancel or closing the window: ask before dropping typed text."""
        if self.isVisible() and self.has_typed_text():
            title = self.windowTitle() or "Inquiry Journal"
            if not KeyboardSafeDialog.confirm_discard(self, title, DISCARD_QUESTION):
                return
        super().reject()


def _text_now(root: QWidget) -> dict[int, str]:
    return {id(field): field_text(field) for field in typed_fields(root)}


def _typed_since(root: QWidget, before: dict[int, str] | None) -> bool:
    shown = before or {}
    return any(
        field_text(field).strip() and field_text(field) != shown.get(id(field), "")
        for field in typed_fields(root)
    )
