"""The part every list model here shares: rows held in order, found and changed by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractListModel, Generic[RowT]):
    """A flat list of rows (entries, cycles, search hits...) loaded so far.

    A subclass says what a row shows for each role (`row_data`) and what identifies it
    (`row_id`); finding, replacing and removing rows by id is done here.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self.badges: Callable[[str], str] | None = None
        """A short marker by item id ("2 new" comments) that screen readers hear after the
        row's own words; delegates paint the same marker."""

    def row_data(self, row: RowT, role: int) -> Any:
        """What `row` shows for `role` (None for roles it does not have)."""
        raise NotImplementedError

    def row_id(self, row: RowT) -> str:
        """The id of the item a row shows."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The row's data for `role`; None outside the rows."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = self.row_data(row, role)
        if role == Qt.ItemDataRole.AccessibleTextRole and value and self.badges is not None:
            badge = self.badges(self.row_id(row))
            return f"{value}, {badge}" if badge else value
        return value

    def row_of(self, item_id: str) -> int | None:
        """The first row showing this item, if it is loaded."""
        return next((r for r, row in enumerate(self._rows) if self.row_id(row) == item_id), None)

    def update(self, row: RowT) -> None:
        """Show an item's new state where it is (if it is listed)."""
        position = self.row_of(self.row_id(row))
        if position is not None and self._rows[position] != row:
            self._rows[position] = row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def remove(self, item_id: str) -> bool:
        """Take an item's first row off the list; False when it was not listed."""
        position = self.row_of(item_id)
        if position is None:
            return False
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self._row_removed()
        self.endRemoveRows()
        return True

    def _row_removed(self) -> None:
        """A row has just gone (the view is told next); a subclass keeps its counts here."""

    def _reset_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _append_rows(self, rows: list[RowT]) -> None:
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
