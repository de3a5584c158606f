"""The summary's checklist as a Qt model: a tick box per cycle or entry, under group headings."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.ui.summary.choices import ChoiceGroup
from app.ui.widgets.journal_items import ItemKind

KEY_ROLE = Qt.ItemDataRole.UserRole + 41
"""data() for this role is a choice's key ("cycle:<id>"); groups have none."""


class ChoiceModel(QStandardItemModel):
    """Groups with tick boxes (ticking a group ticks all of it) and their cycles and entries.

    Signals: choicesChanged() after any tick changes.
    """

    choicesChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.itemChanged.connect(self._item_changed)

    def set_groups(self, groups: list[ChoiceGroup], ticked: set[str]) -> None:
        """Show these groups, ticking the choices whose keys are in `ticked`."""
        self._loading = True
        self.clear()
        for group in groups:
            heading = QStandardItem(f"{group.title} ({len(group.choices)})")
            heading.setEditable(False)
            heading.setCheckable(True)
            heading.setAutoTristate(True)
            heading.setData(group.title, Qt.ItemDataRole.AccessibleTextRole)
            for choice in group.choices:
                row = QStandardItem(f"{choice.title}  ·  {choice.detail}")
                row.setEditable(False)
                row.setCheckable(True)
                row.setCheckState(
                    Qt.CheckState.Checked if choice.key in ticked else Qt.CheckState.Unchecked
                )
                row.setData(choice.key, KEY_ROLE)
                row.setData(f"{choice.title}. {choice.detail}", Qt.ItemDataRole.AccessibleTextRole)
                row.setToolTip(choice.detail)
                heading.appendRow(row)
            self.appendRow(heading)
            _match_children(heading)
        self._loading = False
        self.choicesChanged.emit()

    def _rows(self) -> Iterator[QStandardItem]:
        for top in range(self.rowCount()):
            heading = self.item(top)
            for child in range(heading.rowCount()):
                yield heading.child(child)

    def ticked(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ticked cycle ids and entry ids, in list order."""
        cycles: list[str] = []
        entries: list[str] = []
        for row in self._rows():
            if row.checkState() == Qt.CheckState.Checked:
                kind, _, item_id = str(row.data(KEY_ROLE)).partition(":")
                (cycles if kind == ItemKind.CYCLE.value else entries).append(item_id)
        return tuple(cycles), tuple(entries)

    def set_ticked(self, key: str, ticked: bool) -> bool:
        """Tick or untick one choice by key; False when it is not listed."""
        for row in self._rows():
            if row.data(KEY_ROLE) == key:
                row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return True
        return False

    def keys(self) -> list[str]:
        """Every choice's key, in list order."""
        return [str(row.data(KEY_ROLE)) for row in self._rows()]

    @Slot(QStandardItem)
    def _item_changed(self, _item: QStandardItem) -> None:
        if not self._loading:
            self.choicesChanged.emit()


def _match_children(heading: QStandardItem) -> None:
    """Set a group's own tick from its children (auto-tristate only updates on changes)."""
    states = {heading.child(n).checkState() for n in range(heading.rowCount())}
    if states == {Qt.CheckState.Checked}:
        heading.setCheckState(Qt.CheckState.Checked)
    elif states == {Qt.CheckState.Unchecked}:
        heading.setCheckState(Qt.CheckState.Unchecked)
    else:
        heading.setCheckState(Qt.CheckState.PartiallyChecked)
