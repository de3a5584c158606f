"""Pairing with a coach: save this journal's card, and add a coach's card after comparing aloud."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.keys import Card, CardError, card_bytes, check_name
from app.sharing.records import Role
from app.storage.files import write_atomically
from app.ui.sharing.fingerprint import FingerprintLabel
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.file_pickers import PickFile, card_request
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog

MAX_CARD_FILE = 64 * 1024
DEFAULT_NAME = "Inquiry Journal user"
"""The name keys are made with before the person chose one; never offered as theirs."""
CARD_ABOUT = (
    "Your coach adds your card to their journal. Then only they can open what you share, "
    "and they can be sure it came from you. The card holds the name below and two public "
    "keys: nothing you have written."
)
READ_ALOUD = (
    "When you pair, read these four groups aloud to your coach, in person or by phone. "
    "They check that the card they added shows exactly the same. Send them the card file "
    "by NHSmail, Teams or a memory stick."
)
COMPARE = (
    "Before you add it, ask {name} to read out the fingerprint their app shows (in person "
    "or by phone) and compare every group with the one above. Add the card only if all four "
    "groups match. If any group differs, the card may not be theirs: do not add it."
)
CARD_PROBLEM_ADVICE = "Ask your coach to send their card file again (its name ends in .ijcard)."


def read_card_file(path: Path) -> Card:
    """The card in a file; CardError (or JournalError) says plainly why it cannot be used."""
    from app.sharing.keys import read_card

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_FILE + 1)
    except OSError as exc:
        raise JournalError(f"{path.name} could not be read: {exc.strerror}.") from None
    return read_card(data)


def _framed(widget: QWidget) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.addWidget(widget)
    return frame


class SaveCardDialog(KeyboardSafeDialog):
    """Choose the name on the card, save it, then see the fingerprint to read aloud.

    Constructor: SaveCardDialog(journal, pick_file, parent=None); it deletes itself when
    closed. Signals: cardSaved(str) with the path written.
    """

    cardSaved = Signal(str)

    def __init__(
        self, journal: Journal, pick_file: PickFile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Save my card")
        self._journal = journal
        self._pick_file = pick_file
        name = journal.sharing.identity().name
        self.name_edit = QLineEdit("" if name == DEFAULT_NAME else name)
        self.name_edit.setAccessibleName("Name on your card")
        self.name_edit.setPlaceholderText("Your first name, or a role your coach knows")
        self.name_edit.setMaxLength(80)
        self.error = InlineError("Problem saving the card")
        self.save_button = QPushButton("&Save card…")
        self.save_button.setAccessibleName("Save card")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.close_button = QPushButton("&Close")
        self.close_button.setAccessibleName("Close")
        self.saved_label = plain_label("", "Where the card was saved")
        self.fingerprint = FingerprintLabel()

        ask = QWidget()
        form = QFormLayout()
        form.addRow("&Name on the card:", self.name_edit)
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.addWidget(heading("Your card", "Your card", 1.3))
        ask_layout.addWidget(quiet_note(CARD_ABOUT))
        ask_layout.addLayout(form)
        ask_layout.addWidget(self.error)
        ask_layout.addStretch(1)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(heading("Your card is saved", "Your card is saved", 1.3))
        done_layout.addWidget(self.saved_label)
        done_layout.addWidget(plain_label("Your fingerprint:", "About the fingerprint"))
        done_layout.addWidget(_framed(self.fingerprint))
        done_layout.addWidget(quiet_note(READ_ALOUD))
        done_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(done)

        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @Slot()
    def save(self) -> None:
        """Ask where, write the card, then show the fingerprint."""
        try:
            name = check_name(self.name_edit.text())
        except CardError as exc:
            self.error.show_message(str(exc))
            self.name_edit.setFocus()
            return
        path = self._pick_file(self, card_request(name))
        if path is None:
            self.error.show_message("The card was not saved.")
            return
        try:
            identity = self._journal.sharing.identity(name)
            write_atomically(path, card_bytes(identity))
        except JournalError as exc:
            self.error.show_message(f"{exc} The card was not saved.")
            return
        self.saved_label.setText(f"Saved the card for {identity.name} to {path}.")
        self.fingerprint.set_fingerprint(identity.card.fingerprint)
        self.pages.setCurrentIndex(1)
        self.save_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.cardSaved.emit(str(path))


class AddCoachDialog(KeyboardSafeDialog):
    """A coach's card: their name and fingerprint to compare aloud, then Add or Cancel.

    Constructor: AddCoachDialog(journal, card, parent=None), or AddCoachDialog(journal, None,
    problem="why") for a file that is not a usable card (only Close is offered). It deletes
    itself when closed. Signals: coachAdded(str) with the coach's fingerprint.
    """

    coachAdded = Signal(str)

    def __init__(
        self,
        journal: Journal,
        card: Card | None,
        *,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Add coach from card")
        self._journal = journal
        self.card = card
        self.error = InlineError("Problem adding the coach")
        self.add_button = QPushButton("&Add coach")
        self.add_button.setAccessibleName("Add coach")
        self.add_button.setAutoDefault(False)
        self.cancel_button = QPushButton("Cancel" if card is not None else "&Close")
        self.cancel_button.setAccessibleName("Cancel" if card is not None else "Close")
        self.cancel_button.setDefault(True)  # Enter alone never adds a card unchecked
        self.fingerprint = FingerprintLabel(card.fingerprint if card else "")
        layout = QVBoxLayout(self)
        if card is None:
            self.title_label = heading("That card could not be used", "Card problem", 1.3)
            self.message_label = plain_label(f"{problem}\n\n{CARD_PROBLEM_ADVICE}", "Why")
            layout.addWidget(self.title_label)
            layout.addWidget(self.message_label)
            self.fingerprint.hide()
        else:
            self.title_label = heading(f"Add {card.name} as your coach?", "Coach's name", 1.3)
            self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a card's name, not HTML
            self.message_label = plain_label(COMPARE.format(name=card.name), "Compare aloud")
            layout.addWidget(self.title_label)
            layout.addWidget(plain_label(f"Fingerprint of {card.name}'s card:", "About"))
            layout.addWidget(_framed(self.fingerprint))
            layout.addWidget(self.message_label)
            known = {c.fingerprint for c in journal.sharing.contacts(Role.COACH)}
            if card.fingerprint in known:
                layout.addWidget(
                    quiet_note("You added this card before; adding it again keeps it up to date.")
                )
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.clicked.connect(self.add)
        self.cancel_button.clicked.connect(self.reject)
        self.add_button.setVisible(card is not None)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    @Slot()
    def add(self) -> None:
        """Add the card as a coach (the person compared the fingerprint)."""
        if self.card is None:
            return
        try:
            contact = self._journal.sharing.add(self.card, Role.COACH)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.coachAdded.emit(contact.fingerprint)
        self.accept()
