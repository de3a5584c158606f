"""File > Show recovery code: the code for the open journal, to copy or print again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from app.ui.start.recovery_code_view import RecoveryCodeView
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog


class RecoveryCodeDialog(KeyboardSafeDialog):
    """Shows the open journal's recovery code (it is deleted when closed)."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Recovery code")
        self.view = RecoveryCodeView(code, ask_confirmation=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
