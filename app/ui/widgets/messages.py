"""Questions and errors shown in message boxes; injectable so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Confirm = Callable[[QWidget | None, str, str], bool]
"""Ask (parent, title, question); True means the person agreed."""


def ask_to_confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """A Yes/No box whose safe answer (No) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the person about a problem in plain words (a known JournalError's message)."""
    QMessageBox.warning(parent, "Inquiry Journal", message)
