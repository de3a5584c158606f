"""Short lists of cycles, entries or lines of inquiry: a Qt model, a two-line row, a view.

Each row shows a title and a quieter detail line with the domain chips the entry list uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domains import Domain
from app.ui.cycles.text import scaled_font
from app.ui.entry_delegate import CHIP_LABELS, chip_colours

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 11
"""data() for this role is the row's id."""
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 12
"""data() for this role is the row's detail line."""
DOMAINS_ROLE = Qt.ItemDataRole.UserRole + 13
"""data() for this role is the row's domains (a tuple of Domain)."""

_Index = QModelIndex | QPersistentModelIndex
_PAD = 8
_GAP = 4
_CHIP_GAP = 6
_CHIP_PAD_X = 6


@dataclass(frozen=True)
class ListItem:
    """One row: what it is (id), its title, a detail line and its domains."""

    id: str
    title: str
    detail: str = ""
    domains: tuple[Domain, ...] = ()


class ItemListModel(QAbstractListModel):
    """A short, fully loaded list of ListItems."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ListItem] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """How many rows."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display; the whole row in words for screen readers and tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            domains = ", ".join(d.label for d in item.domains)
            return ". ".join(p for p in (item.title, item.detail, domains) if p)
        if role == ITEM_ID_ROLE:
            return item.id
        if role == DETAIL_ROLE:
            return item.detail
        if role == DOMAINS_ROLE:
            return item.domains
        return None

    def set_items(self, items: list[ListItem]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ListItem:
        """The row's item."""
        return self._items[row]


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row's title, then its detail line and domain chips, in palette colours."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for two lines."""
        title = QFontMetrics(_title_font(option)).height()
        small = QFontMetrics(_small_font(option)).height() + 2
        return QSize(220, 2 * _PAD + title + _GAP + small)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The style's own background, selection and focus, then the two lines."""
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = option.palette.color(group, text_role)
        quiet_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        quiet = option.palette.color(group, quiet_role)
        area = option.rect.adjusted(_PAD + 2, _PAD, -_PAD, -_PAD)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = _title_font(option)
        title_metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(text)
        title_rect = QRect(area.left(), area.top(), area.width(), title_metrics.height())
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        small = _small_font(option)
        metrics = QFontMetrics(small)
        top = title_rect.bottom() + 1 + _GAP
        height = metrics.height() + 2
        painter.setFont(small)
        domains = index.data(DOMAINS_ROLE) or ()
        chips_width = sum(
            metrics.horizontalAdvance(CHIP_LABELS[d]) + 2 * _CHIP_PAD_X + _CHIP_GAP for d in domains
        )
        detail = str(index.data(DETAIL_ROLE) or "")
        detail_room = max(area.width() - chips_width - _CHIP_GAP, 40)
        detail = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_room)
        painter.setPen(quiet)
        detail_width = metrics.horizontalAdvance(detail)
        painter.drawText(
            QRect(area.left(), top, detail_width + 1, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        x = area.left() + detail_width + (2 * _CHIP_GAP if detail else 0)
        for domain in domains:
            label = CHIP_LABELS[domain]
            width = metrics.horizontalAdvance(label) + 2 * _CHIP_PAD_X
            if x + width > area.right():
                break
            chip = QRectF(x, top, width, height)
            fill, outline = chip_colours(domain)
            painter.setPen(outline)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
            painter.setPen(text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += width + _CHIP_GAP
        painter.restore()


def _title_font(option: QStyleOptionViewItem) -> QFont:
    return scaled_font(option.font, 1.0, bold=True)


def _small_font(option: QStyleOptionViewItem) -> QFont:
    return scaled_font(option.font, 0.9)


class ItemList(QListView):
    """A list of ListItems with two-line rows; Enter or double-click activates a row.

    With `fit_contents` it grows to show every row, for lists inside a scrolling page.

    Signals: itemActivated(str) with the row's id; currentIdChanged(str) when another row
    becomes current.
    """

    itemActivated = Signal(str)
    currentIdChanged = Signal(str)

    def __init__(
        self, accessible_name: str, *, fit_contents: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.list_model = ItemListModel(self)
        self.setModel(self.list_model)
        self.setItemDelegate(TwoLineDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fit = fit_contents
        if fit_contents:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.activated.connect(self._activated)
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._current_changed)

    def set_items(self, items: list[ListItem]) -> None:
        """Show these rows; the first is current (not selected), so Enter works at once."""
        self.list_model.set_items(items)
        selection = self.selectionModel()
        if items and selection is not None:
            selection.setCurrentIndex(
                self.list_model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        if self._fit:
            self.setFixedHeight(self._content_height())

    def select_id(self, item_id: str) -> bool:
        """Make the row with this id current and selected; False if it is not listed."""
        for row in range(self.list_model.rowCount()):
            if self.list_model.item(row).id == item_id:
                self.setCurrentIndex(self.list_model.index(row))
                return True
        return False

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return [self.list_model.item(row).id for row in range(self.list_model.rowCount())]

    def current_id(self) -> str | None:
        """The id of the current row."""
        index = self.currentIndex()
        return str(index.data(ITEM_ID_ROLE)) if index.isValid() else None

    def _content_height(self) -> int:
        rows = self.list_model.rowCount()
        if not rows:
            return 0
        return rows * self.sizeHintForRow(0) + 2 * self.frameWidth()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.currentIdChanged.emit(str(current.data(ITEM_ID_ROLE)))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        item_id = index.data(ITEM_ID_ROLE)
        if item_id:
            self.itemActivated.emit(str(item_id))
