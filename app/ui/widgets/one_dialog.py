"""At most one dialog of a kind open at once, as a menu command opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class OneDialog(Generic[D]):
    """Holds the open dialog of one kind: asked for again, it comes forward instead of a
    second one; accepted, `on_accepted(dialog)` runs; closed either way, it is deleted."""

    def __init__(self, on_accepted: Callable[[D], None]) -> None:
        self._on_accepted = on_accepted
        self.dialog: D | None = None

    def bring_forward(self) -> bool:
        """Raise the open dialog, if there is one; True if there was."""
        if self.dialog is None:
            return False
        self.dialog.raise_()
        self.dialog.activateWindow()
        return True

    def open(self, dialog: D) -> None:
        """Show `dialog` (window-modal) as the one of its kind."""
        dialog.finished.connect(self._finished)
        self.dialog = dialog
        dialog.open()

    def close(self) -> None:
        """Close the open dialog as Cancel would."""
        if self.dialog is not None:
            self.dialog.reject()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._on_accepted(dialog)
