"""Read a widget's contents from the journal when it is first shown, not when it is built.

The window builds every view at start-up but shows one; the others wait until they are seen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReadWhenShown(QObject):
    """Calls `read` the first time `widget` is shown, unless it has been read already."""

    def __init__(self, widget: QWidget, read: Callable[[], None]) -> None:
        super().__init__(widget)
        self._read = read
        self.done = False
        widget.installEventFilter(self)

    def mark_read(self) -> None:
        """The widget has read its contents; the first show need not read them again."""
        self.done = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first Show, read (once)."""
        if event.type() == QEvent.Type.Show and not self.done:
            self.done = True
            self._read()
        return False
