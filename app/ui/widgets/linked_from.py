""" "Linked from": the entries and cycles whose text links to the item shown (a view)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.ui.widgets.captions import heading
from app.ui.widgets.link_completer import item_detail
from app.writing.links import LinkedItem

HEADING = "Linked from"
_ITEM_ROLE = Qt.ItemDataRole.UserRole + 42
_MOST_ROWS = 3


class LinkedFromList(QWidget):
    """A heading and one row per linking item (title, kind, date); hidden when none links.

    Signals: openItem(str, str) with the kind ("entry" or "cycle") and id of the row activated
    (Enter, a double-click, or a click).
    """

    openItem = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading(HEADING, HEADING, 1.0)
        self.list = QListWidget()
        self.list.setAccessibleName("Items that link here")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.items: list[LinkedItem] = []
        self._opening = False
        self.hide()

    def show_items(self, items: list[LinkedItem]) -> None:
        """Show these linking items (hide the list for none)."""
        self.items = list(items)
        self.list.clear()
        for item in items:
            row = QListWidgetItem(f"{item.title}  ({item_detail(item)})")
            row.setData(_ITEM_ROLE, (item.kind.value, item.item_id))
            row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.title}. {item_detail(item)}")
            self.list.addItem(row)
        count = len(items)
        self.heading.setText(f"{HEADING} ({count})" if count else HEADING)
        rows = min(max(count, 1), _MOST_ROWS)
        row_height = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 2)
        self.setVisible(bool(items))

    @Slot(QListWidgetItem)
    def _activated(self, row: QListWidgetItem) -> None:
        found = row.data(_ITEM_ROLE)
        if self._opening or not isinstance(found, tuple | list) or len(found) != 2:
            return
        # A click that also activates (some desktops open on one click) opens once.
        self._opening = True
        QTimer.singleShot(0, self._opened)
        self.openItem.emit(str(found[0]), str(found[1]))

    @Slot()
    def _opened(self) -> None:
        self._opening = False
