"""What the window shows while it is locked: no journal, a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.announce import announce
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.resources import app_icon
from app.ui.widgets.text_size import set_relative_font

COLUMN_WIDTH = 380
ICON_SIZE = 64
UNLOCK_WIDTH = 140
PASSPHRASE_NOTE = "Type your passphrase to carry on where you left off."
KEYRING_NOTE = (
    "Your computer account keeps this journal's key, so one click carries on where you left off."
)


class LockScreen(QWidget):
    """The lock screen (a view): a title, why it locked, the passphrase if asked, Unlock.

    With `asks_passphrase` False (the key is in the system keyring) there is only the button.

    Signals: unlockRequested(str passphrase) on Unlock or Enter ("" without a passphrase).
    """

    unlockRequested = Signal(str)

    def __init__(self, *, asks_passphrase: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.asks_passphrase = asks_passphrase
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("Your journal is locked")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_relative_font(self.title, 1.4, bold=True)
        self.reason = quiet_note("")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setAccessibleName("Why the journal is locked")
        self.reason.hide()
        note = QLabel(PASSPHRASE_NOTE if asks_passphrase else KEYRING_NOTE)
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Passphrase")
        self.passphrase_edit.setVisible(asks_passphrase)
        # A label that stays once typing starts (the placeholder goes); no mnemonic here, where
        # the locked window's own Alt keys must not reach past the lock.
        self.passphrase_label = QLabel("Passphrase:")
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.passphrase_label.setVisible(asks_passphrase)
        self.passphrase_edit.returnPressed.connect(self._unlock)
        self.error = InlineError("Unlock problem")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumWidth(UNLOCK_WIDTH)
        self.unlock_button.clicked.connect(self._unlock)

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.addWidget(icon)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)

    def begin(self, reason: str) -> None:
        """Fresh for a new lock: the reason shown, nothing typed, no problem, focus in place."""
        self.clear()
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.focus_first()
        announce(self, f"{self.title.text()}. {reason}")

    def clear(self) -> None:
        """Forget what was typed and any problem shown."""
        self.passphrase_edit.clear()
        self.error.show_message("")

    def focus_first(self) -> None:
        """Put the keyboard focus where the person starts: the passphrase, or Unlock."""
        if self.asks_passphrase:
            self.passphrase_edit.setFocus()
        else:
            self.unlock_button.setFocus()

    def refuse(self, message: str) -> None:
        """Say why it stays locked, and ready the passphrase to be typed again."""
        self.error.show_message(message)
        self.passphrase_edit.selectAll()
        self.focus_first()

    @Slot()
    def _unlock(self) -> None:
        self.unlockRequested.emit(self.passphrase_edit.text() if self.asks_passphrase else "")


class LockFrame(QStackedWidget):
    """The window's content, or the lock screen in its place; only one is ever shown."""

    def __init__(
        self, content: QWidget, lock_screen: LockScreen, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.content = content
        self.lock_screen = lock_screen
        self.addWidget(content)
        self.addWidget(lock_screen)

    @property
    def locked(self) -> bool:
        """True while the lock screen stands in for the content."""
        return self.currentWidget() is self.lock_screen

    def show_lock_screen(self) -> None:
        """Hide the content behind the lock screen."""
        self.setCurrentWidget(self.lock_screen)

    def show_content(self) -> None:
        """Show the content again."""
        self.setCurrentWidget(self.content)
