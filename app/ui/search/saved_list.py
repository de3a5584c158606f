"""The saved searches in the sidebar (a view): one a row, opened, renamed or deleted by key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.search.saved_records import SavedSearch, describe

_ID_ROLE = Qt.ItemDataRole.UserRole + 41
VISIBLE_ROWS = 4
"""Rows shown before the list scrolls, so the entries keep most of the column."""


def _shortcut(text: str, key: QKeySequence | QKeySequence.StandardKey, owner: QWidget) -> QAction:
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    owner.addAction(action)
    return action


class SavedSearchList(QWidget):
    """ "Saved searches" over a short list of them; hidden while there are none.

    Enter or a double-click opens one; F2 renames it in place; Delete deletes it. The same
    three are on the list's context menu.

    Signals: openRequested(str id); renameRequested(str id, str name) when a name was edited
    in place; deleteRequested(str id).
    """

    openRequested = Signal(str)
    renameRequested = Signal(str, str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Saved searches")
        self.list.setAccessibleDescription(
            "Enter opens a saved search, F2 renames it, Delete deletes it"
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = _shortcut("Open", QKeySequence(Qt.Key.Key_Return), self.list)
        self.rename_action = _shortcut("Rename", QKeySequence(Qt.Key.Key_F2), self.list)
        self.delete_action = _shortcut("Delete", QKeySequence.StandardKey.Delete, self.list)
        self.open_action.triggered.connect(self._open_current)
        self.rename_action.triggered.connect(self._rename_current)
        self.delete_action.triggered.connect(self._delete_current)
        self.list.itemActivated.connect(self._activated)
        self.list.itemChanged.connect(self._edited)
        label = QLabel("Saved searches")
        label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self._names: dict[str, str] = {}
        self.setVisible(False)

    def set_searches(self, searches: Sequence[SavedSearch], current: str | None = None) -> None:
        """Show these saved searches (by name), `current` highlighted."""
        self.list.blockSignals(True)
        try:
            self.list.clear()
            self._names = {s.id: s.name for s in searches}
            for search in searches:
                item = QListWidgetItem(search.name)
                item.setData(_ID_ROLE, search.id)
                item.setToolTip(f"{search.name}: {describe(search)}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
                if search.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        rows = min(max(len(searches), 1), VISIBLE_ROWS)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth())
        self.setVisible(bool(searches))

    def names(self) -> list[str]:
        """The names shown, top to bottom."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def edit_name(self, search_id: str) -> None:
        """Put the cursor in the saved search's name, to type another."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ID_ROLE) == search_id:
                self.list.setCurrentItem(item)
                self.list.setFocus()
                self.list.editItem(item)
                return

    def show_name(self, search_id: str, name: str) -> None:
        """Show `name` for a saved search (renamed, or a refused name put back)."""
        self._names[search_id] = name
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ID_ROLE) == search_id:
                self.list.blockSignals(True)
                item.setText(name)
                self.list.blockSignals(False)

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(_ID_ROLE))

    @Slot()
    def _open_current(self) -> None:
        if (search_id := self._current_id()) is not None:
            self.openRequested.emit(search_id)

    @Slot()
    def _rename_current(self) -> None:
        if (search_id := self._current_id()) is not None:
            self.edit_name(search_id)

    @Slot()
    def _delete_current(self) -> None:
        if (search_id := self._current_id()) is not None:
            self.deleteRequested.emit(search_id)

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(str(item.data(_ID_ROLE)))

    @Slot(QListWidgetItem)
    def _edited(self, item: QListWidgetItem) -> None:
        search_id = str(item.data(_ID_ROLE))
        if item.text() != self._names.get(search_id):
            self.renameRequested.emit(search_id, item.text())
