"""A card's fingerprint, large and in groups, for two people to compare aloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.widgets.text_size import set_relative_font


def spoken(fingerprint: str) -> str:
    """The fingerprint as a screen reader should say it: "7 K Q 2, M 9 X D, …"."""
    return ", ".join(" ".join(group) for group in fingerprint.split("-"))


def shown(fingerprint: str) -> str:
    """The groups with room between them: "7KQ2  M9XD  4TRB  H1VC"."""
    return "   ".join(fingerprint.split("-"))


class FingerprintLabel(QLabel):
    """Sixteen letters and digits in four groups, in a large fixed-width font, selectable."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_relative_font(self, 1.9, bold=True, fixed_pitch=True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(12, 10, 12, 10)
        self.setAccessibleName("Fingerprint")
        self.fingerprint = ""
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        """Show another fingerprint."""
        self.fingerprint = fingerprint
        self.setText(shown(fingerprint))
        self.setAccessibleDescription(spoken(fingerprint))
