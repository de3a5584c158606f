"""Unlocking a journal: the passphrase prompt, and recovery with the recovery code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError, WrongDatabaseError, WrongKeyError
from app.journal.opening import Journal, open_journal, recover_journal
from app.storage.keys import KeyStore
from app.ui.start.protection_choice import ProtectionChoice
from app.ui.start.recovery_code_view import RecoveryCodeView
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import scrolling
from app.ui.widgets.text_size import set_relative_font

RECOVER_REQUESTED = 2
"""PassphraseDialog's result when the person chose to use their recovery code."""
ATTEMPTS_BEFORE_HINT = 3

OpenWithPassphrase = Callable[[Path, KeyStore, str], Journal]


def _open_with_passphrase(folder: Path, key_store: KeyStore, passphrase: str) -> Journal:
    return open_journal(folder, key_store, passphrase)


def recovery_code_input() -> tuple[QLabel, QLineEdit]:
    """A labelled box for typing the recovery code, in a fixed-width font."""
    prompt = QLabel("&Recovery code (11 groups of 5 letters and digits):")
    edit = QLineEdit()
    edit.setAccessibleName("Recovery code")
    set_relative_font(edit, bold=True, fixed_pitch=True)
    edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-...")
    prompt.setBuddy(edit)
    return prompt, edit


class PassphraseDialog(KeyboardSafeDialog):
    """Asks for the passphrase and opens the journal; a wrong one is said so, in place.

    After `Accepted`, `journal` is open. The result is RECOVER_REQUESTED when the person
    chose "Use recovery code...".
    """

    def __init__(
        self,
        folder: Path,
        key_store: KeyStore,
        opener: OpenWithPassphrase = _open_with_passphrase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._key_store = key_store
        self._opener = opener
        self._failures = 0
        self.journal: Journal | None = None
        self.refusal: WrongDatabaseError | None = None
        """Set when journal.db proved to be another journal's (the dialog then closes)."""
        self.setWindowTitle("Unlock your journal")
        intro = QLabel(f"Enter the passphrase for the journal in\n{folder}")
        intro.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Passphrase")
        self.passphrase_label = QLabel("&Passphrase:")
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.error = InlineError("Unlock problem")
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            "&Unlock", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.recover_button = self.buttons.addButton(
            "Use &recovery code...", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.recover_button.setAccessibleName("Use recovery code")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.unlock_button.clicked.connect(self._unlock)
        self.recover_button.clicked.connect(self._recover)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    @Slot()
    def _unlock(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.error.show_message("Please type your passphrase.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.journal = self._opener(self._folder, self._key_store, passphrase)
        except WrongKeyError:
            self._failures += 1
            message = "That passphrase does not open this journal. Please try again."
            if self._failures >= ATTEMPTS_BEFORE_HINT:
                message += " If you have forgotten it, use your recovery code."
                self.recover_button.setDefault(True)
            self.error.show_message(message)
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return
        except WrongDatabaseError as exc:
            self.refusal = exc  # not a problem with the passphrase: the app offers a restore
            self.reject()
            return
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()

    @Slot()
    def _recover(self) -> None:
        self.done(RECOVER_REQUESTED)


class RecoverDialog(KeyboardSafeDialog):
    """Opens a journal with its recovery code and keeps the key again (keyring or passphrase).

    When a new passphrase was chosen, a new recovery code results; it is shown before the
    dialog can finish. After `Accepted`, `journal` is open.
    """

    def __init__(
        self,
        folder: Path,
        key_store: KeyStore,
        reason: str = "",
        *,
        prefer_passphrase: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._key_store = key_store
        self.journal: Journal | None = None
        self.refusal: WrongDatabaseError | None = None
        """Set when journal.db proved missing, empty or another journal's (the dialog closes)."""
        self.setWindowTitle("Open with your recovery code")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._code_page(reason, prefer_passphrase))
        self.buttons = QDialogButtonBox()
        self.recover_button = self.buttons.addButton(
            "&Open journal", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.recover_button.setAccessibleName("Open journal")
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self._recover)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.finish_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        # the pages scroll on a short screen (1280x720 at 200%); the buttons stay in sight
        layout.addWidget(scrolling(self.pages, "Use your recovery code"), 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.choice.changed.connect(self._refresh)
        self._refresh()

    def _code_page(self, reason: str, prefer_passphrase: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if reason:
            explanation = QLabel(reason)
            explanation.setWordWrap(True)
            explanation.setAccessibleName("Why the recovery code is needed")
            layout.addWidget(explanation)
            layout.addSpacing(8)
        prompt, self.code_edit = recovery_code_input()
        self.error = InlineError("Recovery problem")
        description = self._key_store.description() if self._key_store.is_available() else None
        self.choice = ProtectionChoice(description, prefer_passphrase=prefer_passphrase)
        layout.addWidget(prompt)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(QLabel("After opening, keep the key:"))
        layout.addWidget(self.choice)
        self.code_edit.textChanged.connect(self._refresh)
        return page

    @Slot()
    def _refresh(self) -> None:
        self.recover_button.setEnabled(
            bool(self.code_edit.text().strip()) and self.choice.is_complete()
        )

    @Slot()
    def _recover(self) -> None:
        self.error.show_message("")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # A new code is shown (announced) before the journal switches to it.
            self.journal, new_code = recover_journal(
                self._folder,
                self.code_edit.text(),
                self._key_store,
                self.choice.passphrase(),
                announce=self._show_new_code,
            )
        except WrongDatabaseError as exc:
            self.refusal = exc  # not a problem with the code: the app offers a restore
            self.reject()
            return
        except JournalError as exc:
            self._forget_new_code()
            self.error.show_message(str(exc))
            self.code_edit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if new_code is None:
            self.accept()

    def _show_new_code(self, code: str) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Your journal is open, with a new recovery code")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(
            quiet_note("Your old recovery code no longer works. Keep this one safe instead.")
        )
        self.code_view = RecoveryCodeView(code, ask_confirmation=True)
        layout.addWidget(self.code_view)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.recover_button.hide()
        self.cancel_button.hide()
        self.finish_button = self.buttons.addButton(
            "&Start writing", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finish_button.setAccessibleName("Start writing")
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.accept)
        self.code_view.confirmedChanged.connect(self.finish_button.setEnabled)
        self.repaint()  # on screen now: the switch to the new code follows

    def _forget_new_code(self) -> None:
        """The switch failed: the old code still opens the journal, so the new one goes."""
        if self.finish_button is None:
            return
        new_page = self.pages.widget(1)
        self.pages.setCurrentIndex(0)
        if new_page is not None:
            self.pages.removeWidget(new_page)
            new_page.deleteLater()
        self.buttons.removeButton(self.finish_button)
        self.finish_button.deleteLater()
        self.finish_button = None
        self.recover_button.show()
        self.cancel_button.show()

    def reject(self) -> None:
        """Cancel, except once the journal is open with a new code: that must be kept first."""
        if self.finish_button is not None:
            return
        super().reject()
