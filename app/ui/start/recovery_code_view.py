"""The recovery code shown large and grouped, with Copy and Print, and the advice to keep it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.text_size import set_relative_font

ADVICE = (
    "Keep this code somewhere safe and away from this laptop: on paper at home, or in a "
    "password manager. It opens your journal if this computer's keyring is reset, you forget "
    "your passphrase, or you move to a new laptop. Anyone who has both the code and your "
    "journal file can read your journal, so do not e-mail it or save it beside the journal."
)
_GROUPS_PER_LINE = 4


def code_lines(code: str) -> list[str]:
    """The code's groups, a few to a line, so it can be read aloud and copied by hand."""
    groups = code.split("-")
    return [
        "  ".join(groups[i : i + _GROUPS_PER_LINE]) for i in range(0, len(groups), _GROUPS_PER_LINE)
    ]


def printable_document(code: str) -> QTextDocument:
    """A one-page document holding the code and the advice, for printing."""
    document = QTextDocument()
    lines = "<br>".join(code_lines(code))
    document.setHtml(
        "<h2>Inquiry Journal: recovery code</h2>"
        f"<p style='font-family: monospace; font-size: 16pt'>{lines}</p>"
        f"<p>{ADVICE}</p>"
        "<p>To use it: start Inquiry Journal, choose “Use recovery code”, and type the code. "
        "Letters may be typed in either case; the dashes and spaces are optional.</p>"
    )
    return document


class RecoveryCodeView(QWidget):
    """Shows a recovery code with Copy and Print buttons, and optionally asks for a promise.

    Signals: confirmedChanged(bool) when the "I have kept it safe" box changes.
    """

    confirmedChanged = Signal(bool)

    def __init__(self, code: str, *, ask_confirmation: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self.code_label = QLabel("\n".join(code_lines(code)))
        set_relative_font(self.code_label, 1.5, bold=True, fixed_pitch=True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_label.setBackgroundRole(QPalette.ColorRole.Base)
        self.code_label.setAutoFillBackground(True)
        self.code_label.setMargin(12)
        self.code_label.setAccessibleName("Recovery code")
        self.code_label.setAccessibleDescription(code)

        self.copy_button = QPushButton("&Copy")
        self.copy_button.setAccessibleName("Copy the recovery code")
        self.copy_button.clicked.connect(self._copy)
        self.print_button = QPushButton("&Print...")
        for button in (self.copy_button, self.print_button):
            button.setAutoDefault(False)  # Enter belongs to the dialog's own buttons
        self.print_button.setAccessibleName("Print the recovery code")
        self.print_button.clicked.connect(self._print)
        self.copied_note = QLabel("")
        self.copied_note.setAccessibleName("Copy status")

        advice = QLabel(ADVICE)
        advice.setWordWrap(True)
        advice.setAccessibleName("Advice about the recovery code")

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copied_note, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)
        layout.addWidget(advice)

        self.confirm_box: QCheckBox | None = None
        if ask_confirmation:
            self.confirm_box = QCheckBox("I have kept my recovery code safe")
            self.confirm_box.setAccessibleName("I have kept my recovery code safe")
            self.confirm_box.toggled.connect(self.confirmedChanged)
            layout.addSpacing(8)
            layout.addWidget(self.confirm_box)
        layout.addStretch(1)

    @property
    def code(self) -> str:
        """The code shown."""
        return self._code

    def is_confirmed(self) -> bool:
        """True when no promise was asked for, or the box is ticked."""
        return self.confirm_box is None or self.confirm_box.isChecked()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._code)
        self.copied_note.setText("Copied. Paste it somewhere safe, then clear your clipboard.")

    @Slot()
    def _print(self) -> None:
        # Imported here: the print module loads printer drivers, which most runs never need.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print recovery code")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            printable_document(self._code).print_(printer)
