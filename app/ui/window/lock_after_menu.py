"""File > Lock after: how long the window waits, unused, before it locks itself."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

CHOICES = (5, 10, 15, 30, 60)
NEVER = 0


def minutes_label(minutes: int) -> str:
    """'5 minutes', '1 minute', or 'Never' for 0."""
    if minutes == NEVER:
        return "Never"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


class LockAfterMenu(QMenu):
    """A choice of idle times (minutes, or Never), the one in force ticked.

    Signals: chosen(int minutes) when the person picks one (0 for Never).
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Lock &after", parent)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._group.triggered.connect(self._picked)
        self._minutes = -1

    @property
    def minutes(self) -> int:
        """The choice ticked (0 for Never)."""
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        """Tick `minutes`; a time set outside the usual choices is listed too."""
        self._minutes = minutes
        self.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
            action.deleteLater()
        offered = sorted({*CHOICES, minutes} - {NEVER})
        for value in [*offered, NEVER]:
            if value == NEVER:
                self.addSeparator()
            action = QAction(minutes_label(value), self)
            action.setCheckable(True)
            action.setChecked(value == minutes)
            action.setData(value)
            self._group.addAction(action)
            self.addAction(action)

    @Slot(QAction)
    def _picked(self, action: QAction) -> None:
        value = action.data()
        if isinstance(value, int) and value != self._minutes:
            self._minutes = value
            self.chosen.emit(value)
