"""Verifying a participant: their card's fingerprint, large, to compare aloud with theirs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFrame, QPushButton, QVBoxLayout, QWidget

from app.ui.sharing.fingerprint import FingerprintLabel
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog

COMPARE_ALOUD = (
    "Ask {name} to open Share with coach, or their card, and read out the fingerprint their "
    "app shows (in person or by phone). Compare every group with the one above. Mark them "
    "verified only if all four groups match. If any group differs, this card is not theirs: "
    "someone else may be using their name, so do not rely on what it shares."
)


class VerifyParticipantDialog(KeyboardSafeDialog):
    """A participant's fingerprint in four large groups, then "They match" or Cancel.

    Constructor: VerifyParticipantDialog(name, fingerprint, parent=None). It verifies nothing
    itself: Accepted means the person said every group matched, and the page records it.
    """

    def __init__(self, name: str, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Verify participant")
        self.fingerprint = fingerprint
        self.title_label = heading(f"Verify {name}", "Participant's name", 1.3)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint_label = FingerprintLabel(fingerprint)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        QVBoxLayout(frame).addWidget(self.fingerprint_label)
        self.message_label = plain_label(COMPARE_ALOUD.format(name=name), "Compare aloud")
        self.match_button = QPushButton("They &match: verify")
        self.match_button.setAccessibleName("They match: verify")
        self.match_button.setAutoDefault(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setDefault(True)  # Enter alone never verifies anyone unchecked
        buttons = QDialogButtonBox()
        buttons.addButton(self.match_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.match_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(plain_label(f"Fingerprint of the card {name} shared with:", "About"))
        layout.addWidget(frame)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)
