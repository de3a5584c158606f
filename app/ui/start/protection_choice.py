"""How a journal's key is kept: in the system keyring, or behind a passphrase typed twice."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.journal.opening import MIN_PASSPHRASE_LENGTH
from app.ui.widgets.fields import InlineError, quiet_note


class ProtectionChoice(QWidget):
    """Keyring or passphrase. Without a keyring, says so plainly and requires a passphrase.

    Signals: changed() whenever the choice or either passphrase field changes.
    """

    changed = Signal()

    def __init__(
        self,
        keyring_description: str | None,
        *,
        prefer_passphrase: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`keyring_description` is None when this computer has no usable keyring."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.keyring_radio: QRadioButton | None = None
        self.passphrase_radio: QRadioButton | None = None
        self.no_keyring_label: QLabel | None = None
        if keyring_description is None:
            self.no_keyring_label = QLabel(
                "No keyring is available on this computer, so your journal will be protected "
                "by a passphrase. You will type it each time you open the journal."
            )
            self.no_keyring_label.setWordWrap(True)
            self.no_keyring_label.setAccessibleName("No keyring available")
            layout.addWidget(self.no_keyring_label)
        else:
            self.keyring_radio = QRadioButton(f"Keep the key in {keyring_description}")
            self.keyring_radio.setAccessibleName("Keep the key in the keyring")
            self.passphrase_radio = QRadioButton("Use a passphrase instead")
            self.passphrase_radio.setAccessibleName("Use a passphrase instead")
            group = QButtonGroup(self)
            group.addButton(self.keyring_radio)
            group.addButton(self.passphrase_radio)
            layout.addWidget(self.keyring_radio)
            layout.addWidget(
                _indented(
                    quiet_note(
                        "Recommended. The journal opens without typing anything when you are "
                        "signed in to this computer."
                    )
                )
            )
            layout.addWidget(self.passphrase_radio)
            layout.addWidget(
                _indented(quiet_note("You type the passphrase each time you open the journal."))
            )
            (self.passphrase_radio if prefer_passphrase else self.keyring_radio).setChecked(True)
            self.keyring_radio.toggled.connect(self._refresh)

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Passphrase")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName("Passphrase again")
        self.problem_label = InlineError("Passphrase problem", announced=False)
        self._fields = QWidget()
        form = QFormLayout(self._fields)
        form.setContentsMargins(0, 8, 0, 0)
        form.addRow("&Passphrase:", self.passphrase_edit)
        form.addRow("&Again:", self.repeat_edit)
        form.addRow(
            "",
            quiet_note(
                f"At least {MIN_PASSPHRASE_LENGTH} characters. A short sentence you will "
                "remember works well. If you forget it, only the recovery code opens the journal."
            ),
        )
        form.addRow("", self.problem_label)
        layout.addWidget(self._fields)
        layout.addStretch(1)
        self.passphrase_edit.textChanged.connect(self._refresh)
        self.repeat_edit.textChanged.connect(self._refresh)
        self._refresh()

    def uses_passphrase(self) -> bool:
        """True when the journal will be protected by a passphrase."""
        return self.keyring_radio is None or not self.keyring_radio.isChecked()

    def passphrase(self) -> str | None:
        """The chosen passphrase, or None for keyring mode."""
        return self.passphrase_edit.text() if self.uses_passphrase() else None

    def problem(self) -> str:
        """Why the choice cannot be used yet ("" when it can)."""
        if not self.uses_passphrase():
            return ""
        first, second = self.passphrase_edit.text(), self.repeat_edit.text()
        if not first:
            return ""  # nothing typed yet: the note below the fields says what is asked
        to_go = MIN_PASSPHRASE_LENGTH - len(first)
        if to_go > 0:
            return f"At least {MIN_PASSPHRASE_LENGTH} characters: {to_go} more to go."
        if not second:
            return "Type the same passphrase again under Again."
        if second != first:
            return "The two passphrases are different."
        return ""

    def is_complete(self) -> bool:
        """True when the choice can be used."""
        if not self.uses_passphrase():
            return True
        first = self.passphrase_edit.text()
        return len(first) >= MIN_PASSPHRASE_LENGTH and first == self.repeat_edit.text()

    @Slot()
    def _refresh(self) -> None:
        self._fields.setVisible(self.uses_passphrase())
        self.problem_label.show_message(self.problem())
        self.changed.emit()


def _indented(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(24, 0, 0, 6)
    layout.addWidget(widget)
    return holder
