"""Choose entries or cycles that show evidence of change for an action."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.captions import plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.journal_items import ItemKind, ItemRef
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen

KEY_ROLE = Qt.ItemDataRole.UserRole + 31
"""data() for this role is the row's ItemRef.key."""
NOTE = "Tick the entries and cycles that show this action making a difference."
NOTHING = "Nothing written yet: entries and cycles you write appear here."


class EvidencePicker(KeyboardSafeDialog):
    """A filterable list of recent entries and cycles, each with a tick box.

    Constructor: EvidencePicker(items, action_text, parent=None), where `items` are the
    ItemRefs to offer (already linked ones left out). Read `chosen()` once accepted.
    Show it with open(); it deletes itself when closed.
    """

    def __init__(
        self, items: Iterable[ItemRef], action_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link evidence")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = QStandardItemModel(self)
        for ref in items:
            row = QStandardItem(f"{ref.title}  ({ref.detail})")
            row.setEditable(False)
            row.setCheckable(True)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(ref.key, KEY_ROLE)
            row.setData(f"{ref.title}. {ref.detail}", Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setAccessibleName("Filter by title")
        self.filter_edit.setPlaceholderText("Type to filter by title")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setAccessibleName("Recent entries and cycles")
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(self._toggle)
        self.link_button = QPushButton("&Link")
        self.link_button.setAccessibleName("Link the ticked items")
        self.link_button.setDefault(True)
        self.link_button.setEnabled(False)
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")
        buttons = QDialogButtonBox()
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.model.itemChanged.connect(self._ticks_changed)

        filter_label = QLabel("&Filter:")
        filter_label.setBuddy(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Action: {action_text}", "Action"))
        layout.addWidget(quiet_note(NOTE))
        layout.addWidget(filter_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        if self.model.rowCount() == 0:
            layout.addWidget(quiet_note(NOTHING))
        layout.addWidget(buttons)
        resize_within_screen(self, 520, 480)

    def chosen(self) -> list[tuple[ItemKind, str]]:
        """The ticked items as (kind, id), in list order."""
        out = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                kind, _, item_id = str(item.data(KEY_ROLE)).partition(":")
                out.append((ItemKind(kind), item_id))
        return out

    def tick(self, key: str) -> bool:
        """Tick the row for this ItemRef.key; False when it is not offered."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(KEY_ROLE) == key:
                item.setCheckState(Qt.CheckState.Checked)
                return True
        return False

    @Slot()
    def _ticks_changed(self) -> None:
        self.link_button.setEnabled(bool(self.chosen()))

    @Slot()
    def _toggle(self) -> None:
        # A double-click ticks or unticks, like Space; Enter links what is ticked.
        index = self.proxy.mapToSource(self.list.currentIndex())
        item = self.model.itemFromIndex(index)
        if item is not None:
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
