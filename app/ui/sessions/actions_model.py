"""Open actions as a Qt table model: what, with whom, by when (overdue marked), status."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon, QPalette

from app.supervision.session_records import ActionRecord
from app.ui.widgets.attention import overdue_colour
from app.ui.widgets.captions import day_text

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 21
"""data() for this role is the row's action id."""
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 22
"""data() for this role is True when the row's action is overdue."""

HEADERS = ("Action", "With", "By when", "Status")
BY_WHEN_COLUMN = 2
_Index = QModelIndex | QPersistentModelIndex


def by_when_text(action: ActionRecord, today: date) -> str:
    """The date in words, saying "Overdue" in front when it has passed."""
    if action.by_when is None:
        return "No date"
    if action.overdue(today):
        return f"Overdue: {day_text(action.by_when)}"
    return day_text(action.by_when)


class ActionListModel(QAbstractTableModel):
    """A short, fully loaded list of actions; overdue rows carry an icon, words and colour."""

    def __init__(self, warning: QIcon, palette: QPalette, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: list[ActionRecord] = []
        self._today = date.today()
        self._warning = warning
        self._palette = palette

    def set_actions(self, actions: list[ActionRecord], today: date) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._actions = list(actions)
        self._today = today
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        """Follow a theme change."""
        self._palette = palette
        if self._actions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._actions) - 1, 3))

    def replace(self, action: ActionRecord) -> None:
        """Show the changed action in its row (if listed)."""
        row = self.row_of(action.id)
        if row >= 0:
            self._actions[row] = action
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def action(self, row: int) -> ActionRecord:
        """The row's action."""
        return self._actions[row]

    def row_of(self, action_id: str) -> int:
        """The row showing this action, or -1."""
        return next((n for n, a in enumerate(self._actions) if a.id == action_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """How many actions."""
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """What, with whom, by when, status."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's words; the by-when cell of an overdue action also has an icon and colour."""
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        overdue = action.overdue(self._today)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                action.what,
                action.with_whom,
                by_when_text(action, self._today),
                action.status.label,
            )[column]
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._describe(action)
        if role == ACTION_ID_ROLE:
            return action.id
        if role == OVERDUE_ROLE:
            return overdue
        if overdue and column == BY_WHEN_COLUMN:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._warning
            if role == Qt.ItemDataRole.ForegroundRole:
                return overdue_colour(self._palette)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _describe(self, action: ActionRecord) -> str:
        parts = [action.what]
        if action.with_whom:
            parts.append(f"with {action.with_whom}")
        parts += [by_when_text(action, self._today), action.status.label]
        if action.how_i_will_know:
            parts.append(f"How I will know: {action.how_i_will_know}")
        return ". ".join(parts)
